/**
 * The section on export control (Toetsing) says every delivery that needed a licence had one when it left. A
 * draft checks that claim against the register at its reference date: it notes how many deliveries that
 * needed a licence and left by then had none covering them when they left, of how many, and names them for
 * its reviewers, never in the letter.
 */
import { beforeAll, expect, it } from 'vitest';
import { shipmentCountsBy } from '../../src/db/repositories/export-control.ts';
import type { ApiCall } from '../api/client.ts';
import { apiClient } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { licenseForShipment, registerShipped } from '../support/export-control.ts';
import { accepted, recordingRoles } from '../support/recording-roles.ts';
import { SIGNED } from '../support/letters.ts';

describeEachDatabase('the note on export control of a draft letter', (database) => {
  let registrar: ApiCall;
  let author: ApiCall;
  let assessor: ApiCall;
  const id = {} as Record<'licensed' | 'licensedAfterLeaving' | 'leftAfterTheDate', string>;

  /** Stock handed over on the day that needs no licence by the rule, which the assessor then says it needed from that day. */
  const handedOverNeedingLicence = async (title: string, realisedAt: string) => {
    const { body } = await accepted(registrar('POST', '/deliveries', { ...stockDelivery, title, realisedAt }));
    await accepted(assessor('POST', `/deliveries/${body.id}/export-requirement`, { required: true, reason: 'Op de Militaire Lijst (ML13).', effectiveOn: realisedAt }));
    return body.id as string;
  };

  const draftAt = async (referenceDate: string) => (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate, letterDate: '2025-09-10' }))).body;
  /** The note on export control: it follows the note on readiness, which the stock here, judged by no one, has too. */
  const exportNote = (draft: { notesByLanguage: { nl: string[]; en: string[] } }) => ({ nl: draft.notesByLanguage.nl.slice(1), en: draft.notesByLanguage.en.slice(1) });
  let laterDraftId: string;

  beforeAll(async () => {
    const { db } = database();
    ({ registrar, author } = recordingRoles(db));
    assessor = apiClient(db, { role: 'exportControlAssessor' });
    id.licensed = (await accepted(registerShipped(registrar, db, { ...stockDelivery, category: 'ammunition', title: 'Granaten', realisedAt: '2025-04-15' }), 200)).body.id;
    id.licensedAfterLeaving = await handedOverNeedingLicence('Helmen', '2025-05-01');
    // A licence issued a month after the helmets left, before the reference date: it did not cover them when they left.
    await licenseForShipment(db, id.licensedAfterLeaving, { issuedOn: '2025-06-01', validUntil: '2026-06-01', quantityAuthorised: null });
    id.leftAfterTheDate = await handedOverNeedingLicence('Vesten', '2025-07-05');
  });

  it('counts the deliveries that left by the reference date without a licence covering them, of those that needed one, and names them for the staff only', async () => {
    const draft = await draftAt('2025-06-30');
    // The vests left after the date: they count neither as uncovered nor among those that needed a licence.
    expect(exportNote(draft)).toEqual({
      nl: [
        'Van de 2 leveringen die tot en met 30 juni 2025 zijn overgedragen of geleverd en een exportvergunning nodig hadden, had er 1 bij vertrek geen vergunning die haar dekte. De paragraaf Toetsing zegt dat voor alle leveringen waar nodig een exportvergunning is afgegeven; het register onderbouwt dat voor deze levering niet.',
      ],
      en: [
        'Of the 2 deliveries handed over or delivered up to 30 June 2025 that needed an export licence, 1 had no licence covering it when it left. The section on export control (Toetsing) says a licence was issued for every delivery that needed one; the register does not bear that out for this delivery.',
      ],
    });
    expect(draft.shipmentsWithoutLicence).toEqual({ count: 1, first: [{ deliveryId: id.licensedAfterLeaving, title: 'Helmen', shippedOn: '2025-05-01' }] });
    expect(JSON.stringify(draft.letter)).not.toContain('Helmen');
  });

  it('counts what left by a later reference date, and says nothing before anything that needed a licence left', async () => {
    const later = await draftAt('2025-07-31');
    laterDraftId = later.id;
    expect(later.shipmentsWithoutLicence.first.map((shipment: { title: string }) => shipment.title)).toEqual(['Helmen', 'Vesten']);
    expect(exportNote(later).en[0]).toMatch(/^Of the 3 deliveries handed over or delivered up to 31 July 2025 that needed an export licence, 2 had no licence covering them when they left\./);

    const before = await draftAt('2025-04-14');
    expect(before.notes).toEqual([]);
    expect(before.shipmentsWithoutLicence).toEqual({ count: 0, first: [] });
  });

  it('lists only the first of them, earliest shipped first, with their count', async () => {
    expect(await shipmentCountsBy(database().db, '2025-07-31', 1)).toEqual({
      needed: 3,
      uncovered: 2,
      listed: [{ deliveryId: id.licensedAfterLeaving, title: 'Helmen', shippedOn: '2025-05-01' }],
    });
  });

  it('leaves out a delivery once a licence issued before it left covered it then', async () => {
    // A licence for the vests, issued before the day they left and valid then.
    await licenseForShipment(database().db, id.leftAfterTheDate, { issuedOn: '2025-07-01', validUntil: '2026-07-01', quantityAuthorised: null });
    const { body: draft } = await accepted(author('GET', `/letters/${laterDraftId}`), 200);
    expect(draft.shipmentsWithoutLicence.first.map((shipment: { title: string }) => shipment.title)).toEqual(['Helmen']);
  });
});
