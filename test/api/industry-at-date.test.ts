/**
 * The industry register at a date, through the API and its exports: what was signed, paid, noted, reached
 * or identified after the date is not part of it, and a company stands as its disclosure decisions then
 * left it, as the letter's section reads the register at its reference date.
 */
import { beforeAll, expect, it } from 'vitest';
import { vocabulary } from '../../common/vocabulary/index.ts';
import { DEMONSTRATION_COMPANIES, DEMONSTRATION_COPRODUCTION } from '../../src/db/seed/demonstration-industry.ts';
import { INDUSTRY_CONTRACT_COLUMNS } from '../../src/api/exports/tables.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { industryFactsAt } from '../../src/register/industry.ts';
import { parseCsv } from '../support/csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const nl = vocabulary('nl');
const [UKRAINIAN, DUTCH] = DEMONSTRATION_COMPANIES;
const LATER_CONTRACT = 'G2B-2025-OKT';
const LATER_PRICE = 'Drone type C';
const LATER_NEED = 'Verkenningsdrones later';
const LATER_COMPANY = 'Later bedrijf';

describeEachDatabase('industry at a date', (database) => {
  let registrar: ApiCall;
  let laterCompany: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    // Half past midnight on 15 November in The Hague, still the 14th in UTC.
    const clock = () => new Date('2025-11-14T23:30:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    const disclosure = apiClient(db, { role: 'disclosureOfficer', clock });
    const recorded = [
      ['/industry-contracts', { companyId: DUTCH.id, reference: LATER_CONTRACT, subject: 'Onbemande systemen', amountCents: 5_000_000_00, signedOn: '2025-10-01', milestones: [{ title: 'Levering', dueOn: '2026-03-01' }] }],
      ['/price-developments', { item: LATER_PRICE, earlierPriceCents: 100_000, earlierOn: '2025-01-01', paidPriceCents: 110_000, paidOn: '2025-10-05' }],
      ['/demand-bundles', { need: LATER_NEED, category: 'drones', dutchQuantity: 10, ukrainianQuantity: 50, identifiedOn: '2025-11-01' }],
    ] as const;
    for (const [path, body] of recorded) expect((await registrar('POST', path, body)).status, path).toBe(201);
    laterCompany = (await registrar('POST', '/companies', { name: LATER_COMPANY, country: 'PL' })).body.id;
    expect((await disclosure('POST', `/companies/${UKRAINIAN.id}/disclosure-decisions`, { state: 'public', publicName: 'Demonstratie: dronefabrikant' })).status).toBe(201);
  });

  const overviewAt = async (date: string) => {
    const response = await registrar('GET', `/industry?date=${date}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const contractsOf = (overview: any) => overview.companies.flatMap((company: any) => company.contracts);
  const stateOf = (overview: any, companyId: string) => overview.companies.find((company: any) => company.id === companyId).disclosureState;

  it('leaves out what was signed, paid, noted, reached or identified after the date, as the contracts by country do', async () => {
    for (const date of ['2025-06-01', '2025-08-31', '2025-09-01']) {
      const overview = await overviewAt(date);
      const contracts = contractsOf(overview);
      expect(contracts.map((contract: any) => contract.reference), date).not.toContain(LATER_CONTRACT);
      expect(contracts.every((contract: any) => contract.signedOn <= date), date).toBe(true);
      expect(contracts.length, date).toBe(overview.byCountry.reduce((sum: number, country: any) => sum + country.contracts, 0));
      expect(overview.priceDevelopments.map((price: any) => price.item), date).not.toContain(LATER_PRICE);
      expect(overview.priceDevelopments.every((price: any) => price.paidOn <= date), date).toBe(true);
      expect(overview.demandBundles.map((bundle: any) => bundle.need), date).not.toContain(LATER_NEED);
      expect(overview.lessons.every((lesson: any) => lesson.notedOn <= date), date).toBe(true);
      // The demonstration's project reaches its only stage on 30 September.
      expect(overview.coproductionProjects, date).toEqual([]);
    }
    expect((await overviewAt('2025-06-01')).lessons).toEqual([]);
    expect((await overviewAt('2025-08-31')).lessons).toHaveLength(2);

    const later = await overviewAt('2025-11-15');
    expect(contractsOf(later).map((contract: any) => contract.reference)).toContain(LATER_CONTRACT);
    expect(later.priceDevelopments.map((price: any) => price.item)).toContain(LATER_PRICE);
    expect(later.demandBundles.map((bundle: any) => bundle.need)).toContain(LATER_NEED);
    expect(later.coproductionProjects.map((project: any) => [project.id, project.stages.map((stage: any) => stage.reachedOn), project.version])).toEqual([
      [DEMONSTRATION_COPRODUCTION.id, [DEMONSTRATION_COPRODUCTION.stage.reachedOn], 1],
    ]);
  });

  it('lists a company from the day (in The Hague) it was recorded, or from the signing of a contract recorded with it later, in the overview and its export', async () => {
    const companiesAt = async (date: string) => (await overviewAt(date)).companies.map((company: any) => company.id);
    // The demonstration's companies are recorded when it is loaded, after these dates; the Dutch one has a contract signed on 1 October.
    expect(await companiesAt('2025-09-30')).toEqual([UKRAINIAN.id]);
    expect(await companiesAt('2025-10-01')).toEqual(expect.arrayContaining([UKRAINIAN.id, DUTCH.id]));
    expect(await companiesAt('2025-11-14')).not.toContain(laterCompany);
    expect(await companiesAt('2025-11-15')).toContain(laterCompany);
    const exported = await registrar('GET', '/exports/industry-contracts?date=2025-11-14&format=csv');
    expect(exported.body).not.toContain(LATER_COMPANY);
  });

  it('counts in the letter what the overview at the reference date lists of the companies decided on', async () => {
    const decidedOn = (overview: any) => ({ ...overview, companies: overview.companies.filter((company: any) => company.id === UKRAINIAN.id) });
    for (const date of ['2025-08-31', '2025-09-30', '2025-11-15']) {
      const [overview, facts] = [await overviewAt(date), await industryFactsAt(database().db, date)];
      expect([facts.contracts, facts.coproductionProjects, facts.demandBundles], date).toEqual([contractsOf(decidedOn(overview)).length, overview.coproductionProjects.length, overview.demandBundles.length]);
    }
    // The Dutch company, not decided on, has the contract signed in October.
    expect(contractsOf(await overviewAt('2025-11-15')).length - (await industryFactsAt(database().db, '2025-11-15')).contracts).toBe(1);
  });

  it('shows a company as its disclosure decisions left it at the date: not public before the day (in The Hague) it was decided public', async () => {
    expect(stateOf(await overviewAt('2025-06-01'), UKRAINIAN.id)).toBe('undecided');
    expect(stateOf(await overviewAt('2025-11-14'), UKRAINIAN.id)).toBe('undecided');
    expect(stateOf(await overviewAt('2025-11-15'), UKRAINIAN.id)).toBe('public');
    // The public list dates the decision by the same day.
    const published = (await apiClient(database().db)('GET', '/public/companies')).body.items;
    expect(published.map((company: any) => [company.name, company.decidedOn])).toEqual([['Demonstratie: dronefabrikant', '2025-11-15']]);
    // Its version stays that of its whole history, to send with the next decision.
    expect((await overviewAt('2025-06-01')).companies.find((company: any) => company.id === UKRAINIAN.id).version).toBe(2);
  });

  it('exports the contracts as they stood at the date, each company as decided then', async () => {
    const rowsAt = async (date: string) => {
      const response = await registrar('GET', `/exports/industry-contracts?date=${date}&format=csv`);
      expect(response.status).toBe(200);
      return parseCsv(response.body.slice(1), ';').slice(1);
    };
    const at = (heading: string) => INDUSTRY_CONTRACT_COLUMNS.findIndex((column) => column.heading === heading);
    const early = await rowsAt('2025-08-31');
    expect(early.map((row) => row[at('contractReference')])).not.toContain(LATER_CONTRACT);
    expect(early.filter((row) => row[at('company')] === UKRAINIAN.name).map((row) => row[at('disclosureState')])).toEqual([nl.disclosureStates.undecided, nl.disclosureStates.undecided]);
    const later = await rowsAt('2025-11-15');
    expect(later.map((row) => row[at('contractReference')])).toContain(LATER_CONTRACT);
    expect(new Set(later.filter((row) => row[at('company')] === UKRAINIAN.name).map((row) => row[at('disclosureState')]))).toEqual(new Set([nl.disclosureStates.public]));
  });
});
