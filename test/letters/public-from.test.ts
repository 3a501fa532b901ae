/**
 * A disclosure decision may make a delivery public only from a date. A letter whose reference date comes
 * before that date does not list it: publishing the letter would make it public before the decision allows.
 * A final letter that lists a delivery since made public only from a later date waits for that date
 * (publication-hold.test.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { placeholdersOf } from '../support/letters.ts';

describeEachDatabase('a delivery public from a later date', (database) => {
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    registrar = apiClient(db, { role: 'registrar' });
    disclosure = apiClient(db, { role: 'disclosureOfficer' });
    author = apiClient(db, { role: 'letterAuthor' });
  });

  async function decidedPublic(publicTitle: string, publicFrom: string | null): Promise<string> {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${publicTitle} (intern)`, committedAt: '2025-10-01', realisedAt: '2025-10-15' });
    expect(created.status).toBe(201);
    const valued = await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents: 300_000_000, basis: 'replacementValue', effectiveDate: '2025-10-15' });
    expect(valued.status).toBe(201);
    const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'public', publicTitle, publicCategory: 'other', publicFrom, publicValue: true });
    expect(decided.status).toBe(201);
    return created.body.id;
  }
  const tomorrow = () => new Date(Date.parse(`${todayInAmsterdam()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('is left out of the public overview of a letter before that date, while one public at once is listed', async () => {
    await decidedPublic('Openbaar vanaf morgen', tomorrow());
    await decidedPublic('Openbaar vanaf de brief', null);
    const draft = await author('POST', '/letters', { referenceDate: '2025-12-31', letterDate: '2026-01-20' });
    expect(draft.status).toBe(201);
    const listed = draft.body.letter.overview.flatMap((group: { items: { title: string }[] }) => group.items.map((item) => item.title));
    expect(listed).toContain('Openbaar vanaf de brief');
    expect(listed).not.toContain('Openbaar vanaf morgen');
  });

  it('cannot have its value, or the amount of a commitment for it, named in a letter before that date, as one public at once can', async () => {
    const later = await decidedPublic('Later openbaar, genoemd', tomorrow());
    const atOnce = await decidedPublic('Openbaar, genoemd', null);
    const finance = apiClient(database().db, { role: 'finance' });
    const commitment = (deliveryId: string) =>
      finance('POST', '/budget/commitments', { title: `Toezegging ${deliveryId}`, fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId, stage: 'committed', amountCents: 300_000_000, effectiveOn: '2025-10-01' });
    const [laterCommitment, atOnceCommitment] = [(await commitment(later)).body.id, (await commitment(atOnce)).body.id];
    const draft = await author('POST', '/letters', { referenceDate: '2025-12-30', letterDate: '2026-01-20' });
    expect(draft.status).toBe(201);
    const text = `{{delivery:${later}}} {{budgetCommitment:${laterCommitment}}} {{delivery:${atOnce}}} {{budgetCommitment:${atOnceCommitment}}}`;
    const edited = await author('PATCH', `/letters/${draft.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text }] }, { 'If-Match': `"${draft.body.version}"` });
    expect(edited.status).toBe(200);
    // Like a confidential delivery, it keeps the letter from being finalised; the one public at once is printed.
    expect(placeholdersOf(edited.body.problems).sort()).toEqual([`{{budgetCommitment:${laterCommitment}}}`, `{{delivery:${later}}}`].sort());
    expect(Object.values(edited.body.letter.namedFigures)).toEqual(['€3 mln.', '€3 mln.']);
  });
});
