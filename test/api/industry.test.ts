/**
 * Industry through the API, on the demonstration register: every record is made through its route and
 * audited, bad input is refused naming every field and changes nothing (the refusal itself is audited),
 * a milestone's progress goes back only with a reason, and a company reaches the public list only by a
 * disclosure officer's decision.
 */
import { beforeAll, expect, it } from 'vitest';
import { DEMONSTRATION_COMPANIES, DEMONSTRATION_CONTRACTS } from '../../src/db/seed/demonstration-industry.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const fields = (body: any) => body.invalidParams.map((param: any) => param.name).sort();
const DRONE_DELIVERY_ID = DEMONSTRATION_CONTRACTS[0].deliveryIds[0];
const LAST_BATCH = DEMONSTRATION_CONTRACTS[0].milestones[1].id;

describeEachDatabase('industry', (database) => {
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let finance: ApiCall;
  let anonymous: ApiCall;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    disclosure = apiClient(db, { role: 'disclosureOfficer', clock });
    finance = apiClient(db, { role: 'finance', clock });
    anonymous = apiClient(db, { clock });
  });

  const events = async () =>
    (await database().db.selectFrom('auditEvent').select(['action', 'result', 'objectType']).orderBy('seq').execute()).map((row) => `${row.result}:${row.action}:${row.objectType ?? ''}`);
  const counts = async () => {
    const db = database().db;
    const count = async (table: 'company' | 'industryContract' | 'milestoneProgress' | 'priceDevelopment' | 'lessonLearned' | 'coproductionProject' | 'coproductionStage' | 'demandBundle' | 'companyDisclosureDecision') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      company: await count('company'),
      contract: await count('industryContract'),
      progress: await count('milestoneProgress'),
      price: await count('priceDevelopment'),
      lesson: await count('lessonLearned'),
      coproduction: await count('coproductionProject'),
      stage: await count('coproductionStage'),
      bundle: await count('demandBundle'),
      decision: await count('companyDisclosureDecision'),
    };
  };

  it('records each kind of industry data through its route, each change an audit event', async () => {
    const before = (await events()).length;
    const company = await registrar('POST', '/companies', { name: 'Voorbeeld Drones B.V.', country: 'NL', registrationNumber: '12345678' });
    expect(company.status).toBe(201);
    const contract = await registrar('POST', '/industry-contracts', {
      companyId: company.body.id,
      reference: 'G2B-2025-7',
      subject: 'Onbemande systemen',
      amountCents: 25_000_000_00,
      signedOn: '2025-06-01',
      deliveryIds: [DRONE_DELIVERY_ID],
      milestones: [{ title: 'Eerste levering', dueOn: '2025-10-01' }],
    });
    expect(contract.status).toBe(201);
    const overview = (await registrar('GET', '/industry?date=2025-09-05')).body;
    const stored = overview.companies.find((item: any) => item.id === company.body.id);
    expect(stored).toMatchObject({ origin: 'dutch', disclosureState: 'undecided', isDemonstration: false });
    const milestone = stored.contracts[0].milestones[0];
    expect(stored.contracts[0].deliveries.map((delivery: any) => delivery.id)).toEqual([DRONE_DELIVERY_ID]);

    expect((await registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 30, reportedOn: '2025-08-01' })).status).toBe(201);
    expect((await registrar('POST', '/price-developments', { item: 'Drone type A', contractId: contract.body.id, earlierPriceCents: 100_000, earlierOn: '2024-05-01', paidPriceCents: 120_000, paidOn: '2025-06-01', note: 'Sneller geleverd' })).status).toBe(201);
    expect((await registrar('POST', '/lessons-learned', { notedOn: '2025-08-01', category: 'pricing', text: 'Snelheid kost geld.' })).status).toBe(201);
    const project = await registrar('POST', '/coproduction-projects', { title: 'Onbemande systemen', partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-03-01' });
    expect(project.status).toBe(201);
    expect((await registrar('POST', `/coproduction-projects/${project.body.id}/stages`, { stage: 'memorandum', reachedOn: '2025-07-01' })).status).toBe(201);
    expect((await registrar('POST', '/demand-bundles', { need: 'Munitie 155 mm', category: 'ammunition', dutchQuantity: 1000, ukrainianQuantity: 5000, identifiedOn: '2025-04-01' })).status).toBe(201);

    const after = await registrar('GET', '/industry?date=2025-09-05');
    const project2 = after.body.coproductionProjects.find((item: any) => item.id === project.body.id);
    expect(project2.stages.map((stage: any) => stage.stage)).toEqual(['intention', 'memorandum']);
    expect(after.body.priceDevelopments.find((item: any) => item.item === 'Drone type A').changePerMille).toBe(200);
    expect((await events()).slice(before)).toEqual([
      'success:company.create:company',
      'success:industryContract.create:industryContract',
      'success:milestone.progress:contractMilestone',
      'success:priceDevelopment.create:priceDevelopment',
      'success:lessonLearned.create:lessonLearned',
      'success:coproduction.create:coproductionProject',
      'success:coproduction.stage:coproductionProject',
      'success:demandBundle.create:demandBundle',
    ]);
  });

  it('refuses bad input naming every field; nothing is written and each refusal is audited', async () => {
    const before = await counts();
    const auditBefore = (await events()).length;
    const [company] = DEMONSTRATION_COMPANIES;
    const refusals = [
      [await registrar('POST', '/companies', { name: ' ', country: 'NLD', registrationNumber: null }), ['country', 'name']],
      [await registrar('POST', '/companies', { name: '', country: 'NL' }), ['name']],
      [
        await registrar('POST', '/industry-contracts', { companyId: company.id, reference: '', subject: 'x', amountCents: 0, signedOn: '2026-01-01', milestones: [{ title: 'x', dueOn: '2020-01-01' }] }),
        ['amountCents', 'milestones.0.dueOn', 'reference', 'signedOn'],
      ],
      [await registrar('POST', '/industry-contracts', { companyId: company.id, reference: 'R', subject: 'x', amountCents: 100, signedOn: '2025-01-01', milestones: [{ title: 'x', dueOn: '2024-01-01' }] }), ['milestones.0.dueOn']],
      [await registrar('POST', '/industry-contracts', { companyId: company.id, reference: 'R', subject: 'x', amountCents: 100, signedOn: '2025-01-01', deliveryIds: [company.id] }), ['deliveryIds.0']],
      [await registrar('POST', '/industry-contracts', { companyId: '00000000-0000-4000-8000-000000000000', reference: 'R', subject: 'x', amountCents: 100, signedOn: '2025-01-01' }), ['companyId']],
      [await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 101, reportedOn: '2025-12-31' }), ['percent', 'reportedOn']],
      [await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 20, reportedOn: '2025-09-01' }), ['reason']],
      [await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 60, reportedOn: '2025-08-01' }), ['reportedOn']],
      [await registrar('POST', '/price-developments', { item: 'x', earlierPriceCents: -1, earlierOn: '2025-06-01', paidPriceCents: 5, paidOn: '2025-05-01' }), ['earlierPriceCents', 'paidOn']],
      [
        await registrar('POST', '/price-developments', { item: 'x', contractId: DEMONSTRATION_CONTRACTS[0].id, earlierPriceCents: 1, earlierOn: '2025-01-01', paidPriceCents: DEMONSTRATION_CONTRACTS[0].amountCents + 1, paidOn: '2025-05-01' }),
        ['paidOn', 'paidPriceCents'],
      ],
      [await registrar('POST', '/lessons-learned', { notedOn: '2099-01-01', category: 'pricing', text: ' ' }), ['notedOn', 'text']],
      [await registrar('POST', '/lessons-learned', { notedOn: '2025-01-01', category: 'pricing', text: 'nul\u0000teken' }), ['text']],
      [await registrar('POST', '/coproduction-projects', { title: '', partner: '', stage: 'producing', reachedOn: '2030-01-01' }), ['partner', 'reachedOn', 'title']],
      [await registrar('POST', '/demand-bundles', { need: 'x', category: 'ammunition', dutchQuantity: 0, ukrainianQuantity: -3, identifiedOn: '2025-04-01' }), ['dutchQuantity', 'ukrainianQuantity']],
      [await disclosure('POST', `/companies/${company.id}/disclosure-decisions`, { state: 'public', ground: 'companyInterests' }), ['ground', 'publicName']],
      [await disclosure('POST', `/companies/${company.id}/disclosure-decisions`, { state: 'confidential', publicName: 'x' }), ['ground', 'publicName']],
    ] as const;
    for (const [response, expected] of refusals) {
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fields(response.body)).toEqual([...expected]);
    }
    expect((await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 20, reportedOn: '2025-09-01' })).body.invalidParams[0].reason).toBe(
      'De voortgang is lager dan de laatste melding (40 %); geef de reden.',
    );
    expect(await counts()).toEqual(before);
    const refused = (await events()).slice(auditBefore);
    // The 400s and the repeated setback are audited refusals.
    expect(refused.length).toBe(refusals.length + 1);
    expect(refused.every((event) => event.startsWith('failure:'))).toBe(true);
  });

  it('names, beside a field the schema refuses, the rules the other fields break, in one answer; nothing is written', async () => {
    const before = await counts();
    const [company] = DEMONSTRATION_COMPANIES;
    const contract = { companyId: company.id, reference: 'QA-1', subject: 'x', amountCents: 100 };
    const refusals = [
      [await registrar('POST', '/companies', { name: ' ', country: 7 }), ['country', 'name']],
      [await registrar('POST', '/industry-contracts', { ...contract, signedOn: '2027-01-01', milestones: [{ title: '', dueOn: '' }] }), ['milestones.0.dueOn', 'signedOn']],
      [await registrar('POST', '/industry-contracts', { ...contract, amountCents: 0, signedOn: '' }), ['amountCents', 'signedOn']],
      [await registrar('POST', '/price-developments', { item: ' ', earlierPriceCents: 5, earlierOn: '', paidPriceCents: 5, paidOn: '2027-01-01' }), ['earlierOn', 'item', 'paidOn']],
      [await registrar('POST', '/lessons-learned', { notedOn: '2027-01-01', category: '', text: '' }), ['category', 'notedOn', 'text']],
      [await registrar('POST', '/coproduction-projects', { title: 'QA', partner: ' ', stage: '', reachedOn: '2027-01-01' }), ['partner', 'reachedOn', 'stage']],
      [await registrar('POST', '/demand-bundles', { need: 'x', category: '', dutchQuantity: 0, ukrainianQuantity: 1, identifiedOn: '2027-01-01' }), ['category', 'dutchQuantity', 'identifiedOn']],
      [await disclosure('POST', `/companies/${company.id}/disclosure-decisions`, { state: 'confidential', ground: '', reviewOn: '2025-01-01', publicName: 'x' }), ['ground', 'publicName', 'reviewOn']],
      [await disclosure('POST', `/companies/${company.id}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests', reviewOn: '', publicName: 'x' }), ['publicName', 'reviewOn']],
      [await disclosure('POST', `/companies/${company.id}/disclosure-decisions`, { state: 'public', publicName: '', note: 'nul\u0000teken', reviewOn: '' }), ['note', 'publicName', 'reviewOn']],
    ] as const;
    for (const [response, expected] of refusals) {
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(fields(response.body)).toEqual([...expected]);
    }
    const project = (await database().db.selectFrom('coproductionProject').select('id').executeTakeFirstOrThrow()).id;
    expect(fields((await registrar('POST', `/coproduction-projects/${project}/stages`, { stage: '', reachedOn: '2027-01-01' })).body)).toEqual(['reachedOn', 'stage']);
    expect(fields((await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 101, reportedOn: '' })).body)).toEqual(['percent', 'reportedOn']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a contract signed before its delivery was committed, and the commitment moved after a contract’s signing, naming the date, in Dutch and English', async () => {
    const before = await counts();
    const contract = (signedOn: string, language: string) =>
      registrar('POST', '/industry-contracts', { companyId: DEMONSTRATION_COMPANIES[0].id, reference: 'G2B-VROEG', subject: 'Drones', amountCents: 100, signedOn, deliveryIds: [DRONE_DELIVERY_ID] }, { 'Accept-Language': language });
    expect((await contract('2025-05-14', 'en')).body.invalidParams).toEqual([
      { name: 'signedOn', code: 'beforeEarlierStage', reason: 'The date of contract signing (14 May 2025) lies before that of commitment (15 May 2025).' },
    ]);
    expect((await contract('2025-05-14', 'nl')).body.invalidParams[0].reason).toBe('De datum van ondertekening van het contract (14 mei 2025) ligt vóór die van juridische verplichting (15 mei 2025).');
    expect(await counts()).toEqual(before);

    const delivery = await registrar('GET', `/deliveries/${DRONE_DELIVERY_ID}`);
    const moved = await registrar('PATCH', `/deliveries/${DRONE_DELIVERY_ID}`, { committedAt: '2025-05-20' }, { 'If-Match': delivery.headers.get('etag')!, 'Accept-Language': 'en' });
    expect(moved.status).toBe(400);
    expect(moved.body.invalidParams).toEqual([
      { name: 'committedAt', code: 'beforeEarlierStage', reason: 'The date of contract signing (15 May 2025) lies before that of commitment (20 May 2025).' },
    ]);
    expect((await registrar('GET', `/deliveries/${DRONE_DELIVERY_ID}`)).body.committedAt).toBe('2025-05-15');
    expect((await contract('2025-05-15', 'nl')).status).toBe(201);
  });

  it('gives each contract of a company its own reference whatever its case and spacing, and refuses a second one under the same, in Dutch and English', async () => {
    const [company] = DEMONSTRATION_COMPANIES;
    const other = (await registrar('POST', '/companies', { name: 'Tweede Drones B.V.', country: 'NL' })).body;
    const contract = (companyId: string, language = 'nl', reference = 'Demonstratie: G2B-drones-2025') =>
      registrar('POST', '/industry-contracts', { companyId, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-06-01' }, { 'Accept-Language': language });
    const before = await counts();
    for (const [language, reason] of [
      ['nl', 'Dit bedrijf heeft al een contract met dit kenmerk (hoofdletters tellen niet mee, meerdere spaties als één); geef elk contract een eigen kenmerk.'],
      ['en', 'This company already has a contract with this reference (capitals do not count, several spaces count as one); give each contract its own.'],
    ] as const) {
      for (const reference of ['Demonstratie: G2B-drones-2025', 'demonstratie:  g2b-DRONES-2025', 'DEMONSTRATIE:\u00a0G2B-drones-2025']) {
        const twice = await contract(company.id, language, reference);
        expect(twice.status).toBe(400);
        expect(twice.body.invalidParams).toEqual([{ name: 'reference', code: 'contractReferenceTaken', reason }]);
      }
    }
    expect(await counts()).toEqual(before);
    expect((await contract(other.id)).status).toBe(201);
    expect((await contract(other.id, 'nl', 'demonstratie: g2b-drones-2025')).status).toBe(400);
  });

  it('gives each milestone of a contract a title of its own, whatever its case, accents and spaces, in Dutch and English, and changes nothing', async () => {
    const [company] = DEMONSTRATION_COMPANIES;
    const contract = (milestones: { title: string; dueOn: string }[], language: string) =>
      registrar('POST', '/industry-contracts', { companyId: company.id, reference: 'G2B-mijlpalen', subject: 'Drones', amountCents: 100, signedOn: '2025-06-01', milestones }, { 'Accept-Language': language });
    const before = await counts();
    for (const [language, reason] of [
      ['nl', 'Het contract heeft al de mijlpaal "Eerste levering" (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee); geef elke mijlpaal een eigen naam, zodat voortgang bij de juiste wordt gemeld.'],
      ['en', 'The contract has the milestone "Eerste levering" already (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count); give each milestone a name of its own, so that progress is reported on the right one.'],
    ] as const) {
      const twice = await contract([{ title: 'Eerste levering', dueOn: '2025-12-01' }, { title: 'Tweede levering', dueOn: '2026-03-01' }, { title: 'eerste  LEVERING', dueOn: '2026-06-01' }], language);
      expect(twice.status).toBe(400);
      expect(twice.body.invalidParams).toEqual([{ name: 'milestones.2.title', code: 'milestoneTitleRepeated', reason }]);
    }
    expect(await counts()).toEqual(before);
    expect((await contract([{ title: 'Eerste levering', dueOn: '2025-12-01' }, { title: 'Tweede levering', dueOn: '2026-03-01' }], 'nl')).status).toBe(201);
  });

  it('gives each company of a country its own registration number whatever its case and spacing, naming the company that has it', async () => {
    const first = await registrar('POST', '/companies', { name: 'Eerste Drones B.V.', country: 'NL', registrationNumber: 'KvK 1234-AB' });
    expect(first.status).toBe(201);
    const before = await counts();
    for (const [language, registrationNumber, reason] of [
      ['nl', 'KvK 1234-AB', 'Het bedrijf "Eerste Drones B.V." uit dit land heeft dit registratienummer al (hoofdletters tellen niet mee, meerdere spaties als één).'],
      ['en', 'kvk  1234-ab', 'The company "Eerste Drones B.V." of this country has this registration number already (capitals do not count, several spaces count as one).'],
    ] as const) {
      const second = await registrar('POST', '/companies', { name: 'Andere Drones B.V.', country: 'NL', registrationNumber }, { 'Accept-Language': language });
      expect(second.status).toBe(400);
      expect(second.body.invalidParams).toEqual([{ name: 'registrationNumber', code: 'registrationNumberTaken', reason }]);
    }
    expect(await counts()).toEqual(before);
    // Another country, or no number at all, is another company.
    expect((await registrar('POST', '/companies', { name: 'Tweede Drones B.V.', country: 'BE', registrationNumber: 'KvK 1234-AB' })).status).toBe(201);
    expect((await registrar('POST', '/companies', { name: 'Derde Drones B.V.', country: 'NL' })).status).toBe(201);
    expect((await registrar('POST', '/companies', { name: 'Vierde Drones B.V.', country: 'NL' })).status).toBe(201);
  });

  it('registers a company once in its country, whatever the case, accents and spaces of its name, naming the company as registered', async () => {
    const first = await registrar('POST', '/companies', { name: 'QA Défensie BV', country: 'NL' });
    expect(first.status).toBe(201);
    const before = await counts();
    const auditBefore = (await events()).length;
    const typings = ['QA Défensie BV', 'QA Defensie BV', 'qa defensie bv', 'QA  Defensie BV ', 'QA De\u0301fensie\u00a0BV'];
    for (const [language, reason] of [
      ['nl', 'Dit bedrijf staat al in het register: "QA Défensie BV" uit dit land (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).'],
      ['en', 'This company is already in the register: "QA Défensie BV" of this country (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).'],
    ] as const) {
      for (const name of typings) {
        const again = await registrar('POST', '/companies', { name, country: 'NL' }, { 'Accept-Language': language });
        expect(again.status, name).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'name', code: 'companyNameTaken', reason }]);
      }
    }
    // With a registration number another company has, both are said at once.
    await registrar('POST', '/companies', { name: 'QA Werf BV', country: 'NL', registrationNumber: 'QA-1' });
    const both = await registrar('POST', '/companies', { name: 'qa werf bv', country: 'NL', registrationNumber: 'qa-1' });
    expect(fields(both.body)).toEqual(['name', 'registrationNumber']);
    const after = await counts();
    expect(after).toEqual({ ...before, company: before.company + 1 });
    expect((await events()).slice(auditBefore).filter((event) => event.startsWith('failure:')).length).toBe(typings.length * 2 + 1);
    // The same name in another country is another company; a name that differs in more than that is too.
    expect((await registrar('POST', '/companies', { name: 'QA Defensie BV', country: 'BE' })).status).toBe(201);
    expect((await registrar('POST', '/companies', { name: 'QA Defensie Groep BV', country: 'NL' })).status).toBe(201);
  });

  it('registers a company once under a name that reads as its own: in letters of another script that look alike, or with dots in its initials', async () => {
    expect((await registrar('POST', '/companies', { name: 'QA Bedrijf BV', country: 'NL' })).status).toBe(201);
    expect((await registrar('POST', '/companies', { name: 'QA TOP BV', country: 'NL' })).status).toBe(201);
    const before = await counts();
    // A word wholly in Cyrillic is allowed, but "ТОР" reads as "TOP".
    for (const name of ['QA Bedrijf B.V.', 'QA Bedrijf B. V.', 'QA \u0422\u041e\u0420 BV']) {
      const again = await registrar('POST', '/companies', { name, country: 'NL' });
      expect(again.status, name).toBe(400);
      expect(again.body.invalidParams, name).toEqual([expect.objectContaining({ name: 'name', code: 'companyNameTaken' })]);
    }
    expect(await counts()).toEqual(before);
    expect((await registrar('POST', '/companies', { name: 'ТОВ «Укроборонсервіс»', country: 'UA' })).status).toBe(201);
  });

  it('refuses a company name or public name that mixes Latin and Cyrillic letters within one word, saying which letter is not Latin, and changes nothing', async () => {
    const [, dutch] = DEMONSTRATION_COMPANIES;
    const before = await counts();
    const typed = 'QA B\u0435drijf Nieuw BV';
    for (const [language, reason] of [
      ['nl', 'In "B\u0435drijf" is "\u0435" (U+0435) geen Latijnse letter, zoals de rest van het woord, al kan hij er precies zo uitzien. Typ het woord in één schrift.'],
      ['en', 'In "B\u0435drijf", "\u0435" (U+0435) is not a Latin letter, as the rest of the word is, though it may look exactly like one. Type the word in one script.'],
    ] as const) {
      const company = await registrar('POST', '/companies', { name: typed, country: 'NL' }, { 'Accept-Language': language });
      expect(company.status).toBe(400);
      expect(company.body.invalidParams).toEqual([{ name: 'name', code: 'mixedScripts', reason }]);
      const decision = await disclosure('POST', `/companies/${dutch.id}/disclosure-decisions`, { state: 'public', publicName: typed }, { 'Accept-Language': language });
      expect(decision.status).toBe(400);
      expect(decision.body.invalidParams).toEqual([{ name: 'publicName', code: 'mixedScripts', reason }]);
    }
    expect(await counts()).toEqual(before);
    expect((await anonymous('GET', '/public/companies')).body.items).toEqual([]);
  });

  it('registers a company once when the same name is sent several times at the same moment', async () => {
    const names = ['Gelijktijdig Drones BV', 'gelijktijdig drones bv', 'Gelijktijdig  Drones BV', 'Gélijktijdig Drones BV', 'GELIJKTIJDIG DRONES BV', 'Gelijktijdig Drones BV '];
    const answers = await Promise.all(names.map((name) => registrar('POST', '/companies', { name, country: 'UA' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    const stored = (await database().db.selectFrom('company').select('name').where('country', '=', 'UA').execute()).filter((row) => /gelijktijdig/i.test(row.name.normalize('NFD').replace(/\p{M}/gu, '')));
    expect(stored).toHaveLength(1);
    for (const answer of answers.filter((item) => item.status === 400)) expect(answer.body.invalidParams).toEqual([expect.objectContaining({ name: 'name', code: 'companyNameTaken' })]);
  });

  it('records a co-production project with a partner, and a need of a category, once, whatever the case, accents and spaces of its name, naming the one recorded', async () => {
    const project = (title: string, partner = 'QA Partner') => ({ title, partner, stage: 'signed', reachedOn: '2025-06-01', note: '' });
    const bundle = (need: string, category = 'drones') => ({ need, category, dutchQuantity: 10, ukrainianQuantity: 20, identifiedOn: '2025-06-01', note: '' });
    expect((await registrar('POST', '/coproduction-projects', project('QA Coproductie drones'))).status).toBe(201);
    expect((await registrar('POST', '/demand-bundles', bundle('QA Verkenningsdrones'))).status).toBe(201);
    const before = await counts();
    const auditBefore = (await events()).length;
    for (const [language, projectReason, bundleReason] of [
      [
        'nl',
        'Dit project staat al in het register: "QA Coproductie drones" met deze partner (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee); leg een volgende fase vast bij dat project.',
        'Deze behoefte staat al in het register: "QA Verkenningsdrones" in deze categorie (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).',
      ],
      [
        'en',
        'This project is already in the register: "QA Coproductie drones" with this partner (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count); record a next stage of that project.',
        'This need is already in the register: "QA Verkenningsdrones" in this category (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).',
      ],
    ] as const) {
      for (const [title, partner] of [['QA Coproductie drones', 'QA Partner'], ['qa coproductie drones', 'qa  partner'], ['QA  Coproductíe Drones ', 'QA Pártner']] as const) {
        const again = await registrar('POST', '/coproduction-projects', project(title, partner), { 'Accept-Language': language });
        expect(again.status, title).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'title', code: 'coproductionProjectTaken', reason: projectReason }]);
      }
      for (const need of ['QA Verkenningsdrones', 'qa verkenningsdrones', ' QA  Verkenningsdrónes']) {
        const again = await registrar('POST', '/demand-bundles', bundle(need), { 'Accept-Language': language });
        expect(again.status, need).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'need', code: 'demandBundleTaken', reason: bundleReason }]);
      }
    }
    expect(await counts()).toEqual(before);
    expect((await events()).slice(auditBefore).every((event) => event.startsWith('failure:'))).toBe(true);
    // With another partner, or in another category, the name is another project or need.
    expect((await registrar('POST', '/coproduction-projects', project('QA Coproductie drones', 'QA Andere partner'))).status).toBe(201);
    expect((await registrar('POST', '/demand-bundles', bundle('QA Verkenningsdrones', 'ammunition'))).status).toBe(201);
  });

  it('records a co-production project and a need once when the same one is sent several times at the same moment', async () => {
    const titles = ['QA Gelijktijdig project', 'qa gelijktijdig project', 'QA  Gelijktijdig Project'];
    const projects = await Promise.all(titles.map((title) => registrar('POST', '/coproduction-projects', { title, partner: 'QA Partner', stage: 'signed', reachedOn: '2025-06-01', note: '' })));
    expect(projects.map((answer) => answer.status).sort()).toEqual([201, 400, 400]);
    const bundles = await Promise.all(titles.map((need) => registrar('POST', '/demand-bundles', { need, category: 'drones', dutchQuantity: 1, ukrainianQuantity: 1, identifiedOn: '2025-06-01', note: '' })));
    expect(bundles.map((answer) => answer.status).sort()).toEqual([201, 400, 400]);
  });

  it('refuses a price development or a lesson the same as one recorded in every field its form asks, whatever the case and spaces of its texts, also sent at the same moment', async () => {
    const price = { item: 'QA Drone type B', contractId: null, earlierPriceCents: 100_000, earlierOn: '2024-05-01', paidPriceCents: 90_000, paidOn: '2025-06-01', note: 'QA Grotere serie' };
    const lesson = { notedOn: '2025-07-01', category: 'pricing', text: 'QA Een grotere serie drukt de prijs.' };
    const sentTwice = async (path: string, body: object) => (await Promise.all([body, body].map((sent) => registrar('POST', path, sent)))).map((answer) => answer.status).sort();
    expect(await sentTwice('/price-developments', price)).toEqual([201, 400]);
    expect(await sentTwice('/lessons-learned', lesson)).toEqual([201, 400]);
    const before = await counts();
    const reason = `This is already in the register: recorded on 5 September 2025 with exactly the same details (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count).`;
    const english = { 'Accept-Language': 'en' };
    const again = await registrar('POST', '/price-developments', { ...price, item: 'qa drone  type b', note: 'QA grotere serie ' }, english);
    expect([again.status, again.body.invalidParams]).toEqual([400, [{ name: 'item', code: 'duplicateRecord', reason }]]);
    const noted = await registrar('POST', '/lessons-learned', { ...lesson, text: 'qa een grotere serie drukt de prijs.' }, english);
    expect([noted.status, noted.body.invalidParams]).toEqual([400, [{ name: 'text', code: 'duplicateRecord', reason }]]);
    expect(await counts()).toEqual(before);
    // One that differs in any field its form asks is another.
    expect((await registrar('POST', '/price-developments', { ...price, paidPriceCents: 90_001 })).status).toBe(201);
    expect((await registrar('POST', '/lessons-learned', { ...lesson, category: 'delivery' })).status).toBe(201);
  });

  it('says an industry amount of zero or below as every amount, in euros, in Dutch and English', async () => {
    const before = await counts();
    const contract = (amountCents: number, language: string) =>
      registrar('POST', '/industry-contracts', { companyId: DEMONSTRATION_COMPANIES[0].id, reference: 'G2B-BEDRAG', subject: 'Drones', amountCents, signedOn: '2025-06-01' }, { 'Accept-Language': language });
    const price = (cents: number, language: string) =>
      registrar('POST', '/price-developments', { item: 'Drone', earlierPriceCents: cents, earlierOn: '2025-01-01', paidPriceCents: cents, paidOn: '2025-05-01' }, { 'Accept-Language': language });
    for (const [language, reason] of [
      ['nl', 'Vul een bedrag in van meer dan € 0,00.'],
      ['en', 'Enter an amount of more than €0.00.'],
    ] as const) {
      for (const cents of [0, -500]) {
        expect((await contract(cents, language)).body.invalidParams).toEqual([{ name: 'amountCents', code: 'amountNotPositive', reason }]);
        expect((await price(cents, language)).body.invalidParams).toEqual([
          { name: 'earlierPriceCents', code: 'amountNotPositive', reason },
          { name: 'paidPriceCents', code: 'amountNotPositive', reason },
        ]);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('lets a co-production project go back to an earlier stage only with the reason, in Dutch and English', async () => {
    const project = (await registrar('POST', '/coproduction-projects', { title: 'Munitieproductie', partner: 'Oekraïense partner', stage: 'producing', reachedOn: '2025-05-01' })).body;
    const back = (fields: Record<string, unknown>, language = 'nl') =>
      registrar('POST', `/coproduction-projects/${project.id}/stages`, { stage: 'signed', reachedOn: '2025-06-01', ...fields }, { 'Accept-Language': language });
    const silent = await back({}, 'en');
    expect(silent.status).toBe(400);
    expect(silent.body.invalidParams).toEqual([
      { name: 'note', code: 'coproductionStageGoesBack', reason: 'The project had reached the stage "Producing" already; give the reason it goes back in the note.' },
    ]);
    expect((await back({})).body.invalidParams[0].reason).toBe('Het project was al in de fase "In productie"; geef in de toelichting de reden dat het teruggaat.');
    expect((await back({ note: 'De productielijn is stilgelegd.' })).status).toBe(201);
    const stored = (await registrar('GET', '/industry?date=2025-09-05')).body.coproductionProjects.find((item: any) => item.id === project.id);
    expect(stored.stages.map((stage: any) => stage.stage)).toEqual(['producing', 'signed']);
  });

  it('lets progress go back only with a reason, and keeps every report', async () => {
    const setback = await registrar('POST', `/contract-milestones/${LAST_BATCH}/progress`, { percent: 20, reportedOn: '2025-09-02', reason: 'Demonstratie: een partij is afgekeurd.' });
    expect(setback.status).toBe(201);
    const overview = (await registrar('GET', '/industry?date=2025-09-05')).body;
    const milestone = overview.companies.flatMap((company: any) => company.contracts).flatMap((contract: any) => contract.milestones).find((item: any) => item.id === LAST_BATCH);
    expect(milestone.reports.map((report: any) => report.percent)).toEqual([40, 20]);
    expect(milestone).toMatchObject({ percent: 20, status: 'inProgress' });
    expect((await registrar('GET', '/industry?date=2025-08-31')).body.companies.flatMap((company: any) => company.contracts).flatMap((contract: any) => contract.milestones).find((item: any) => item.id === LAST_BATCH).percent).toBe(40);
  });

  it('reaches the public list only by a disclosure decision; the registrar may not decide, finance may not write', async () => {
    const [, dutch] = DEMONSTRATION_COMPANIES;
    expect((await finance('POST', '/lessons-learned', { notedOn: '2025-08-01', category: 'pricing', text: 'x' })).status).toBe(403);
    expect((await finance('GET', '/industry')).status).toBe(200);
    expect((await registrar('POST', `/companies/${dutch.id}/disclosure-decisions`, { state: 'public', publicName: 'x' })).status).toBe(403);
    expect((await anonymous('GET', '/public/companies')).body.items).toEqual([]);

    const decided = await disclosure('POST', `/companies/${dutch.id}/disclosure-decisions`, { state: 'public', publicName: 'Demonstratie: Nederlands dronebedrijf' });
    expect(decided.status).toBe(201);
    expect((await anonymous('GET', '/public/companies')).body.items).toEqual([expect.objectContaining({ name: 'Demonstratie: Nederlands dronebedrijf', country: 'NL' })]);
    expect((await events()).at(-1)).toBe('success:disclosure.decide:company');

    expect((await disclosure('POST', `/companies/${dutch.id}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests' })).status).toBe(201);
    expect((await anonymous('GET', '/public/companies')).body.items).toEqual([]);
  });
});
