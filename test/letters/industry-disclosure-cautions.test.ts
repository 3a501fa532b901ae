/**
 * The letter's Industrie section counts the contracts of companies whose disclosure is decided: a confidential
 * company's contract only inside the aggregate the disclosure officer approves, an undecided company's not at
 * all. Where a count or sum the text names is, beside what is public, one confidential company's alone, its
 * part can be read from the letter; the disclosure officer reading the draft is told so, without being kept
 * from approving.
 */
import { beforeAll, expect, it } from 'vitest';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { frozenSnapshot, refreeze, submitAndApprove, SIGNED } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';

const REFERENCE_DATE = '2025-06-30';
const MILLION = 100_000_000; // cents

describeEachDatabase('what a draft discloses of a single company through the industry figures', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  const { delivery, value, pay } = deliveryRecords(() => ({ registrar, finance, disclosure, author }));
  let letterId: string;
  let secretCompany: string;

  const company = async (name: string, country: string) => (await accepted(registrar('POST', '/companies', { name, country }))).body.id as string;
  const contract = (companyId: string, reference: string, amountCents: number, deliveryIds: string[] = []) =>
    accepted(registrar('POST', '/industry-contracts', { companyId, reference, subject: 'Drones', amountCents, signedOn: '2025-04-01', deliveryIds, milestones: [] }));
  const decide = (companyId: string, decision: Record<string, unknown>) => accepted(disclosure('POST', `/companies/${companyId}/disclosure-decisions`, decision));
  const letter = (language = 'nl') => disclosure('GET', `/letters/${letterId}`, undefined, { 'Accept-Language': language });
  const figure = (body: any, name: string) => body.figures.find((named: any) => named.name === name)?.value;
  const industryCautions = async () =>
    (await letter()).body.disclosureCautions
      .filter((caution: any) => caution.kind === 'industryFigure')
      .map((caution: any) => [caution.figure, caution.company, caution.part]);

  beforeAll(async () => {
    ({ registrar, finance, disclosure, author } = recordingRoles(database().db));
    const bought = await delivery({ ...procurement, title: 'Drones van een openbaar bedrijf', category: 'drones', committedAt: '2025-03-01' });
    await value(bought, 100 * MILLION, '2025-04-01');
    await pay(bought, 100 * MILLION, '2025-05-01');
    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [bought], state: 'public', publicTitle: 'Drones', publicCategory: 'drones', publicValue: true }));
    const known = await company('Openbare Drones B.V.', 'NL');
    await contract(known, 'G2B-OPEN', 100 * MILLION, [bought]);
    await decide(known, { state: 'public', publicName: 'Openbare Drones' });
    secretCompany = await company('Geheime Drones B.V.', 'NL');
    await contract(secretCompany, 'G2B-GEHEIM', 37 * MILLION);
    await decide(secretCompany, { state: 'confidential', ground: 'companyInterests' });
    const draft = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    letterId = draft.body.id;
    const text =
      'Defensie kocht drones voor {{delivery:' + bought + '}}. In totaal zijn {{industry.contracts}} {{industry.contracts|contract|contracten}} gesloten ' +
      'met {{industry.companies}} {{industry.companies|bedrijf|bedrijven}}, ter waarde van {{industry.contractValue}}.';
    await accepted(author('PATCH', `/letters/${letterId}`, { blocks: [{ key: 'industrie', heading: 'Industrie', text }] }, { 'If-Match': draft.headers.get('ETag')! }), 200);
  });

  it('tells the disclosure officer each industry figure the text names that is one confidential company’s part beside the public ones, and approves it all the same', async () => {
    const { body } = await letter();
    expect([figure(body, 'industry.contracts'), figure(body, 'industry.companies'), figure(body, 'industry.contractValue')]).toEqual(['2', '2', '€137 mln.']);
    expect(await industryCautions()).toEqual([
      ['contracts', 'Geheime Drones B.V.', 1],
      ['contractValue', 'Geheime Drones B.V.', 37 * MILLION],
      ['companies', 'Geheime Drones B.V.', 1],
    ]);
    expect(body.disclosureCautions.every((caution: any) => caution.kind !== 'industryFigure' || caution.companyId === secretCompany)).toBe(true);
    // Only the disclosure officer is told.
    expect((await author('GET', `/letters/${letterId}`)).body.disclosureCautions).toBeNull();
    await accepted(submitAndApprove({ author, disclosure }, letterId, (await author('GET', `/letters/${letterId}`)).headers.get('ETag')!), 200);
  });

  it('counts no contract of a company not decided on, and tells of none', async () => {
    const undecided = await company('Onbesliste Drones B.V.', 'UA');
    await contract(undecided, 'G2B-OPEN-VRAAG', 20 * MILLION);
    const { body } = await letter();
    expect([figure(body, 'industry.contracts'), figure(body, 'industry.companies'), figure(body, 'industry.ukrainianCompanies'), figure(body, 'industry.contractValue')]).toEqual([
      '2',
      '2',
      '0',
      '€137 mln.',
    ]);
    expect(JSON.stringify(body.letter.sections)).toContain('2 contracten gesloten met 2 bedrijven, ter waarde van €137 mln.');
    expect(await industryCautions()).toEqual([
      ['contracts', 'Geheime Drones B.V.', 1],
      ['contractValue', 'Geheime Drones B.V.', 37 * MILLION],
      ['companies', 'Geheime Drones B.V.', 1],
    ]);
    // Once decided confidential too, the figures are two confidential companies' parts together: none is one company's alone.
    await decide(undecided, { state: 'confidential', ground: 'companyInterests' });
    const decided = (await letter()).body;
    expect([figure(decided, 'industry.contracts'), figure(decided, 'industry.contractValue')]).toEqual(['3', '€157 mln.']);
    expect(await industryCautions()).toEqual([]);
  });

  it('tells of the one confidential company left once the other is decided public', async () => {
    await decide(secretCompany, { state: 'public', publicName: 'Geheime Drones' });
    expect(await industryCautions()).toEqual([
      ['contracts', 'Onbesliste Drones B.V.', 1],
      ['contractValue', 'Onbesliste Drones B.V.', 20 * MILLION],
      ['companies', 'Onbesliste Drones B.V.', 1],
    ]);
  });

  it('verifies a final letter by its companies as decided when it was finalised: a decision since changes no figure', async () => {
    const later = await company('Latere Drones B.V.', 'NL');
    await contract(later, 'G2B-LATER', 5 * MILLION);
    const approved = await accepted(submitAndApprove({ author, disclosure }, letterId, (await author('GET', `/letters/${letterId}`)).headers.get('ETag')!), 200);
    const final = await accepted(author('POST', `/letters/${letterId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    expect(final.body.figures.find((named: any) => named.name === 'industry.contracts').value).toBe('3');
    await decide(later, { state: 'confidential', ground: 'companyInterests' });
    expect((await author('GET', `/letters/${letterId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });

  it('verifies a letter finalised in format 6, which counted every company’s contracts, by every company, and one of format 7 by those decided on', async () => {
    const frozen = await frozenSnapshot(database().db, letterId);
    // As a letter of format 6 printed its figures: the contract of the company undecided when it was finalised counted too.
    const asThen = (format: PublicLetterSnapshot['format']): PublicLetterSnapshot => ({
      ...JSON.parse(JSON.stringify(frozen).replace('3 contracten gesloten met 3 bedrijven, ter waarde van €157 mln.', '4 contracten gesloten met 4 bedrijven, ter waarde van €162 mln.')),
      format,
      namedFigures: { ...frozen.namedFigures, 'industry.contracts': '4', 'industry.companies': '4', 'industry.contractValue': '€162 mln.' },
    });
    await refreeze(database().db, letterId, asThen('steunregister-letter/6'));
    expect((await author('GET', `/letters/${letterId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    await refreeze(database().db, letterId, asThen('steunregister-letter/7'));
    expect(new Set((await author('GET', `/letters/${letterId}/verification`)).body.figureDifferences)).toEqual(
      new Set([
        { figure: 'industry.contracts', published: '4', recomputed: '3' },
        { figure: 'industry.companies', published: '4', recomputed: '3' },
        { figure: 'industry.contractValue', published: '€162 mln.', recomputed: '€157 mln.' },
      ]),
    );
  });
});
