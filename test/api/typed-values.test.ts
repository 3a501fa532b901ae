/**
 * What a person types is kept as meant and checked against what it follows: a name, number or title on
 * one line is kept without the spaces around it, as the import keeps it (so " NL-1 " is the licence
 * NL-1, taken already); a country code that is none is said to be none however it is typed, by the API
 * and the import alike; a milestone's progress is not reported before its contract was signed; and a
 * valuation in another currency worth more than one entry may be at its rate is refused at its original
 * amount, not answered with a server error. Each refusal names the field in Dutch and English and changes
 * nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { downloadedTemplate, filledTemplate } from '../support/import-files.ts';
import { apiClient, type ApiCall, type ApiResponse } from './client.ts';

describeEachDatabase('what a person types, kept as meant', (database) => {
  const as = {} as Record<Role, ApiCall>;
  let stockId: string;
  let companyId: string;

  beforeAll(async () => {
    const { db } = database();
    for (const role of ['registrar', 'disclosureOfficer', 'exportControlAssessor', 'licensingOfficer', 'administrator'] as const) as[role] = apiClient(db, { role });
    stockId = (await as.registrar('POST', '/deliveries', stockDelivery)).body.id;
    companyId = (await as.registrar('POST', '/companies', { name: 'Voorbeeld B.V.', country: 'NL' })).body.id;
  });

  /** Every change is an audit event of success: their number says whether anything changed. */
  const changes = async () =>
    Number((await database().db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<string>().as('count')).where('result', '=', 'success').executeTakeFirstOrThrow()).count);

  /**
   * The request refused in both languages, naming only the field with the code, each time in words of its own;
   * each answer also gives the reason in the other language, for a page switched to it after the refusal.
   */
  async function expectRefusedInBothLanguages(send: (headers: Record<string, string>) => Promise<ApiResponse>, field: string, code: string) {
    const before = await changes();
    const answers: ApiResponse[] = [];
    for (const language of ['nl', 'en']) {
      const refused = await send({ 'Accept-Language': language });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.invalidParams).toEqual([{ name: field, code, reason: expect.stringMatching(/\w{3,}.*\./) }]);
      answers.push(refused);
    }
    const [nl, en] = answers.map((answer) => answer.body.invalidParams[0].reason);
    expect(nl).not.toBe(en);
    for (const answer of answers) expect(answer.body.reasonsByLanguage).toEqual({ nl: [nl], en: [en] });
    expect(await changes()).toBe(before);
  }

  describe('text on one line is kept without the spaces around it', () => {
    it('a company, its contract and milestone, and the name the public may read', async () => {
      const company = await as.registrar('POST', '/companies', { name: '  Spaties B.V. ', country: 'NL' });
      expect(company.status).toBe(201);
      const contract = await as.registrar('POST', '/industry-contracts', {
        companyId: company.body.id, reference: ' G2B-SPATIES ', subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', milestones: [{ title: ' Levering ', dueOn: '2025-12-01' }],
      });
      expect(contract.status).toBe(201);
      const decision = await as.disclosureOfficer('POST', `/companies/${company.body.id}/disclosure-decisions`, { state: 'public', publicName: ' Spaties ' });
      expect(decision.body.publicName).toBe('Spaties');
      const db = database().db;
      expect(await db.selectFrom('company').select('name').where('id', '=', company.body.id).executeTakeFirstOrThrow()).toEqual({ name: 'Spaties B.V.' });
      expect(await db.selectFrom('industryContract').select('reference').where('id', '=', contract.body.id).executeTakeFirstOrThrow()).toEqual({ reference: 'G2B-SPATIES' });
      expect(await db.selectFrom('contractMilestone').select('title').where('contractId', '=', contract.body.id).executeTakeFirstOrThrow()).toEqual({ title: 'Levering' });
    });

    it('a training programme, a replenishment project and a delivery’s public title', async () => {
      const programme = await as.registrar('POST', '/training-programmes', { key: 'spaties', name: '  Opleiding  ', hostCountry: 'DE', framework: 'bilateral' });
      expect(programme.body.name).toBe('Opleiding');
      const project = await as.registrar('POST', '/replenishment-projects', { name: ' Vervanging ', stage: 'identified', asOf: '2025-06-01' });
      expect(project.body.name).toBe('Vervanging');
      const decided = await as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [stockId], state: 'public', publicTitle: '  Generatoren ', publicCategory: 'nonLethal' });
      expect(decided.body.items[0].publicTitle).toBe('Generatoren');
    });

    it('an end user and a licence number, so that a number typed with spaces or in other capitals is the licence it names', async () => {
      const deliveryId = (await as.registrar('POST', '/deliveries', { ...stockDelivery, category: 'largeCalibreArtillery', realisedAt: null })).body.id;
      const assessment = await as.exportControlAssessor('POST', `/deliveries/${deliveryId}/export-assessments`, { ...positiveAssessment, endUser: ' Ministerie van Defensie ' });
      expect(assessment.body.endUser).toBe('Ministerie van Defensie');
      const licence = await as.licensingOfficer('POST', `/deliveries/${deliveryId}/export-licences`, { ...licenceFor(assessment.body.id), number: ' NL-SPATIES-1 ' });
      expect(licence.body.number).toBe('NL-SPATIES-1');
      for (const number of ['NL-SPATIES-1  ', 'nl-spaties-1', 'Nl-Spaties-1']) {
        await expectRefusedInBothLanguages(
          (headers) => as.licensingOfficer('POST', `/deliveries/${deliveryId}/export-licences`, { ...licenceFor(assessment.body.id), number }, headers),
          'number',
          'licenceNumberTaken',
        );
      }
    });
  });

  describe('a country code is taken in either case and stored in capitals, as the import takes it; one that names no country is said to be none', () => {
    it('takes a code in lower case or with spaces around it as the code it spells, for a company and a training programme', async () => {
      const company = await as.registrar('POST', '/companies', { name: 'Kleine Letters B.V.', country: ' nl' });
      expect(company.status, JSON.stringify(company.body)).toBe(201);
      const stored = await database().db.selectFrom('company').select('country').where('id', '=', company.body.id).executeTakeFirstOrThrow();
      expect(stored.country).toBe('NL');
      const programme = await as.registrar('POST', '/training-programmes', { key: 'kleine-letters', name: 'Opleiding in kleine letters', hostCountry: 'de', framework: 'bilateral' });
      expect(programme.status, JSON.stringify(programme.body)).toBe(201);
      expect(programme.body.hostCountry).toBe('DE');
    });

    it.each(['xx', 'NLD', 'Nederland'])('%s for a company and a training programme', async (typed) => {
      await expectRefusedInBothLanguages((headers) => as.registrar('POST', '/companies', { name: 'Land B.V.', country: typed }, headers), 'country', 'invalidCountry');
      await expectRefusedInBothLanguages(
        (headers) => as.registrar('POST', '/training-programmes', { key: `land-${typed.toLowerCase()}`, name: `Opleiding in ${typed}`, hostCountry: typed, framework: 'bilateral' }, headers),
        'hostCountry',
        'invalidCountry',
      );
    });

    // A spreadsheet cell is typed by a person: lower case there is taken as the code it spells, as for a programme's host country.
    it('in an imported company, where a code in lower case is taken and one of three letters is not', async () => {
      const { db } = database();
      const template = await downloadedTemplate(db);
      const bytes = await filledTemplate(template, { 'Bedrijven (Companies)': [['LAND-1', 'Land B.V.', 'nl', null], ['LAND-2', 'Land B.V.', 'NLD', null]] });
      const dryRun = await as.registrar('POST', '/imports/dry-run', { fileName: 'bedrijven.xlsx', content: Buffer.from(bytes).toString('base64') });
      expect(dryRun.status, JSON.stringify(dryRun.body)).toBe(200);
      const faults = dryRun.body.rows.filter((row: { sheet: string; outcome: string }) => row.sheet === 'company' && row.outcome !== 'example').map((row: { faults: { field: string; code: string }[] }) => row.faults.map(({ field, code }) => `${field} ${code}`));
      expect(faults).toEqual([[], ['country invalidCountry']]);
    });
  });

  it('refuses progress reported before the contract was signed, and takes it on that day', async () => {
    const contract = await as.registrar('POST', '/industry-contracts', {
      companyId, reference: 'G2B-VOORTGANG', subject: 'Munitie', amountCents: 100, signedOn: '2025-03-01', milestones: [{ title: 'Eerste levering', dueOn: '2025-12-01' }],
    });
    const milestone = await database().db.selectFrom('contractMilestone').select('id').where('contractId', '=', contract.body.id).executeTakeFirstOrThrow();
    await expectRefusedInBothLanguages(
      (headers) => as.registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 10, reportedOn: '2025-02-28' }, headers),
      'reportedOn',
      'beforeSigning',
    );
    expect((await as.registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 10, reportedOn: '2025-03-01' })).status).toBe(201);
  });

  it('refuses a valuation in another currency worth more than € 100 mld. at its rate, at its original amount', async () => {
    const valuation = { amountCents: 1, basis: 'replacementValue', effectiveDate: '2025-05-01', currency: 'JPY', exchangeRate: '0.5' };
    await expectRefusedInBothLanguages(
      (headers) => as.registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, originalAmountMinor: 10 ** 15 }, headers),
      'originalAmountMinor',
      'convertedAmountTooLarge',
    );
    await expectRefusedInBothLanguages(
      (headers) => as.registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, currency: 'USD', originalAmountMinor: Number.MAX_SAFE_INTEGER, exchangeRate: '9999999999.99999999' }, headers),
      'originalAmountMinor',
      'convertedAmountTooLarge',
    );
    expect((await as.registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, originalAmountMinor: 2 * 10 ** 11, amountCents: 10 ** 13 })).status).toBe(201);
  });

  it('says what is wrong with a currency code, an exchange rate and an e-mail address, each in words of its own', async () => {
    const valuation = { amountCents: 92_000_000, basis: 'replacementValue', effectiveDate: '2025-05-01', currency: 'USD', originalAmountMinor: 100_000_000, exchangeRate: '0.92' };
    const value = (body: object) => (headers: Record<string, string>) => as.registrar('POST', `/deliveries/${stockId}/valuations`, { ...valuation, ...body }, headers);
    for (const currency of ['usd', 'XYZ', 'EU']) await expectRefusedInBothLanguages(value({ currency }), 'currency', 'unknownCurrency');
    for (const exchangeRate of ['0,92', '1e-3', '0.123456789']) await expectRefusedInBothLanguages(value({ exchangeRate }), 'exchangeRate', 'invalidExchangeRate');
    const account = { username: 'typed.email', displayName: 'Getypt', role: 'auditor', password: 'een lang wachtwoord 123' };
    for (const email of ['naam.example.org', 'naam@', 'a b@example.org']) {
      await expectRefusedInBothLanguages((headers) => as.administrator('POST', '/accounts', { ...account, email }, headers), 'email', 'invalidEmail');
    }
    expect((await as.registrar('POST', `/deliveries/${stockId}/valuations`, valuation)).status).toBe(201);
  });
});
