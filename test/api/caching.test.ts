/**
 * What browsers and proxies may keep: nothing of an answer to a session; a final letter's rendering
 * made once and checked by its strong ETag (its paper number may be corrected); the built browser
 * application compressed ahead of time, its hashed files kept for a year and index.html checked each time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { createApp } from '../../src/server.ts';
import { createLogger } from '../../src/logging.ts';
import { precompress } from '../../scripts/precompress.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { apiClient, type ApiCall } from './client.ts';
import { ifMatchCurrent } from '../support/letters.ts';

describe('caching and compression', () => {
  let scratch: ScratchDatabase;
  let anonymous: ApiCall;
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-web-'));
  const script = `console.log(${JSON.stringify('steunregister '.repeat(500))});`;

  beforeAll(async () => {
    scratch = await openScratchPGlite({ demonstration: true });
    anonymous = apiClient(scratch.handle.db);
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), `<!doctype html><script src="/assets/index-Ab12Cd34.js"></script>${' '.repeat(2000)}`);
    writeFileSync(join(folder, 'assets', 'index-Ab12Cd34.js'), script);
    writeFileSync(join(folder, 'assets', 'tiny-Ef56.css'), 'a{}');
    const plugin = precompress() as { configResolved: (config: unknown) => void; closeBundle: () => Promise<void> };
    plugin.configResolved({ root: folder, build: { outDir: '.' } });
    await plugin.closeBundle();
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await scratch?.dispose();
  });

  it('marks every answer to a session no-store, and public data no-cache', async () => {
    for (const role of ['registrar', 'auditor', 'letterAuthor'] as const) {
      const call = apiClient(scratch.handle.db, { role });
      for (const path of ['/session', '/deliveries', '/audit-events', '/letters', '/figures?referenceDate=2025-08-31&compareDate=2025-02-04']) {
        const answer = await call('GET', path);
        if (answer.status === 403) continue;
        expect(answer.headers.get('cache-control'), `${role} ${path}`).toBe('no-store');
      }
    }
    expect((await anonymous('GET', '/deliveries')).headers.get('cache-control')).toBe('no-store');
    expect((await anonymous('GET', '/public/letters')).headers.get('cache-control')).toBe('no-cache');
  });

  it('renders a final letter once, with a strong ETag that readers check, so that a corrected paper number reaches them', async () => {
    const [letter] = (await anonymous('GET', '/public/letters')).body.items;
    expect(letter.paperNumber).toBeTruthy();
    const path = `/public/letters/${letter.id}/renderings/html`;
    const first = await anonymous('GET', path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');

    // That it is rendered once is the rendering cache's to show (src/api/public/rendering-cache.test.ts).
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => anonymous('GET', path)));
    expect(concurrent.map((answer) => answer.headers.get('etag'))).toEqual(Array(20).fill(etag));

    const unchanged = await anonymous('GET', path, undefined, { 'If-None-Match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeUndefined();
    expect(unchanged.headers.get('etag')).toBe(etag);

    const correctedNumber = letter.paperNumber.replace(/\d+$/, (number: string) => String(Number(number) + 1));
    const author = apiClient(scratch.handle.db, { role: 'letterAuthor' });
    const correction = await author('POST', `/letters/${letter.id}/publication-corrections`, { paperNumber: correctedNumber, publishedOn: letter.publishedOn, reason: 'Verkeerd nummer overgenomen' }, await ifMatchCurrent(author, letter.id));
    expect(correction.status).toBe(200);
    const corrected = await anonymous('GET', path, undefined, { 'If-None-Match': etag! });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('etag')).not.toBe(etag);
    expect(corrected.body).toContain(correctedNumber);
  });

  it('limits how many renderings one address may ask for without a session', async () => {
    const [letter] = (await anonymous('GET', '/public/letters')).body.items;
    const fresh = apiClient(scratch.handle.db);
    const statuses = [];
    for (let request = 0; request < 61; request++) statuses.push((await fresh('GET', `/public/letters/${letter.id}/renderings/html`)).status);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(60);
    const refused = await fresh('GET', `/public/letters/${letter.id}/renderings/html`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone with a session is not counted.
    expect((await apiClient(scratch.handle.db, { role: 'registrar' })('GET', `/public/letters/${letter.id}/renderings/html`)).status).toBe(200);
  });

  it('counts the renderings asked for from one IPv6 network (/64) as from one address', async () => {
    const [letter] = (await anonymous('GET', '/public/letters')).body.items;
    const api = createApi({ db: scratch.handle.db, trustProxy: true, anonymousRenderingsPerMinute: 3 });
    const fresh = apiClient(scratch.handle.db, { api });
    const render = (address: string) => fresh('GET', `/public/letters/${letter.id}/renderings/html`, undefined, { 'X-Forwarded-For': address });
    for (const host of ['a', 'b', 'c']) expect((await render(`2001:db8:1:2::${host}`)).status).toBe(200);
    expect((await render('2001:db8:1:2::d')).status).toBe(429);
    expect((await render('2001:db8:1:3::d')).status).toBe(200);
  });

  describe('the browser application', () => {
    const app = () => createApp(scratch.handle.db, { logger: createLogger({ level: 'silent' }), trustProxy: false, webRoot: folder });

    it('is compressed at build time with brotli and gzip, except files too small to gain', () => {
      const built = join(folder, 'assets', 'index-Ab12Cd34.js');
      expect(brotliDecompressSync(readFileSync(`${built}.br`)).toString()).toBe(script);
      expect(gunzipSync(readFileSync(`${built}.gz`)).toString()).toBe(script);
      expect(existsSync(join(folder, 'assets', 'tiny-Ef56.css.br'))).toBe(false);
    });

    it('sends a hashed file compressed and kept for a year, and index.html checked on every use', async () => {
      const asset = await app().request('/assets/index-Ab12Cd34.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(asset.headers.get('content-encoding')).toBe('br');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(Buffer.from(await asset.arrayBuffer())).toString()).toBe(script);
      const gzipOnly = await app().request('/assets/index-Ab12Cd34.js', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzipOnly.headers.get('content-encoding')).toBe('gzip');

      for (const page of ['/', '/index.html', '/leveringen/123']) {
        const answer = await app().request(page);
        expect(answer.status, page).toBe(200);
        expect(answer.headers.get('cache-control'), page).toBe('no-cache');
      }
    });

    it('answers a missing file under /assets/ 404, not with the application’s page, and keeps it no longer than a page', async () => {
      for (const path of ['/assets/nonexistent-abc123.js', '/assets/', '/assets/sub/missing.css']) {
        const answer = await app().request(path);
        expect(answer.status, path).toBe(404);
        expect(answer.headers.get('content-type'), path).not.toContain('text/html');
        expect(answer.headers.get('cache-control'), path).toBe('no-cache');
      }
    });

    it('allows no powerful browser features', async () => {
      const policy = (await app().request('/')).headers.get('permissions-policy');
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy).toContain(feature);
    });
  });
});
