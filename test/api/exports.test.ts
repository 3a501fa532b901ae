import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { vocabulary } from '../../common/vocabulary/index.ts';
import type { Column } from '../../src/api/exports/spreadsheet.ts';
import {
  ACCOUNT_COLUMNS, AUDIT_COLUMNS, BUDGET_COMMITMENT_COLUMNS, DELIVERY_COLUMNS, EPF_CLAIM_COLUMNS, EXPORT_QUEUE_COLUMNS, LETTER_COLUMNS, queuedExports, TRAINING_PROGRAMME_COLUMNS,
  READINESS_DELIVERY_COLUMNS, replenishmentProjectColumns, NON_REPLACEMENT_COLUMNS,
  INDUSTRY_BY_COUNTRY_COLUMNS, INDUSTRY_CONTRACT_COLUMNS, PRICE_DEVELOPMENT_COLUMNS, LESSON_COLUMNS, COPRODUCTION_COLUMNS, DEMAND_BUNDLE_COLUMNS, contractMilestoneRows,
  ANNEX_COLUMNS,
  BUDGET_DECISION_COLUMNS, BUDGET_SHIFT_COLUMNS,
  EPF_TRANCHE_COLUMNS,
  DUE_REVIEW_COLUMNS, TO_DECIDE_AGAIN_COLUMNS,
} from '../../src/api/exports/tables.ts';
import { parseCsv } from '../support/csv.ts';
import { sheetRows } from '../support/sheet-rows.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { positiveAssessment } from '../support/export-control.ts';
import { createApi } from '../../src/api/app.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import type { Role } from '../../src/domain/access.ts';
import type { CommitmentDetail } from '../../src/register/budget.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient, type ApiCall } from './client.ts';
import { submitAndApprove, ifMatchCurrent, SIGNED } from '../support/letters.ts';

const nl = vocabulary('nl');

/** A cell as the CSV of a dialect writes it, from the API's value: euros with the dialect's decimal sign, formula-like text behind an apostrophe. */
function csvText<Row>(column: Column<Row>, item: Row, decimal: string): string {
  const value = column.value(item, nl);
  if (value === null) return '';
  if (column.kind === 'euro') return (Number(value) / 100).toFixed(2).replace('.', decimal);
  const text = String(value);
  return column.kind === 'text' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as the XLSX holds it: euros and counts as numbers, dates and moments as date cells, text as it is. */
function xlsxValue<Row>(column: Column<Row>, item: Row): unknown {
  const value = column.value(item, nl);
  if (value === null) return null;
  if (column.kind === 'euro') return Number(value) / 100;
  if (column.kind === 'count') return Number(value);
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (column.kind === 'moment') return new Date(String(value));
  return String(value);
}

describeEachDatabase('list exports', (database) => {
  let registrar: ApiCall;
  let auditor: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;
  beforeAll(async () => {
    registrar = apiClient(database().db, { role: 'registrar' });
    auditor = apiClient(database().db, { role: 'auditor' });
    disclosure = apiClient(database().db, { role: 'disclosureOfficer' });
    author = apiClient(database().db, { role: 'letterAuthor' });
    const created = [
      { ...stockDelivery, title: '=HYPERLINK("http://example.org";"klik")' },
      { ...stockDelivery, title: 'Generatoren; voor Oekraïne, "spoed"', realisedAt: '2025-05-01' },
      { ...procurement, title: '+31 munitie' },
      { ...procurement, title: 'Munitie, tweede lot' },
    ];
    for (const body of created) expect((await registrar('POST', '/deliveries', body)).body).toMatchObject({ title: body.title });
    const [first] = (await registrar('GET', '/deliveries?supportType=stock&sort=title')).body.items;
    const valuation = { amountCents: 123_456_789, basis: 'replacementValue', effectiveDate: '2025-04-15' };
    expect((await registrar('POST', `/deliveries/${first.id}/valuations`, valuation)).body).toMatchObject(valuation);
    expect((await author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31' })).status).toBe(201);
  });

  /** Every item of a paged list, walking its `next` cursors. */
  async function allItems(call: ApiCall, path: string, pageOf: (body: any) => { items: unknown[]; next: string | null } = (body) => body): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let next: string | null = null; ; ) {
      const page = await call('GET', `${path}${path.includes('?') ? '&' : '?'}pageSize=2${next ? `&after=${next}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...pageOf(page.body).items);
      next = pageOf(page.body).next;
      if (!next) return items;
    }
  }

  /** One session per role, so that a list of accounts stays the same from one download to the next. */
  const cookies = new Map<Role, Promise<string>>();

  /** The file as a browser downloads it, for a session of the role. */
  async function fetchAs(role: Role, path: string): Promise<Response> {
    const { db } = database();
    if (!cookies.has(role)) cookies.set(role, sessionCookieFor(db, role, { secondFactor: true }));
    const response = await createApi({ db }).request(path, { headers: { Cookie: await cookies.get(role)! } });
    expect(response.status).toBe(200);
    return response;
  }

  async function download(role: Role, path: string): Promise<{ text: string; disposition: string | null }> {
    const response = await fetchAs(role, path);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // As a spreadsheet reads the bytes: a BOM stays in the text.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') };
  }

  async function xlsxRows(role: Role, path: string): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
    const response = await fetchAs(role, path);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    return { rows: sheetRows(sheet, sheet.columnCount), sheet };
  }

  /** The list's export in all three forms, each read back as a spreadsheet reads it, equals the items of the list's API. */
  async function expectExportsOf<Row>(role: Role, path: string, columns: readonly Column<Row>[], items: readonly Row[]) {
    const headings = columns.map((column) => nl.spreadsheetExport.headings[column.heading]);
    const separator = path.includes('?') ? '&' : '?';

    const excel = await download(role, `${path}${separator}format=csv`);
    expect(excel.text.startsWith('\uFEFF')).toBe(true);
    expect(excel.disposition).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const excelRows = parseCsv(excel.text.slice(1), ';');
    expect(excelRows[0]).toEqual(headings);
    expect(excelRows.slice(1)).toEqual(items.map((item) => columns.map((column) => csvText(column, item, ','))));

    const rfc = await download(role, `${path}${separator}format=csv&dialect=rfc4180`);
    expect(rfc.text.startsWith('\uFEFF')).toBe(false);
    const rfcRows = parseCsv(rfc.text);
    expect(rfcRows[0]).toEqual(headings);
    expect(rfcRows.slice(1)).toEqual(items.map((item) => columns.map((column) => csvText(column, item, '.'))));

    const { rows, sheet } = await xlsxRows(role, `${path}${separator}format=xlsx`);
    expect(rows[0]).toEqual(headings);
    expect(rows.slice(1)).toEqual(items.map((item) => columns.map((column) => xlsxValue(column, item))));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + columns.length)}1`);
    return { excelRows, rows };
  }

  it('exports the deliveries with the list’s filter and order, euros exact, dates as dates and formulas neutralised', async () => {
    const path = '/exports/deliveries?supportType=stock&sort=title';
    const items = await allItems(registrar, '/deliveries?supportType=stock&sort=title');
    expect(items).toHaveLength(2);
    const { excelRows, rows } = await expectExportsOf('registrar', path, DELIVERY_COLUMNS, items as never[]);
    const valueColumn = DELIVERY_COLUMNS.findIndex((column) => column.heading === 'valueEuro');
    expect(excelRows[1]![0]).toBe('\'=HYPERLINK("http://example.org";"klik")');
    expect(excelRows[1]![valueColumn]).toBe('1234567,89');
    expect(excelRows[2]![0]).toBe('Generatoren; voor Oekraïne, "spoed"');
    expect(rows[1]![valueColumn]).toBe(1234567.89);
    expect(rows[1]![DELIVERY_COLUMNS.findIndex((column) => column.heading === 'realisedAt')]).toEqual(new Date('2025-04-15T00:00:00Z'));
    expect(rows[1]![DELIVERY_COLUMNS.findIndex((column) => column.heading === 'category')]).toBe(nl.categories.nonLethal);
  });

  it('names the file after the list in the language of the export', async () => {
    const fileName = async (role: Role, path: string) => (await fetchAs(role, path)).headers.get('content-disposition')?.replace(/-\d{4}-\d{2}-\d{2}\./, '-DAY.');
    expect(await fileName('registrar', '/exports/deliveries?format=csv&lang=en')).toBe('attachment; filename="deliveries-DAY.csv"');
    expect(await fileName('registrar', '/exports/deliveries?format=xlsx&lang=nl')).toBe('attachment; filename="leveringen-DAY.xlsx"');
    expect(await fileName('auditor', '/exports/budget-shifts?format=csv&lang=en')).toBe('attachment; filename="budget-shifts-DAY.csv"');
    expect(await fileName('registrar', '/exports/training-programmes?format=csv&lang=nl')).toBe('attachment; filename="trainingsprogrammas-DAY.csv"');
    expect(await fileName('registrar', '/exports/training-programmes?format=csv&lang=en')).toBe('attachment; filename="training-programmes-DAY.csv"');
  });

  it('exports the audit trail of a filter with hashes an auditor can check outside the system, and records the export', async () => {
    const filter = 'objectType=delivery';
    const items = (await auditor('GET', `/audit-events?${filter}&limit=500`)).body.items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    await expectExportsOf('auditor', `/exports/audit-events?${filter}`, AUDIT_COLUMNS, items);

    // The whole trail: each row's hashed text hashes to its hash, and links to the row below (the event before it).
    const whole = parseCsv((await download('auditor', '/exports/audit-events?format=csv&dialect=rfc4180')).text);
    const at = (heading: string) => AUDIT_COLUMNS.findIndex((column) => column.heading === heading);
    const events = whole.slice(1);
    expect(events[events.length - 1]![at('sequence')]).toBe('1');
    for (const [index, row] of events.entries()) {
      expect(createHash('sha256').update(row[at('canonicalJson')]!, 'utf8').digest('hex')).toBe(row[at('hash')]);
      const below = events[index + 1];
      if (below) expect(row[at('previousHash')]).toBe(below[at('hash')]);
    }
    expect(JSON.parse(events[0]![at('canonicalJson')]!)).toMatchObject({ action: 'audit.read', detail: { export: true } });
  });

  it('exports the disclosure queue and the letters as their lists show them', async () => {
    const queue = await allItems(disclosure, '/disclosure-queue', (body) => body.undecided);
    expect(queue.length).toBeGreaterThanOrEqual(4);
    await expectExportsOf('disclosureOfficer', '/exports/disclosure-queue', DELIVERY_COLUMNS, queue as never[]);
    const letters = (await author('GET', '/letters')).body.items;
    expect(letters).toHaveLength(1);
    await expectExportsOf('letterAuthor', '/exports/letters', LETTER_COLUMNS, letters);
  });

  it('exports the EPF claims as they stood at the list’s date, a claim on one delivery with the delivery’s title and id', async () => {
    const finance = apiClient(database().db, { role: 'finance' });
    const claim = { reference: 'EPF-2025-01', deliveryId: null, batch: 'Leveringen eerste helft', trancheId: null, period: 'jan. t/m jun. 2025', declaredCents: 987_654_321, declaredOn: '2025-07-01', note: '' };
    expect((await finance('POST', '/epf/claims', claim)).status).toBe(201);
    const [valued] = (await registrar('GET', '/deliveries?supportType=stock&sort=title')).body.items;
    const onDelivery = { ...claim, reference: 'EPF-2025-02', deliveryId: valued.id, batch: '', declaredCents: 1_000_000, declaredOn: '2025-07-02' };
    expect((await finance('POST', '/epf/claims', onDelivery)).status).toBe(201);
    const { items } = (await finance('GET', '/epf/claims?date=2025-08-31')).body;
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ deliveryId: valued.id, deliveryTitle: valued.title });
    const { excelRows, rows } = await expectExportsOf('finance', '/exports/epf-claims?date=2025-08-31', EPF_CLAIM_COLUMNS, items);
    expect(excelRows[1]![EPF_CLAIM_COLUMNS.findIndex((column) => column.heading === 'declaredEuro')]).toBe('9876543,21');
    // What a claim covers is headed as the EPF page and the import's template head it; a claim on one delivery names it.
    const cells = (row: number) => ['Omvat', 'Levering', 'Leverings-id'].map((heading) => rows[row]![rows[0]!.indexOf(heading)]);
    expect(cells(1)).toEqual(['Leveringen eerste helft', null, null]);
    expect(cells(2)).toEqual([null, valued.title, valued.id]);
  });

  it('exports the accounts as their list shows them, without any secret', async () => {
    const administrator = apiClient(database().db, { role: 'administrator' });
    const account = { username: 'export.beheer', displayName: '=Beheerder, "export"', role: 'auditor', password: 'een lang wachtwoord 123', email: 'beheer@example.org' };
    const { totpSecret } = (await administrator('POST', '/accounts', account)).body;
    expect(totpSecret).toEqual(expect.any(String));
    await fetchAs('administrator', '/exports/accounts');
    const { items } = (await administrator('GET', '/accounts')).body;
    expect(items.length).toBeGreaterThanOrEqual(1);
    const { excelRows } = await expectExportsOf('administrator', '/exports/accounts', ACCOUNT_COLUMNS, items);
    const created = excelRows.find((row) => row[0] === 'export.beheer')!;
    expect(created[ACCOUNT_COLUMNS.findIndex((column) => column.heading === 'role')]).toBe(nl.roles.auditor);
    const everyCell = excelRows.flat().join(';');
    for (const secret of [account.password, totpSecret, '$scrypt', '$argon2']) expect(everyCell).not.toContain(secret);
  });

  it('exports both export-control queues in one sheet, each row with its queue', async () => {
    const assessor = apiClient(database().db, { role: 'exportControlAssessor' });
    const [waiting] = (await assessor('GET', '/export-control/queues')).body.awaitingAssessment;
    expect((await assessor('POST', `/deliveries/${waiting.deliveryId}/export-assessments`, positiveAssessment)).status).toBe(201);
    const queues = (await assessor('GET', '/export-control/queues')).body;
    expect(queues.awaitingAssessment.length).toBeGreaterThanOrEqual(1);
    expect(queues.awaitingLicence).toHaveLength(1);
    const { rows } = await expectExportsOf('exportControlAssessor', '/exports/export-queues', EXPORT_QUEUE_COLUMNS, queuedExports(queues));
    expect(rows.at(-1)!.slice(0, 2)).toEqual([nl.spreadsheetExport.exportQueues.awaitingLicence, waiting.title]);
  });

  it('exports the budget commitments with their latest amount and every stage, as the pages list them with the same filter', async () => {
    const finance = apiClient(database().db, { role: 'finance' });
    const pledge = { title: 'Bijdrage; "UCAP" 2026', fund: 'internationalSecurityBudget', budgetYear: 2026, stage: 'pledged', amountCents: 30_000_000_001, effectiveOn: '2025-04-15' };
    const { id } = (await finance('POST', '/budget/commitments', pledge)).body;
    expect((await finance('POST', `/budget/commitments/${id}/stages`, { stage: 'committed', amountCents: 50_000_000_099, effectiveOn: '2025-06-01' })).status).toBe(201);
    const others = [
      { ...pledge, title: 'Anders 2025', budgetYear: 2025, contractReference: 'UCAP-2025' },
      { ...pledge, title: 'Anders 2026', fund: 'defenceBudget' },
    ];
    for (const other of others) expect((await finance('POST', '/budget/commitments', other)).status).toBe(201);
    const commitments = (await allItems(finance, '/budget/commitments')) as CommitmentDetail[];
    expect(commitments.map((commitment) => commitment.title)).toEqual(['Anders 2025', 'Anders 2026', pledge.title]);
    const { excelRows } = await expectExportsOf('finance', '/exports/budget-commitments', BUDGET_COMMITMENT_COLUMNS, commitments);
    const at = (heading: string) => BUDGET_COMMITMENT_COLUMNS.findIndex((column) => column.heading === heading);
    const exported = excelRows.find((row) => row[at('title')] === pledge.title)!;
    expect(exported[at('amountEuro')]).toBe('500000000,99');
    expect(exported[at('stageHistory')]).toBe(`${nl.stages.pledged} 2025-04-15: 300000000,01; ${nl.stages.committed} 2025-06-01: 500000000,99`);
    for (const query of ['year=2026', 'fund=internationalSecurityBudget', 'q=ucap', 'q=ucap&year=2026&fund=internationalSecurityBudget']) {
      const filtered = (await allItems(finance, `/budget/commitments?${query}`)) as CommitmentDetail[];
      expect(filtered.length, query).toBeLessThan(commitments.length);
      await expectExportsOf('finance', `/exports/budget-commitments?${query}`, BUDGET_COMMITMENT_COLUMNS, filtered);
    }
    expect((await finance('GET', '/exports/budget-commitments?fund=epf')).status).toBe(400);
  });

  it('exports the training programmes with each count as its latest contribution gives it, dated as that contribution counts it', async () => {
    const programme = { key: 'export-stc', name: 'Specialised training; "ST-C"', hostCountry: 'DE', framework: 'euMission', systemTrainedOn: 'Leopard 1' };
    const { id } = (await registrar('POST', '/training-programmes', programme)).body;
    expect((await registrar('POST', '/training-programmes', { ...programme, key: 'export-empty', name: 'Zonder bijdragen' })).status).toBe(201);
    const counts = [
      { periodFrom: '2024-01-01', countsUpTo: '2024-12-31', trainers: 20, trainersIsMaximum: true, trainees: 200, traineesIsApproximate: true, courses: 3 },
      { periodFrom: '2025-01-01', countsUpTo: '2025-06-30', trainees: 250 },
      // A plan, decided later, counts none of the training given.
      { periodFrom: '2026-01-01', countsUpTo: '2025-07-15', rotations: 4, soldiersPerRotation: 90 },
    ];
    for (const count of counts) expect((await registrar('POST', `/training-programmes/${id}/contributions`, count)).status).toBe(201);
    const { items } = (await registrar('GET', '/training-programmes')).body;
    expect(items).toHaveLength(2);
    const { rows } = await expectExportsOf('registrar', '/exports/training-programmes', TRAINING_PROGRAMME_COLUMNS, items);
    const at = (heading: string) => TRAINING_PROGRAMME_COLUMNS.findIndex((column) => column.heading === heading);
    const counted = rows.find((row) => row[0] === programme.name)!;
    expect([counted[at('trainers')], counted[at('trainersIsMaximum')], counted[at('trainees')], counted[at('traineesIsApproximate')]]).toEqual([20, nl.spreadsheetExport.yes, 250, nl.spreadsheetExport.no]);
    expect(['trainersCountsUpTo', 'traineesCountsUpTo', 'coursesCountsUpTo'].map((heading) => counted[at(heading)])).toEqual(
      ['2024-12-31', '2025-06-30', '2024-12-31'].map((day) => new Date(`${day}T00:00:00Z`)),
    );
    // The plan, which the letter names too, with the day it was decided.
    expect(['rotations', 'rotationsCountsUpTo', 'soldiersPerRotation', 'costEstimateEuro', 'costEstimateCountsUpTo'].map((heading) => counted[at(heading)])).toEqual([4, new Date('2025-07-15T00:00:00Z'), 90, null, null]);
    expect(counted[at('trainingFramework')]).toBe(nl.trainingFrameworks.euMission);
  });

  it('exports each table of the readiness page: the stock deliveries, the replenishment projects and the decisions not to replace', async () => {
    const [valued, generators] = (await registrar('GET', '/deliveries?supportType=stock&sort=title')).body.items;
    const judgement = { effect: 'significantButAcceptable', reasoning: 'Voorraad wordt aangevuld.', judgedOn: '2025-05-01' };
    expect((await registrar('POST', `/deliveries/${valued.id}/readiness-judgements`, judgement)).status).toBe(201);
    const project = { name: 'Vervanging; "snel"', stage: 'identified', budgetCents: 200_000_000_01, expectedOn: '2026-03-01', replaces: [{ deliveryId: valued.id, replacedValueCents: 100_000_001, replacedQuantity: 1 }], asOf: '2025-05-15' };
    expect((await registrar('POST', '/replenishment-projects', project)).status).toBe(201);
    const decision = { decidedOn: '2025-06-01', reason: '=Niet vervangen', revaluation: { amountCents: 5_000_05, basis: 'bookValue', effectiveDate: '2025-06-01' } };
    expect((await registrar('POST', `/deliveries/${generators.id}/non-replacement-decisions`, decision)).status).toBe(201);
    const overview = (await registrar('GET', '/readiness')).body;
    const stock = (await registrar('GET', '/readiness/deliveries')).body.items;
    expect(stock).toHaveLength(2);

    const { excelRows } = await expectExportsOf('registrar', '/exports/readiness-deliveries', READINESS_DELIVERY_COLUMNS, stock);
    const at = (heading: string) => READINESS_DELIVERY_COLUMNS.findIndex((column) => column.heading === heading);
    const row = excelRows.find((cells) => cells[at('id')] === valued.id)!;
    expect([row[at('readinessEffect')], row[at('replacedEuro')], row[at('valueEuro')]]).toEqual([nl.readinessEffects.significantButAcceptable, '1000000,01', '1234567,89']);
    // The page's search applies to its export as well.
    const searched = (await registrar('GET', `/readiness/deliveries?q=${encodeURIComponent(generators.title.slice(2, 9).toUpperCase())}`)).body.items;
    expect(searched.map((item: any) => item.id)).toEqual([generators.id]);
    await expectExportsOf('registrar', `/exports/readiness-deliveries?q=${encodeURIComponent(generators.title.slice(2, 9).toUpperCase())}`, READINESS_DELIVERY_COLUMNS, searched);
    // And its filter on the latest judgement, alone and with the search.
    for (const query of ['effect=significantButAcceptable', 'effect=unjudged', 'effect=unacceptable', `effect=unjudged&q=${encodeURIComponent(generators.title)}`]) {
      const filtered = (await registrar('GET', `/readiness/deliveries?${query}`)).body.items;
      await expectExportsOf('registrar', `/exports/readiness-deliveries?${query}`, READINESS_DELIVERY_COLUMNS, filtered);
    }
    expect((await registrar('GET', '/readiness/deliveries?effect=unjudged')).body.items.map((item: any) => item.id)).toEqual([generators.id]);
    expect((await registrar('GET', '/exports/readiness-deliveries?effect=onbekend')).status).toBe(400);

    const projects = await expectExportsOf('registrar', '/exports/replenishment-projects', replenishmentProjectColumns(true), overview.projects);
    expect(projects.rows[1]!.slice(0, 5)).toEqual([project.name, nl.replenishmentStages.identified, new Date('2025-05-15T00:00:00Z'), 1000000.01, 200000000.01]);

    expect(overview.nonReplacements).toHaveLength(1);
    const { excelRows: decisionRows } = await expectExportsOf('registrar', '/exports/non-replacements', NON_REPLACEMENT_COLUMNS, overview.nonReplacements);
    expect(decisionRows[1]!.slice(1, 4)).toEqual([generators.title, "'=Niet vervangen", nl.spreadsheetExport.yes]);
  });

  it('exports each table of the industry page, its milestones judged at the date asked', async () => {
    const [ammunition] = (await registrar('GET', '/deliveries?supportType=procurement&sort=title')).body.items;
    const company = (await registrar('POST', '/companies', { name: 'Drone Works; "UA"', country: 'UA' })).body;
    expect((await registrar('POST', '/companies', { name: 'Zonder contract', country: 'NL' })).status).toBe(201);
    const contract = {
      companyId: company.id, reference: 'G2B-7', subject: 'Drones', amountCents: 1_234_567_801, signedOn: '2025-03-01', deliveryIds: [ammunition.id],
      milestones: [{ title: 'Eerste lot', dueOn: '2025-06-01' }, { title: 'Tweede lot', dueOn: '2025-12-01' }],
    };
    expect((await registrar('POST', '/industry-contracts', contract)).status).toBe(201);
    const records = [
      ['/price-developments', { item: 'Drone', earlierPriceCents: 100_00, earlierOn: '2024-03-01', paidPriceCents: 112_50, paidOn: '2025-03-01', note: 'Sneller geleverd' }],
      ['/lessons-learned', { notedOn: '2025-03-01', category: 'contracting', text: '-Vooruitbetaling versnelt de levering' }],
      ['/demand-bundles', { need: 'Drones', category: 'drones', dutchQuantity: 10, ukrainianQuantity: 100, identifiedOn: '2025-03-01' }],
    ] as const;
    for (const [path, body] of records) expect((await registrar('POST', path, body)).status).toBe(201);
    const { id: projectId } = (await registrar('POST', '/coproduction-projects', { title: 'Onbemande systemen', partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-03-01' })).body;
    expect((await registrar('POST', `/coproduction-projects/${projectId}/stages`, { stage: 'memorandum', reachedOn: '2025-05-01' })).status).toBe(201);
    const overview = (await registrar('GET', '/industry?date=2025-08-31')).body;

    const query = '?date=2025-08-31';
    const byCountry = await expectExportsOf('registrar', `/exports/industry-by-country${query}`, INDUSTRY_BY_COUNTRY_COLUMNS, overview.byCountry);
    expect(byCountry.rows.slice(1)).toEqual([['UA', nl.companyOrigins.ukrainian, 1, 12345678.01, 1, 0, 1, 0]]);
    const contracts = contractMilestoneRows(overview.companies);
    // The company without a contract, recorded today, was not in the register then.
    expect(contracts).toHaveLength(2);
    const { excelRows } = await expectExportsOf('registrar', `/exports/industry-contracts${query}`, INDUSTRY_CONTRACT_COLUMNS, contracts);
    const at = (heading: string) => INDUSTRY_CONTRACT_COLUMNS.findIndex((column) => column.heading === heading);
    const late = excelRows.find((row) => row[at('milestone')] === 'Eerste lot')!;
    expect([late[at('contractDeliveries')], late[at('amountEuro')], late[at('milestoneStatus')]]).toEqual(["'+31 munitie", '12345678,01', nl.milestoneStatuses.late]);
    const today = await expectExportsOf('registrar', '/exports/industry-contracts', INDUSTRY_CONTRACT_COLUMNS, contractMilestoneRows((await registrar('GET', '/industry')).body.companies));
    expect(today.excelRows.find((row) => row[0] === 'Zonder contract')![at('contractReference')]).toBe('');
    const prices = await expectExportsOf('registrar', `/exports/price-developments${query}`, PRICE_DEVELOPMENT_COLUMNS, overview.priceDevelopments);
    expect(prices.rows[1]!.slice(0, 6)).toEqual(['Drone', 100, new Date('2024-03-01T00:00:00Z'), 112.5, new Date('2025-03-01T00:00:00Z'), 125]);
    const lessons = await expectExportsOf('registrar', `/exports/lessons-learned${query}`, LESSON_COLUMNS, overview.lessons);
    expect(lessons.excelRows[1]!.slice(1, 3)).toEqual([nl.lessonCategories.contracting, "'-Vooruitbetaling versnelt de levering"]);
    const projects = await expectExportsOf('registrar', `/exports/coproduction-projects${query}`, COPRODUCTION_COLUMNS, overview.coproductionProjects);
    expect(projects.excelRows[1]!.slice(2, 5)).toEqual([nl.coproductionStages.memorandum, '2025-05-01', `${nl.coproductionStages.intention} 2025-03-01; ${nl.coproductionStages.memorandum} 2025-05-01`]);
    await expectExportsOf('registrar', `/exports/demand-bundles${query}`, DEMAND_BUNDLE_COLUMNS, overview.demandBundles);
  });

  it('exports the annexes a reader may open, with what changed in each, and records the listing', async () => {
    const deliveryIds = (await registrar('GET', '/deliveries')).body.items.map((delivery: { id: string }) => delivery.id);
    expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds, state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);
    const [listed] = (await author('GET', '/letters')).body.items;
    const draft = (await author('PATCH', `/letters/${listed.id}`, { letterDate: '2025-09-10' }, { 'If-Match': `"${listed.version}"` })).body;
    const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
    expect(approved.status).toBe(200);
    expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
    const reader = apiClient(database().db, { role: 'parliamentReader' });
    // A final letter's annex is parliament's only once the letter was sent to it.
    expect((await reader('GET', `/letters/${draft.id}/annex/html`)).status).toBe(404);
    expect((await reader('GET', '/annexes')).body.items).toEqual([]);
    expect((await author('GET', '/annexes')).body.items.map((item: { letterId: string }) => item.letterId)).toEqual([draft.id]);
    const refusals = await listAuditEvents(database().db, { action: 'annex.read', objectId: draft.id, limit: 10 });
    expect(refusals.map((event) => [event.result, event.detail])).toEqual([['denied', { reason: 'notSent' }]]);
    expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
    // Opening the annex renders it, so that the list counts its rows.
    expect((await reader('GET', `/letters/${draft.id}/annex/html`)).status).toBe(200);
    const { items } = (await reader('GET', '/annexes')).body;
    expect(items).toHaveLength(1);
    expect(items[0].rowCount).toEqual(expect.any(Number));
    const { rows } = await expectExportsOf('parliamentReader', '/exports/annexes', ANNEX_COLUMNS, items);
    expect(rows[1]![0]).toEqual(new Date('2025-08-31T00:00:00Z'));
    // Listing the annexes is recorded as listing them, apart from opening one: who opened an annex is read without the lists.
    const listings = await database().db.selectFrom('auditEvent').select(['actorRole', 'objectType', 'objectId']).where('action', '=', 'annex.list').execute();
    expect(listings.filter((event) => event.actorRole === 'parliamentReader').length).toBeGreaterThanOrEqual(4);
    expect(new Set(listings.map((event) => `${event.objectType} ${event.objectId}`))).toEqual(new Set(['annexes *']));
    const opened = await database().db.selectFrom('auditEvent').select('objectId').where('action', '=', 'annex.read').execute();
    expect(opened.every((event) => event.objectId === draft.id)).toBe(true);
  });

  it('exports the budget decisions with their amount per year, and the shifts between years', async () => {
    const finance = apiClient(database().db, { role: 'finance' });
    const decision = { moment: 'Voorjaarsnota; "2025"', decidedOn: '2025-04-15', fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2026, amounts: [{ budgetYear: 2025, amountCents: 200_000_000_001 }, { budgetYear: 2026, amountCents: 40_000_000_099 }], description: '=Extra steun' };
    // Decided in the period of the letter sent above: recorded as confirmed.
    expect((await finance('POST', '/budget/decisions', { ...decision, confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    const shift = { moment: 'Najaarsnota 2025', decidedOn: '2025-06-01', fund: 'internationalSecurityBudget', fromYear: 2026, toYear: 2025, amountCents: 10_000_000_001 };
    expect((await finance('POST', '/budget/shifts', shift)).status).toBe(201);
    const { decisions, shifts } = (await finance('GET', '/budget')).body;
    expect([decisions.length, shifts.length]).toEqual([1, 1]);
    const decided = await expectExportsOf('finance', '/exports/budget-decisions', BUDGET_DECISION_COLUMNS, decisions);
    const at = (heading: string) => BUDGET_DECISION_COLUMNS.findIndex((column) => column.heading === heading);
    expect(decided.excelRows[1]![at('amountEuro')]).toBe('2400000001,00');
    expect(decided.excelRows[1]![at('yearAmounts')]).toBe('2025: 2000000000,01; 2026: 400000000,99');
    const moved = await expectExportsOf('finance', '/exports/budget-shifts', BUDGET_SHIFT_COLUMNS, shifts);
    expect(moved.rows[1]!.slice(3, 6)).toEqual([2026, 2025, 100000000.01]);
  });

  it('exports the EPF tranches decided by the date asked, as the EPF page lists them', async () => {
    const finance = apiClient(database().db, { role: 'finance' });
    const tranches = [
      { kind: 'windfallProfits', name: 'Tranche; "3"', euAmountCents: 1_400_000_000_01, decidedOn: '2025-06-01', dutchRole: 'none', note: '=Opbrengst' },
      { kind: 'windfallProfits', name: 'Tranche 4', euAmountCents: 1_000_00, decidedOn: '2025-10-01', dutchRole: 'none' },
    ];
    // The first decided in the period of the letter sent above: recorded as confirmed.
    for (const tranche of tranches) {
      const confirm = tranche.decidedOn <= '2025-08-31' ? { confirm: ['datedInSentLetterPeriod'] } : {};
      expect((await finance('POST', '/epf/tranches', { ...tranche, ...confirm })).status).toBe(201);
    }
    const { tranches: known } = (await finance('GET', '/epf/overview?date=2025-08-31')).body;
    expect(known.map((tranche: { name: string }) => tranche.name)).toContain(tranches[0]!.name);
    expect(known.map((tranche: { name: string }) => tranche.name)).not.toContain(tranches[1]!.name);
    const { excelRows } = await expectExportsOf('finance', '/exports/epf-tranches?date=2025-08-31', EPF_TRANCHE_COLUMNS, known);
    const mine = excelRows.find((row) => row[0] === tranches[0]!.name)!;
    expect(mine[EPF_TRANCHE_COLUMNS.findIndex((column) => column.heading === 'euAmountEuro')]).toBe('1400000000,01');
  });

  it('exports the deliveries due for review by the reference date, and records the read as the queue does', async () => {
    const [first, second] = (await registrar('GET', '/deliveries')).body.items;
    const keep = (deliveryId: string, reviewOn: string | null) => disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'confidential', ground: 'operationalSecurity', reviewOn });
    // A review date lies ahead when it is decided: the queue is asked for a reference date after it.
    const nextYear = Number(todayInAmsterdam().slice(0, 4)) + 1;
    const referenceDate = `${nextYear}-09-30`;
    expect((await keep(first.id, `${nextYear}-09-01`)).status).toBe(201);
    expect((await keep(second.id, null)).status).toBe(201);
    const { dueForReview } = (await disclosure('GET', `/disclosure-queue?referenceDate=${referenceDate}`)).body;
    expect(dueForReview.map((review: { deliveryId: string }) => review.deliveryId)).toEqual([first.id]);
    const { excelRows } = await expectExportsOf('disclosureOfficer', `/exports/due-reviews?referenceDate=${referenceDate}`, DUE_REVIEW_COLUMNS, dueForReview);
    expect(excelRows[1]![DUE_REVIEW_COLUMNS.findIndex((column) => column.heading === 'confidentialityGround')]).toBe(nl.confidentialityGrounds.operationalSecurity);
    const reads = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'disclosure.read').where('objectId', '=', referenceDate).execute();
    expect(reads.filter((event) => JSON.parse(event.canonical).detail?.export === true)).toHaveLength(3);
  });

  it('exports every delivery to decide on again in the queue’s order, across its pages, and records the read as the queue does', async () => {
    // Two items that gave their sum, three deliveries each, one of which leaves each.
    for (const publicTitle of ['Veldbedden', 'Aggregaten']) {
      const ids: string[] = [];
      for (const amountCents of [10_000_000, 20_000_000, 30_000_000]) {
        const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: `${publicTitle} (intern, ${amountCents})`, confirm: ['datedInSentLetterPeriod'] });
        expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: '2025-04-15', confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
        ids.push(created.body.id);
      }
      const decision = { deliveryIds: ids, state: 'public', publicTitle, publicCategory: 'nonLethal', publicValue: true, publicFrom: '2025-07-01' };
      expect((await disclosure('POST', '/disclosure-decisions', decision)).status).toBe(201);
      expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [ids[0]], state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);
    }
    const entries: unknown[] = [];
    for (let next: string | null = null; ; ) {
      const { body } = await disclosure('GET', `/disclosure-queue?decideAgainPageSize=3${next ? `&decideAgainAfter=${next}` : ''}`);
      entries.push(...body.toDecideAgain);
      next = body.toDecideAgainPage.next;
      if (!next) break;
    }
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({ publicTitle: 'Aggregaten' });
    const today = todayInAmsterdam();
    const before = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'disclosure.read').where('objectId', '=', today).execute();
    const { excelRows } = await expectExportsOf('disclosureOfficer', '/exports/to-decide-again', TO_DECIDE_AGAIN_COLUMNS, entries as never[]);
    // Each with why it waits, under its heading in the export's language.
    const reasonColumn = (rows: string[][], words: typeof nl) => rows.map((row) => row[rows[0]!.indexOf(words.spreadsheetExport.headings.reason)]);
    expect(reasonColumn(excelRows, nl)).toEqual(['Reden', ...Array(4).fill(nl.decideAgainReasons.deliveryLeft)]);
    const reads = await database().db.selectFrom('auditEvent').select('canonical').where('action', '=', 'disclosure.read').where('objectId', '=', today).execute();
    expect(reads.filter((event) => JSON.parse(event.canonical).detail?.export === true).length - before.filter((event) => JSON.parse(event.canonical).detail?.export === true).length).toBe(3);
    const en = vocabulary('en');
    const english = parseCsv((await download('disclosureOfficer', '/exports/to-decide-again?format=csv&dialect=rfc4180&lang=en')).text);
    expect(reasonColumn(english, en)).toEqual(['Reason', ...Array(4).fill(en.decideAgainReasons.deliveryLeft)]);
  });

  it('refuses an export to whom the list is refused', async () => {
    const registrarExport = await registrar('GET', '/exports/audit-events?format=csv');
    expect(registrarExport.status).toBe(403);
    expect((await apiClient(database().db, { role: 'finance' })('GET', '/exports/disclosure-queue')).status).toBe(403);
    expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', '/exports/deliveries')).status).toBe(403);
    expect((await registrar('GET', '/exports/letters')).status).toBe(403);
    expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', '/exports/epf-claims')).status).toBe(403);
    expect((await auditor('GET', '/exports/accounts')).status).toBe(403);
    expect((await registrar('GET', '/exports/export-queues')).status).toBe(403);
    expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', '/exports/budget-commitments')).status).toBe(403);
    expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', '/exports/training-programmes')).status).toBe(403);
    for (const list of ['readiness-deliveries', 'replenishment-projects', 'non-replacements', 'industry-by-country', 'industry-contracts', 'price-developments', 'lessons-learned', 'coproduction-projects', 'demand-bundles']) {
      expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', `/exports/${list}`)).status).toBe(403);
    }
    expect((await registrar('GET', '/exports/annexes')).status).toBe(403);
    for (const list of ['budget-decisions', 'budget-shifts', 'epf-tranches', 'due-reviews', 'to-decide-again']) expect((await apiClient(database().db, { role: 'parliamentReader' })('GET', `/exports/${list}`)).status).toBe(403);
    expect((await registrar('GET', '/exports/deliveries?format=pdf')).status).toBe(400);
  });

  it('refuses a file in the language its link asks for, whatever the browser prefers', async () => {
    const refusal = async (query: string) => (await registrar('GET', `/exports/deliveries?format=pdf${query}`, undefined, { 'Accept-Language': 'nl-NL,nl;q=0.9' })).body;
    expect(await refusal('&lang=en')).toMatchObject({ title: 'The input is not valid', invalidParams: [{ name: 'format', reason: 'Choose one of: xlsx, csv.' }] });
    expect(await refusal('')).toMatchObject({ title: 'De invoer is niet geldig', invalidParams: [{ name: 'format', reason: 'Kies een van: xlsx, csv.' }] });
  });

  it('writes formula-like text as a plain string cell, the largest amount to the cent, and a filter that matches nothing as its headings', async () => {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: '=1+2 @SOM', confirm: ['datedInSentLetterPeriod'] });
    const largest = { amountCents: 9_999_999_999_999, basis: 'replacementValue', effectiveDate: '2025-04-15', confirm: ['datedInSentLetterPeriod'] };
    expect((await registrar('POST', `/deliveries/${created.body.id}/valuations`, largest)).status).toBe(201);
    const path = '/exports/deliveries?q=%3D1%2B2';
    const valueColumn = DELIVERY_COLUMNS.findIndex((column) => column.heading === 'valueEuro');
    expect(parseCsv((await download('registrar', `${path}&format=csv`)).text.slice(1), ';')[1]![valueColumn]).toBe('99999999999,99');
    expect(parseCsv((await download('registrar', `${path}&format=csv&dialect=rfc4180`)).text)[1]![valueColumn]).toBe('99999999999.99');
    const workbook = unzipSync(new Uint8Array(await (await fetchAs('registrar', `${path}&format=xlsx`)).arrayBuffer()));
    const sheet = strFromU8(workbook['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toMatch(/<c r="A2" t="inlineStr"><is><r><t>=1\+2 @SOM<\/t><\/r><\/is><\/c>/);
    expect(sheet).toContain('<v>99999999999.99</v>');
    await expectExportsOf('registrar', '/exports/deliveries?q=geen-enkele-levering', DELIVERY_COLUMNS, []);
  });
});
