/**
 * A disclosure decision may make a delivery public only from a date. A letter whose reference date comes
 * before that date does not list it: publishing the letter would make it public before the decision allows.
 */
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';

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
    const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'public', publicTitle, publicCategory: 'other', publicFrom });
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
    expect([...edited.body.problems].sort()).toEqual([`{{budgetCommitment:${laterCommitment}}}`, `{{delivery:${later}}}`].sort());
    expect(Object.values(edited.body.letter.namedFigures)).toEqual(['€3 mln.', '€3 mln.']);
  });
});

describeEachDatabase('a letter that lists a delivery since made public only from a later date', (database) => {
  it('does not make it public at its publication: its new presentation and value wait for the date', async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const [author, disclosure, anonymous] = [apiClient(db, { role: 'letterAuthor' }), apiClient(db, { role: 'disclosureOfficer' }), apiClient(db)];
    const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
    const approved = await disclosure('POST', `/letters/${draft.id}/approval`, undefined, { 'If-Match': `"${draft.version}"` });
    const final = await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status).toBe(200);
    expect((await author('POST', `/letters/${draft.id}/sending`)).status).toBe(200);
    const listed = final.body.letter.overview[0].items[0];
    const delivery = await db.selectFrom('delivery').select('id').where('publicId', '=', listed.publicId).executeTakeFirstOrThrow();
    // After the letter was final, the disclosure officer decided: public only from 2030, with its value and another title.
    const canary = 'CANARY-pas-openbaar-in-2030';
    const later = { deliveryIds: [delivery.id], state: 'public', publicTitle: canary, publicCategory: listed.category, publicValue: true, publicRealisedDate: 'day', publicFrom: '2030-01-01' };
    expect((await disclosure('POST', '/disclosure-decisions', later)).status).toBe(201);
    expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' })).status).toBe(200);

    // The letter lists it as it was final; the open data waits for the date the decision names.
    expect(JSON.stringify((await anonymous('GET', `/public/letters/${draft.id}`)).body)).toContain(listed.title);
    for (const path of ['/public/deliveries', '/public/deliveries?format=csv', '/public/kiel', '/public/kiel?format=xlsx', '/public/catalog']) {
      const answer = await anonymous('GET', path);
      expect(answer.status, path).toBe(200);
      expect(String(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)), path).not.toContain(canary);
    }
    expect((await anonymous('GET', '/public/deliveries')).body.items.map((item: { publicId: string }) => item.publicId)).not.toContain(listed.publicId);
  });
});
