/**
 * A figure the text of a draft names of a record that exists but counts only after the letter's reference date
 * (a budget decision or shift or an EPF tranche decided after it, a commitment whose first stage is effective
 * after it) is said to count only from that day, so that its author can tell a wrong id from too early a
 * reference date. A wrong id, or a later commitment for a confidential delivery or for one delivery of a
 * public item, which the text could not name whenever it began, keeps the message that says only that the figure does not exist or may not be
 * made public.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';
import { SIGNED } from '../support/letters.ts';

const REFERENCE_DATE = '2025-06-30';
const AFTER = '2025-07-02';
const MILLION = 100_000_000; // cents

describeEachDatabase('a figure of a record that counts only after the reference date', (database) => {
  let roles: RecordingRoles;
  const id = {} as Record<'decision' | 'laterDecision' | 'laterShift' | 'laterTranche' | 'laterCommitment' | 'publicCommitment' | 'confidentialCommitment' | 'partOfItemCommitment', string>;

  const decision = async (decidedOn: string) =>
    (await accepted(roles.finance('POST', '/budget/decisions', { moment: `Besluit ${decidedOn}`, decidedOn, fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2026, amounts: [{ budgetYear: 2025, amountCents: 500 * MILLION }, { budgetYear: 2026, amountCents: 500 * MILLION }], description: '' }))).body.id as string;
  const commitment = async (deliveryId: string | null) =>
    (await accepted(roles.finance('POST', '/budget/commitments', { title: `Toezegging ${deliveryId ?? 'zonder levering'}`, fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId, stage: 'pledged', amountCents: 10 * MILLION, effectiveOn: AFTER }))).body.id as string;
  // One draft per reference date: each test its own, both before the later records.
  const draft = async (referenceDate: string, text: string) => {
    const created = (await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate, letterDate: '2025-07-10' }))).body;
    return (await accepted(roles.author('PATCH', `/letters/${created.id}`, { blocks: [{ key: 'begroting', heading: 'Begroting', text }] }, { 'If-Match': `"${created.version}"` }), 200)).body;
  };

  beforeAll(async () => {
    roles = recordingRoles(database().db);
    const { delivery, value } = deliveryRecords(() => roles);
    const publicShipments = async (titles: string[]) => {
      const ids = [];
      for (const title of titles) {
        const shipment = await delivery({ ...stockDelivery, title });
        await value(shipment, 7 * MILLION, stockDelivery.realisedAt);
        ids.push(shipment);
      }
      await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: ids, state: 'public', publicTitle: titles.join(' en '), publicCategory: 'other', publicValue: true }));
      return ids;
    };
    id.decision = await decision(REFERENCE_DATE);
    id.laterDecision = await decision(AFTER);
    id.laterShift = (await accepted(roles.finance('POST', '/budget/shifts', { moment: 'Latere schuif', decidedOn: '2025-07-03', fund: 'internationalSecurityBudget', fromYear: 2026, toYear: 2025, amountCents: 100 * MILLION, description: '' }))).body.id;
    id.laterTranche = (await accepted(roles.finance('POST', '/epf/tranches', { kind: 'windfallProfits', name: 'Latere tranche', euAmountCents: 1000 * MILLION, decidedOn: '2025-07-04', dutchRole: 'implementingActor' }))).body.id;
    id.laterCommitment = await commitment(null);
    const secret = await delivery({ ...stockDelivery, title: 'Geheime levering' });
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [secret], state: 'confidential', ground: 'operationalSecurity' }));
    id.confidentialCommitment = await commitment(secret);
    const [helmets] = await publicShipments(['Helmen']);
    id.publicCommitment = await commitment(helmets!);
    // Public as one item with the other boots: a commitment for it alone would tell its part, whenever it began.
    const [boots] = await publicShipments(['Laarzen (mei)', 'Laarzen (juni)']);
    id.partOfItemCommitment = await commitment(boots!);
  });

  it('says of each figure of a record that counts only after the reference date the day it counts from, in Dutch and English', async () => {
    const letter = await draft(
      REFERENCE_DATE,
      `Het kabinet besloot tot {{budgetDecision:${id.decision}}} en later {{budgetDecision:${id.laterDecision}}} voor {{budgetDecision:${id.laterDecision}.period}}, ` +
        `schoof {{budgetShift:${id.laterShift}.fromYear}}, de EU gaf {{epfTranche:${id.laterTranche}}} en er is {{budgetCommitment:${id.laterCommitment}}} en {{budgetCommitment:${id.publicCommitment}.year}} toegezegd.`,
    );
    expect(letter.problemsByLanguage.nl).toEqual([
      `De tekst noemt {{budgetDecision:${id.laterDecision}}}, maar dat telt pas vanaf 2 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
      `De tekst noemt {{budgetDecision:${id.laterDecision}.period}}, maar dat telt pas vanaf 2 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
      `De tekst noemt {{budgetShift:${id.laterShift}.fromYear}}, maar dat telt pas vanaf 3 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
      `De tekst noemt {{epfTranche:${id.laterTranche}}}, maar dat telt pas vanaf 4 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
      `De tekst noemt {{budgetCommitment:${id.laterCommitment}}}, maar dat telt pas vanaf 2 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
      `De tekst noemt {{budgetCommitment:${id.publicCommitment}.year}}, maar dat telt pas vanaf 2 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
    ]);
    expect(letter.problemsByLanguage.en[0]).toBe(
      `The text names {{budgetDecision:${id.laterDecision}}}, but that counts only from 2 July 2025, after the reference date: it is not known yet at the reference date. Choose a later reference date, or do not name the figure.`,
    );
    // Submitting it is refused with the same fault, and its day as a date.
    const refused = await roles.author('POST', `/letters/${letter.id}/submission`, undefined, { 'If-Match': `"${letter.version}"` });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual(Array(6).fill('recordAfterReferenceDate'));
  });

  it('keeps the generic message for a wrong id, a part the record has not, and a later commitment for a confidential delivery or one of a public item', async () => {
    const names = [
      `budgetDecision:${randomUUID()}`,
      'budgetDecision:geen-id',
      `budgetDecision:${id.laterDecision}.fromYear`,
      `epfTranche:${id.laterDecision}`,
      `budgetCommitment:${id.confidentialCommitment}`,
      `budgetCommitment:${id.confidentialCommitment}.year`,
      `budgetCommitment:${id.partOfItemCommitment}`,
    ];
    const letter = await draft('2025-06-29', names.map((name) => `{{${name}}}`).join(' '));
    expect(letter.problemsByLanguage.nl).toEqual(names.map((name) => `De tekst noemt {{${name}}}, maar dat cijfer bestaat niet of mag niet openbaar worden.`));
    expect(letter.problemsByLanguage.en).toEqual(names.map((name) => `The text names {{${name}}}, which does not exist or may not be made public.`));
  });
});
