/**
 * The HTML letter and annex carry their stylesheet, so that a page saved from the browser keeps its style;
 * the answer's Content-Security-Policy allows that one stylesheet by its SHA-256 and no other inline style.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.ts';
import { createApp } from '../../src/server.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';
import { sessionCookieFor } from '../support/sessions.ts';

/** The text of the page's one style element. */
function stylesheetOf(html: string): string {
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)];
  expect(styles).toHaveLength(1);
  return styles[0]![1]!;
}

describeEachDatabase('the policy of the HTML letter and annex', (database) => {
  let roles: RecordingRoles;
  const { delivery, value } = deliveryRecords(() => roles);
  let letterId: string;
  /** A GET as a letter author through the whole site, whose security headers the API alone does not set. */
  let get: (path: string) => Promise<Response>;

  beforeAll(async () => {
    roles = recordingRoles(database().db);
    await value(await delivery(stockDelivery), 100_000_000, stockDelivery.realisedAt);
    letterId = (await accepted(roles.author('POST', '/letters', { referenceDate: '2025-06-30', letterDate: '2025-07-10' }))).body.id;
    const app = createApp(database().db, { logger: createLogger({ level: 'silent' }), trustProxy: false });
    const cookie = await sessionCookieFor(database().db, 'letterAuthor');
    get = async (path) => app.request(`/api/v1${path}`, { headers: { Cookie: cookie } });
  });

  it('allows the page’s own stylesheet by its hash, and links none', async () => {
    for (const path of [`/letters/${letterId}/annex/html`, `/letters/${letterId}/renderings/html`]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      const html = await answer.text();
      expect(html, path).not.toMatch(/<link[^>]*stylesheet/);
      const hash = createHash('sha256').update(stylesheetOf(html)).digest('base64');
      const policy = answer.headers.get('Content-Security-Policy') ?? '';
      expect(policy, path).toContain(`style-src 'self' 'sha256-${hash}';`);
      expect(policy, path).toContain("default-src 'none'");
      expect(policy, path).not.toContain('unsafe-inline');
    }
    // The reader's watermark is stamped in the page, beside its stylesheet.
    expect(await (await get(`/letters/${letterId}/annex/html`)).text()).toMatch(/<span>Geopend door Test letterAuthor \(Opsteller van de brief\) op /);
  });

  it('gives every other answer a policy without it', async () => {
    const policy = (await get(`/letters/${letterId}`)).headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("style-src 'self';");
  });
});
