/**
 * The annex is rendered at the request's clock, as the letter is finalised: the kept rendering says when
 * by that clock, not by the machine's, and so does a draft's annex rendered for its reader.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { submitAndApprove, SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

const clock = () => new Date('2025-09-10T08:30:00Z');

describeEachDatabase('the annex at the request’s clock', (database) => {
  let roles: RecordingRoles;
  let draft: { id: string; etag: string };
  beforeAll(async () => {
    roles = recordingRoles(database().db, clock);
    const { delivery, value } = deliveryRecords(() => roles);
    const spares = await delivery({ ...stockDelivery, title: 'Reservedelen' });
    await value(spares, 100_000_000, '2025-04-15');
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [spares], state: 'confidential', ground: 'operationalSecurity' }));
    const created = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10' }));
    draft = { id: created.body.id, etag: created.headers.get('ETag')! };
  });

  it('renders a draft’s annex at the clock’s time', async () => {
    const pdf = await roles.author('GET', `/letters/${draft.id}/annex/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body).toContain('/CreationDate (D:20250910');
  });

  it('keeps the annex of the final letter as rendered at the clock’s time', async () => {
    const approved = await accepted(submitAndApprove(roles, draft.id, draft.etag), 200);
    await accepted(roles.author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    const kept = await database().db.selectFrom('annexRendering').select('renderedAt').where('letterId', '=', draft.id).executeTakeFirstOrThrow();
    expect(new Date(kept.renderedAt).toISOString()).toBe(clock().toISOString());
  });
});
