/**
 * Open data as others use it: the public deliveries with their dates, letter and value where a disclosure
 * decision made them public, in the CSV Dutch Excel opens and in plain RFC 4180.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { createApi } from '../../src/api/app.ts';
import { apiClient, type ApiCall } from './client.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { parseCsv } from '../support/csv.ts';
import ExcelJS from 'exceljs';
import { KIEL_COLUMNS } from '../../src/api/public/kiel.ts';
import { openDataCatalog } from '../../src/api/public/catalog.ts';
import type { Kysely } from 'kysely';
import { publicDeliveriesVersion } from '../../src/db/repositories/public.ts';
import type { PublicDatabase } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/access.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { submitAndApprove, ifMatchCurrent } from '../support/letters.ts';

const PURL = 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)';
const DRONES = 'Drones van de Oekraïense defensie-industrie';
const PAPER_NUMBER = 'Kamerstuk 22 054, nr. 460';

let scratch: ScratchDatabase;
let api: ReturnType<typeof createApi>;
let anonymous: ApiCall;
let author: ApiCall;
let disclosure: ApiCall;
let registrar: ApiCall;
let seedLetterId: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
  anonymous = apiClient(scratch.handle.db, { api });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  registrar = apiClient(scratch.handle.db, { role: 'registrar', api });
  seedLetterId = await publishSeedLetter({ author, disclosure });
});

/** The seed letter finalised, sent and published: it is the first to list the deliveries it names. */
async function publishSeedLetter(roles: { author: ApiCall; disclosure: ApiCall }): Promise<string> {
  const { author } = roles;
  const draft = (await author('GET', '/letters')).body.items.find((letter: any) => letter.referenceDate === '2025-08-31');
  const approved = await submitAndApprove(roles, draft.id, `"${draft.version}"`);
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/publication`, { paperNumber: PAPER_NUMBER, publishedOn: '2025-09-10' }, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  return draft.id;
}

afterAll(async () => {
  await scratch?.dispose();
});

const byTitle = (items: any[], title: string) => items.find((item) => item.title === title);

describe('the public deliveries', () => {
  it('give the realised date as decided (to the month or the day), the value only where decided public, and the first letter', async () => {
    const { body } = await anonymous('GET', '/public/deliveries');
    const purl = byTitle(body.items, PURL);
    expect(purl).toMatchObject({ category: 'airDefence', categoryLabel: 'Luchtverdediging', supportType: 'procurement', realisedOn: '2025-08', valueCents: 50_000_000_000, valueBasis: 'contractPrice', valueBasisLabel: 'Contractprijs' });
    expect(purl.firstLetter).toEqual({ id: seedLetterId, paperNumber: PAPER_NUMBER, letterDate: '2025-09-10' });
    const drones = byTitle(body.items, DRONES);
    expect(drones.realisedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([drones.valueCents, drones.valueBasis, drones.valueBasisLabel]).toEqual([null, null, null]);
    // Each code with its label in the language asked for, as the CSV gives them.
    const english = await anonymous('GET', '/public/deliveries?lang=en');
    expect(byTitle(english.body.items, PURL)).toMatchObject({ categoryLabel: 'Air defence', supportTypeLabel: 'Commercial procurement', valueBasisLabel: 'Contract price' });
  });

  it('are a CSV that Dutch Excel opens (byte order mark, semicolons, decimal comma), or plain RFC 4180', async () => {
    const bytes = Buffer.from(await (await api.request('/public/deliveries?format=csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dutch = parseCsv(bytes.toString('utf8').slice(1), ';');
    const [header, ...rows] = dutch;
    const purl = Object.fromEntries(header!.map((column, index) => [column, rows.find((row) => row[1] === PURL)![index]]));
    expect(purl).toMatchObject({ category: 'Luchtverdediging', categoryCode: 'airDefence', supportType: 'Commerciële verwerving', valueEuros: '500000000,00', valueBasis: 'Contractprijs', valueBasisCode: 'contractPrice', letter: PAPER_NUMBER, letterDate: '2025-09-10', realisedOn: '2025-08' });
    expect(rows.find((row) => row[1] === DRONES)).toBeDefined();
    const plain = (await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string;
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(plain).find((row) => row[1] === PURL)).toContain('500000000.00');
  });

  it('change their ETag when a decision makes a value public, and show the value as decided', async () => {
    const before = (await anonymous('GET', '/public/deliveries')).headers.get('ETag')!;
    const drones = (await registrar('GET', '/deliveries?q=Drones')).body.items.find((item: any) => item.title.startsWith('Drones'));
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [drones.id],
      state: 'public',
      publicTitle: DRONES,
      publicCategory: 'drones',
      publicRealisedDate: 'month',
      publicValue: true,
    });
    expect(decided.status).toBe(201);
    expect(decided.body.items[0]).toMatchObject({ realisedDatePrecision: 'month', publicValueCents: drones.valueCents });
    const after = await anonymous('GET', '/public/deliveries', undefined, { 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(byTitle(after.body.items, DRONES)).toMatchObject({ realisedOn: expect.stringMatching(/^\d{4}-\d{2}$/), valueCents: drones.valueCents });
    const refused = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [drones.id], state: 'confidential', ground: 'operationalSecurity', publicValue: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('publicValue');
  });

  it('refuse to make public the value of a delivery that has none yet, rather than give it as € 0', async () => {
    const unvalued = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Nog niet gewaardeerd', confirm: ['datedInSentLetterPeriod'] });
    const projected = await publicDeliveryCount();
    const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [unvalued.body.id], state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicValue: true });
    expect(decided.status).toBe(400);
    // Named, since several deliveries are decided on at once.
    expect(decided.body.invalidParams).toEqual([expect.objectContaining({ name: 'publicValue', code: 'noValueYet', reason: 'De levering „Nog niet gewaardeerd” heeft nog geen waarde (geen waardering of betaling); maak de waarde openbaar als die er is.' })]);
    expect(await publicDeliveryCount()).toBe(projected);
  });

  it('answer 304 to a weak or a wildcard If-None-Match, as RFC 9110 compares them', async () => {
    const tag = (await anonymous('GET', '/public/deliveries?format=csv')).headers.get('ETag')!;
    for (const ifNoneMatch of [`W/${tag}`, `"other", ${tag}`, '*']) {
      expect((await anonymous('GET', '/public/deliveries?format=csv', undefined, { 'If-None-Match': ifNoneMatch })).status, ifNoneMatch).toBe(304);
    }
  });
});

/** How many deliveries the public projection holds, visible or not. */
async function publicDeliveryCount(): Promise<number> {
  return (await scratch.handle.db.selectFrom('publicDelivery').select('publicId').execute()).length;
}

describe('the figures of the published letters', () => {
  it('are each letter’s table as printed, and a time series over all letters, in JSON and CSV', async () => {
    const letter = await anonymous('GET', `/public/letters/${seedLetterId}`);
    const one = await anonymous('GET', `/public/letters/${seedLetterId}/figures`);
    expect(one.body.items.map((row: any) => [row.figure, row.cents])).toEqual(letter.body.letter.figures.lines.map((line: any) => [line.key, line.currentCents]));
    expect(one.body.items[0]).toMatchObject({ paperNumber: PAPER_NUMBER, referenceDate: '2025-08-31', letterDate: '2025-09-10' });
    const series = await anonymous('GET', '/public/letter-figures');
    const letters = new Set(series.body.items.map((row: any) => row.letterId));
    expect(letters.size).toBe((await anonymous('GET', '/public/letters')).body.items.length);
    expect(letters.size).toBeGreaterThan(1);
    const csv = parseCsv(((await anonymous('GET', '/public/letter-figures?format=csv')).body as string), ';');
    expect(csv[0]).toEqual(['letterId', 'paperNumber', 'letterDate', 'referenceDate', 'figure', 'label', 'euros', 'printed', 'isDemonstration']);
    expect(csv).toHaveLength(series.body.items.length + 1);
    const total = series.body.items.find((row: any) => row.letterId === seedLetterId && row.figure === 'total');
    expect(csv.find((row) => row[0] === seedLetterId && row[4] === 'total')![6]).toBe(`${Math.floor(total.cents / 100)},${String(total.cents % 100).padStart(2, '0')}`);
    expect((await anonymous('GET', '/public/letter-figures?format=xml')).status).toBe(400);
    // A parameter given twice is refused, not read as its first value.
    for (const path of ['/public/letter-figures?format=csv&format=json', `/public/letters/${seedLetterId}/figures?dialect=rfc4180&dialect=excel-nl&format=csv`]) {
      const repeated = await anonymous('GET', path);
      expect(repeated.status, path).toBe(400);
    }
  });
});

describe('the names of the files the public downloads', () => {
  const english = { 'Accept-Language': 'en' };
  const fileName = (answer: { headers: Headers }) => answer.headers.get('Content-Disposition');

  it('are in the language asked for, as a staff export’s are, while the file and its ETag stay what they were', async () => {
    const dutch = await api.request('/public/deliveries?format=csv&lang=nl');
    const asked = await api.request('/public/deliveries?format=csv&lang=en');
    const preferred = await api.request('/public/deliveries?format=csv', { headers: english });
    expect(fileName(dutch)).toBe('attachment; filename="openbare-leveringen.csv"');
    expect([fileName(asked), fileName(preferred)]).toEqual(['attachment; filename="public-deliveries.csv"', 'attachment; filename="public-deliveries.csv"']);
    expect(preferred.headers.get('ETag')).toBe(asked.headers.get('ETag'));
    expect(await preferred.text()).toBe(await asked.text());
    expect((await api.request('/public/deliveries?format=csv&lang=en', { headers: { 'If-None-Match': asked.headers.get('ETag')! } })).status).toBe(304);
    await dutch.body?.cancel();
  });

  it('of a letter and its figures are in the reader’s language, the letter the same file under the same ETag', async () => {
    const path = `/public/letters/${seedLetterId}/renderings/docx`;
    const dutch = await api.request(path);
    const inEnglish = await api.request(path, { headers: english });
    expect(fileName(dutch)).toBe('attachment; filename="leveringenbrief-2025-08-31.docx"');
    expect(fileName(inEnglish)).toBe('attachment; filename="deliveries-letter-2025-08-31.docx"');
    expect(inEnglish.headers.get('ETag')).toBe(dutch.headers.get('ETag'));
    expect(Buffer.from(await inEnglish.arrayBuffer()).equals(Buffer.from(await dutch.arrayBuffer()))).toBe(true);
    expect(inEnglish.headers.get('Vary')).toContain('Accept-Language');
    const unchanged = await api.request(path, { headers: { ...english, 'If-None-Match': dutch.headers.get('ETag')! } });
    expect([unchanged.status, unchanged.headers.get('Vary')]).toEqual([304, inEnglish.headers.get('Vary')]);
    expect(fileName(await api.request(`/public/letters/${seedLetterId}/renderings/html`, { headers: english }))).toBe('inline');

    expect(fileName(await api.request(`/public/letters/${seedLetterId}/figures?format=csv`))).toBe('attachment; filename="cijfers-brief-2025-08-31.csv"');
    expect(fileName(await api.request(`/public/letters/${seedLetterId}/figures?format=csv`, { headers: english }))).toBe('attachment; filename="letter-figures-2025-08-31.csv"');
    expect(fileName(await api.request('/public/letter-figures?format=csv'))).toBe('attachment; filename="cijfers-brieven.csv"');
    expect(fileName(await api.request('/public/letter-figures?format=csv', { headers: english }))).toBe('attachment; filename="all-letter-figures.csv"');
  });

  it('of a letter and its figures are in the language asked for (lang) over the reader’s', async () => {
    const dutchReader = { 'Accept-Language': 'nl' };
    expect(fileName(await api.request(`/public/letters/${seedLetterId}/renderings/pdf?lang=en`, { headers: dutchReader }))).toBe('attachment; filename="deliveries-letter-2025-08-31.pdf"');
    expect(fileName(await api.request(`/public/letters/${seedLetterId}/renderings/docx?lang=nl`, { headers: english }))).toBe('attachment; filename="leveringenbrief-2025-08-31.docx"');
    expect(fileName(await api.request(`/public/letters/${seedLetterId}/figures?lang=en&format=csv`, { headers: dutchReader }))).toBe('attachment; filename="letter-figures-2025-08-31.csv"');
    expect(fileName(await api.request('/public/letter-figures?format=csv&lang=nl', { headers: english }))).toBe('attachment; filename="cijfers-brieven.csv"');
    expect((await api.request('/public/letter-figures?format=csv&lang=fr')).status).toBe(400);
  });
});

describe('the Kiel-compatible file', () => {
  it('answers with an ETag per form, and 304 while the public deliveries are what it names', async () => {
    const forms = ['/public/kiel', '/public/kiel?dialect=excel-nl', '/public/kiel?format=xlsx'];
    const tags = await Promise.all(forms.map(async (path) => (await anonymous('GET', path)).headers.get('ETag')));
    expect(new Set(tags).size).toBe(forms.length);
    for (const [index, path] of forms.entries()) {
      expect(tags[index], path).toMatch(/^"kiel-.+"$/);
      expect((await anonymous('GET', path, undefined, { 'If-None-Match': tags[index]! })).status, path).toBe(304);
    }
  });

  it('has the documented columns, the valuation basis per row and in its metadata, in CSV and XLSX', async () => {
    const csv = (await anonymous('GET', '/public/kiel')).body as string;
    // The header is the first line, so that a reader that knows no comment lines reads it as the header.
    expect(csv.split('\r\n')[0]).toBe(KIEL_COLUMNS.join(','));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...KIEL_COLUMNS]);
    const purl = rows.find((row) => row[5] === PURL)!;
    expect(purl).toEqual(['Netherlands', '2025-09-10', 'allocation', 'Military', 'Air defence', PURL, '', '', '500000000.00', `${PAPER_NUMBER} (2025-09-10)`, 'Contract price', 'true']);
    // Every row has every column, one row per public delivery; a basis only beside a public value.
    expect(rows.every((row) => row.length === KIEL_COLUMNS.length)).toBe(true);
    expect(rows).toHaveLength((await anonymous('GET', '/public/deliveries')).body.items.length);
    const [value, basis] = [KIEL_COLUMNS.indexOf('Value (EUR)'), KIEL_COLUMNS.indexOf('Valuation Basis')];
    expect(rows.some((row) => row[value] === '')).toBe(true);
    expect(rows.filter((row) => (row[value] === '') !== (row[basis] === ''))).toEqual([]);

    // For Dutch Excel: the byte order mark first, as in every CSV of that dialect, then the same table.
    const dutch = Buffer.from(await (await api.request('/public/kiel?dialect=excel-nl')).arrayBuffer());
    expect([...dutch.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dutchText = dutch.toString('utf8').slice(1);
    expect(dutchText.split('\r\n')[0]).toBe(KIEL_COLUMNS.join(';'));
    const [dutchHeader, ...dutchRows] = parseCsv(dutchText, ';');
    expect(dutchHeader).toEqual([...KIEL_COLUMNS]);
    expect(dutchRows).toHaveLength(rows.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await api.request('/public/kiel?format=xlsx')).arrayBuffer());
    const data = workbook.getWorksheet('data')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual([...KIEL_COLUMNS]);
    expect(data.rowCount).toBe(rows.length + 1);
    // The date a date cell, the value a number, as the CSV gives them.
    const purlRow = (data.getSheetValues() as unknown[][]).find((values) => values?.[6] === PURL)!;
    expect(purlRow.slice(2, 3)).toEqual([new Date('2025-09-10T00:00:00Z')]);
    expect(purlRow[9]).toBe(500_000_000);
    expect(data.getColumn(2).numFmt).toBe('yyyy-mm-dd');
    const metadata = workbook.getWorksheet('metadata')!;
    const notes = metadata.getColumn(2).values.join(' ');
    expect(notes).toContain('Kiel values aid in kind at market prices');
    expect(notes).toContain('replacement value');
  });

  it('names the basis of the valuation that gives a stock delivery its public value, in CSV and XLSX', async () => {
    const title = 'Voertuigen die niet worden vervangen';
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voertuigen (intern)', confirm: ['datedInSentLetterPeriod'] });
    expect(created.status).toBe(201);
    const valuations = `/deliveries/${created.body.id}/valuations`;
    expect((await registrar('POST', valuations, { amountCents: 4_000_000_00, basis: 'replacementValue', effectiveDate: '2025-04-15', confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    expect((await registrar('POST', valuations, { amountCents: 1_250_000_00, basis: 'bookValue', effectiveDate: '2025-05-01', confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [created.body.id], state: 'public', publicTitle: title, publicCategory: 'other', publicFrom: '2025-05-02', publicValue: true, publicRealisedDate: 'day',
    });
    expect(decided.status).toBe(201);
    expect(decided.body.items[0]).toMatchObject({ publicValueCents: 1_250_000_00, publicValueBasis: 'bookValue' });
    // A later revaluation changes neither the value decided public nor its basis.
    expect((await registrar('POST', valuations, { amountCents: 5_000_000_00, basis: 'replacementValue', effectiveDate: '2025-06-01', confirm: ['datedInSentLetterPeriod'] })).status).toBe(201);

    const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
    const row = rows.find((cells) => cells[5] === title)!;
    expect([row[2], row[8], row[10]]).toEqual(['delivery', '1250000.00', 'Book value']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await api.request('/public/kiel?format=xlsx')).arrayBuffer());
    const cells = workbook.getWorksheet('data')!.getSheetValues().find((values) => Array.isArray(values) && values[6] === title) as unknown[];
    expect([cells[9], cells[11]]).toEqual([1_250_000, 'Book value']);
    expect(byTitle((await anonymous('GET', '/public/deliveries')).body.items, title)).toMatchObject({ valueCents: 1_250_000_00, valueBasis: 'bookValue' });
  });
});

describe('the measure the Kiel-compatible file gives', () => {
  const measured = async (title: string) => {
    const [, ...rows] = parseCsv((await anonymous('GET', '/public/kiel')).body as string);
    const row = rows.find((cells) => cells[KIEL_COLUMNS.indexOf('Item')] === title)!;
    return ['Measure', 'Quantity Pledged', 'Quantity Delivered'].map((column) => row[KIEL_COLUMNS.indexOf(column as (typeof KIEL_COLUMNS)[number])]);
  };
  const decidedPublic = async (delivery: object, publicTitle: string, openData: object) => {
    const created = await registrar('POST', '/deliveries', { ...delivery, confirm: ['datedInSentLetterPeriod'] });
    expect(created.status).toBe(201);
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [created.body.id], state: 'public', publicTitle, publicCategory: 'nonLethal', publicQuantity: '5', publicFrom: todayInAmsterdam(), ...openData,
    });
    expect(decided.status).toBe(201);
  };

  it('is a delivery, with the quantity delivered, only for stock whose realisation is public; else a commitment, delivering nothing', async () => {
    const pledged = { ...stockDelivery, title: 'Toegezegd, niet geleverd (intern)', quantity: 5, committedAt: undefined, realisedAt: undefined, pledgedAt: '2025-11-01' };
    await decidedPublic(pledged, 'Toegezegd, niet geleverd', { publicRealisedDate: 'day' });
    await decidedPublic({ ...stockDelivery, title: 'Geleverd, datum niet openbaar (intern)', quantity: 5 }, 'Geleverd, datum niet openbaar', {});
    await decidedPublic({ ...stockDelivery, title: 'Geleverd, datum openbaar (intern)', quantity: 5 }, 'Geleverd, datum openbaar', { publicRealisedDate: 'month' });
    expect(await measured('Toegezegd, niet geleverd')).toEqual(['commitment', '5', '']);
    // Nothing public says it was handed over: the file does not either.
    expect(await measured('Geleverd, datum niet openbaar')).toEqual(['commitment', '5', '']);
    expect(await measured('Geleverd, datum openbaar')).toEqual(['delivery', '5', '5']);
    expect(await measured(PURL)).toEqual(['allocation', '', '']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await api.request('/public/kiel?format=xlsx')).arrayBuffer());
    const cells = workbook.getWorksheet('data')!.getSheetValues().find((values) => Array.isArray(values) && values[6] === 'Toegezegd, niet geleverd') as unknown[];
    expect([cells[3], cells[7], cells[8] ?? null]).toEqual(['commitment', '5', null]);
    const measures = workbook.getWorksheet('metadata')!.getColumn(2).values.join(' ');
    expect(measures).toMatch(/commitment: .*allocation: .*delivery: /);
  });
});

describe('the CSV dialect of each open-data file', () => {
  it('is, when none is asked for, the one the API document names as its default', async () => {
    const document: any = await (await api.request('/openapi.json')).json();
    const files = [
      ['/public/deliveries', '?format=csv'],
      ['/public/kiel', ''],
      ['/public/letter-figures', '?format=csv'],
    ] as const;
    for (const [path, query] of files) {
      const dialect = document.paths[path].get.parameters.find((parameter: any) => parameter.name === 'dialect');
      const text = Buffer.from(await (await api.request(`${path}${query}`)).arrayBuffer()).toString('utf8');
      const written = text.startsWith('\uFEFF') && text.split('\r\n')[0]!.includes(';') ? 'excel-nl' : 'rfc4180';
      expect(dialect.schema.default, path).toBe(written);
    }
  });
});

describe('the DCAT-AP-NL 3.0 catalogue', () => {
  const literalsIn = (value: any) => (Array.isArray(value) ? value : [value]);
  const hasTexts = (value: any) => {
    const languages = literalsIn(value).map((entry) => entry['@language']);
    return languages.includes('nl') && languages.includes('en') && literalsIn(value).every((entry) => typeof entry['@value'] === 'string' && entry['@value'].length > 0);
  };
  const isUri = (value: any) => literalsIn(value).length > 0 && literalsIn(value).every((entry) => /^https?:\/\//.test(entry['@id']));
  const isAgent = (value: any) => value['@type'] === 'foaf:Agent' && hasTexts(value['foaf:name']) && isUri(value);
  const isDate = (value: any) => value['@type'] === 'xsd:date' && /^\d{4}-\d{2}-\d{2}$/.test(value['@value']);
  const isMoment = (value: any) => value['@type'] === 'xsd:dateTime' && !Number.isNaN(Date.parse(value['@value']));

  it('gives every mandatory class and property, with values of the right kind, and links files that exist', async () => {
    const configured = createApi({ db: scratch.handle.db, siteAddress: 'https://steunregister.example.nl', onError: (error) => { throw error; } });
    const response = await configured.request('/public/catalog');
    expect(response.headers.get('content-type')).toBe('application/ld+json');
    const catalog: any = await response.json();
    expect(catalog['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' });
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(hasTexts(catalog['dct:title']) && hasTexts(catalog['dct:description']) && isAgent(catalog['dct:publisher'])).toBe(true);
    // DCAT-AP-NL 3.0 asks the catalogue for exactly one contact point (a vcard:Kind), and names a Dutch
    // government publisher by its URI in TOOI (Ministerie van Defensie: mnre1018).
    expect(catalog['dcat:contactPoint']['@type']).toMatch(/^vcard:/);
    expect(hasTexts(catalog['dcat:contactPoint']['vcard:fn'])).toBe(true);
    expect(catalog['dct:publisher']['@id']).toBe('https://identifier.overheid.nl/tooi/id/ministerie/mnre1018');
    expect(catalog['dcat:dataset']).toHaveLength(2);
    for (const dataset of catalog['dcat:dataset']) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      // Dataset, mandatory in DCAT-AP-NL 3.0: title, description, identifier, publisher, creator, contact point, theme, access rights.
      expect(hasTexts(dataset['dct:title']), 'title').toBe(true);
      expect(hasTexts(dataset['dct:description']), 'description').toBe(true);
      expect(typeof dataset['dct:identifier']).toBe('string');
      expect(isAgent(dataset['dct:publisher']), 'publisher').toBe(true);
      expect(isAgent(dataset['dct:creator']), 'creator').toBe(true);
      expect(dataset['dcat:contactPoint']['@type']).toMatch(/^vcard:/);
      expect(hasTexts(dataset['dcat:contactPoint']['vcard:fn'])).toBe(true);
      expect(isUri(dataset['dcat:theme']) && dataset['dcat:theme'].every((theme: any) => theme['@id'].startsWith('http://publications.europa.eu/resource/authority/data-theme/'))).toBe(true);
      expect(dataset['dct:accessRights']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' });
      // The deliveries changed at a moment kept (a decision, a publication), the letters' figures on a letter's day of publication.
      expect(isMoment(dataset['dct:modified']) || isDate(dataset['dct:modified'])).toBe(true);
      expect(dataset['dct:temporal']['@type']).toBe('dct:PeriodOfTime');
      expect(isDate(dataset['dct:temporal']['dcat:startDate']) && isDate(dataset['dct:temporal']['dcat:endDate'])).toBe(true);
      expect(dataset['dct:temporal']['dcat:startDate']['@value'] <= dataset['dct:temporal']['dcat:endDate']['@value']).toBe(true);
      for (const distribution of dataset['dcat:distribution']) {
        // Distribution, mandatory: access URL and licence (CC0).
        expect(distribution['@type']).toBe('dcat:Distribution');
        expect(isUri(distribution['dcat:accessURL']) && isUri(distribution['dcat:downloadURL'])).toBe(true);
        expect(distribution['dct:license']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/licence/CC0' });
        expect(distribution['dct:format']['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON|XLSX)$/);
        // A file changes when its dataset does (a harvester reads the same day on both), a letter's own table with its publication.
        const ownLetter = /\/public\/letters\/([^/]+)\/figures/.exec(distribution['@id'])?.[1];
        if (ownLetter) expect(distribution['dct:modified']['@value']).toBe((await anonymous('GET', `/public/letters/${ownLetter}`)).body.publishedOn);
        else expect(distribution['dct:modified']).toEqual(dataset['dct:modified']);
        const url = new URL(distribution['dcat:downloadURL']['@id']);
        const file = await api.request(`${url.pathname.replace(/^\/api\/v1/, '')}${url.search}`);
        expect(file.status, url.href).toBe(200);
        expect(file.headers.get('content-type')).toContain(distribution['dcat:mediaType']['@id'].split('/media-types/')[1]);
      }
    }
    const [deliveries, figures] = catalog['dcat:dataset'];
    expect(deliveries['dct:temporal']['dcat:startDate']['@value'] <= '2025-08-01').toBe(true);
    expect(isMoment(deliveries['dct:modified'])).toBe(true);
    // The letters' figures change only with a publication, not with a decision on a delivery.
    const letters = (await anonymous('GET', '/public/letters')).body.items;
    const published = letters.map((letter: any) => letter.publishedOn).sort();
    expect(figures['dct:modified']['@value']).toBe(published.at(-1));
    // The catalogue changed when the last of its datasets did, and says in which languages it is written.
    expect(catalog['dct:modified']['@value']).toBe([deliveries['dct:modified']['@value'], figures['dct:modified']['@value']].sort().at(-1));
    expect(catalog['dct:language']).toEqual(deliveries['dct:language']);
    // Each published letter's own table, as CSV and JSON, titled by its reference date.
    const ownFiles = figures['dcat:distribution'].filter((distribution: any) => distribution['@id'].includes('/public/letters/'));
    expect(letters.length).toBeGreaterThan(0);
    expect(ownFiles).toHaveLength(2 * letters.length);
    for (const letter of letters) {
      const files = ownFiles.filter((distribution: any) => distribution['@id'].includes(`/public/letters/${letter.id}/figures`));
      expect(files.map((distribution: any) => distribution['dct:format']['@id'].split('/').at(-1)).sort()).toEqual(['CSV', 'JSON']);
      expect(files.every((distribution: any) => distribution['dct:title'][0]['@value'].includes(letter.referenceDate))).toBe(true);
    }
  });

  it('describes each Kiel-compatible file with the valuation note of its metadata sheet, in Dutch and English', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await api.request('/public/kiel?format=xlsx')).arrayBuffer());
    const note = (workbook.getWorksheet('metadata')!.getSheetValues().find((row) => Array.isArray(row) && row[1] === 'Valuation') as unknown[])[2] as string;
    expect(note).toMatch(/^Kiel values aid in kind at market prices\./);
    const catalog: any = await (await api.request('/public/catalog')).json();
    const kiel = catalog['dcat:dataset'][0]['dcat:distribution'].filter((distribution: any) => distribution['@id'].includes('/public/kiel'));
    expect(kiel).toHaveLength(2);
    for (const distribution of kiel) {
      const description = Object.fromEntries(literalsIn(distribution['dct:description']).map((entry: any) => [entry['@language'], entry['@value']]));
      expect(description.en).toContain(note);
      expect(description.nl).toMatch(/^Kiel waardeert steun in natura tegen marktprijzen\./);
    }
  });

  it('without a site address, links relative to wherever it was read, never to the host a request names', async () => {
    const text = await (await api.request('http://elders.example/public/catalog', { headers: { Host: 'elders.example' } })).text();
    expect(text).not.toContain('elders.example');
    const catalog = JSON.parse(text);
    expect(catalog['dcat:dataset'][0]['dcat:distribution'][0]['dcat:downloadURL']['@id']).toMatch(/^\/api\/v1\/public\//);
  });

  it('points to the configured site address, whatever host a request names', async () => {
    const site = 'https://steunregister.example.nl';
    const configured = createApi({ db: scratch.handle.db, siteAddress: site, onError: (error) => { throw error; } });
    const text = await (await configured.request('http://elders.example/public/catalog', { headers: { Host: 'elders.example' } })).text();
    expect(text).toContain(`"${site}/api/v1/public/`);
    expect(text).not.toContain('elders.example');
  });
});

describe('demonstration data in open data', () => {
  const marked = (items: any[]) => items.length > 0 && items.every((item) => item.isDemonstration === true);
  /** The CSV's rows under its header, each by column name. */
  const csvRecords = (text: string, separator = ',') => {
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), separator);
    return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]])));
  };
  const DEMONSTRATION = { nl: 'Demonstratiegegevens', en: 'Demonstration data' };

  it('is marked as such in every file and answer, row by row and in the metadata and the catalogue', async () => {
    // Each delivery as the public deliveries mark it (one registered here is not demonstration data).
    const deliveries = (await anonymous('GET', '/public/deliveries')).body.items;
    expect(deliveries.some((delivery: any) => delivery.isDemonstration)).toBe(true);
    const expected = deliveries.map((delivery: any) => [delivery.title, String(delivery.isDemonstration)]).sort();
    const kiel = csvRecords((await anonymous('GET', '/public/kiel')).body);
    expect(kiel.map((row) => [row.Item, row.isDemonstration]).sort()).toEqual(expected);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await api.request('/public/kiel?format=xlsx')).arrayBuffer());
    const data = workbook.getWorksheet('data')!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const [item, column] = [header.indexOf('Item') + 1, header.indexOf('isDemonstration') + 1];
    expect(column).toBeGreaterThan(0);
    const sheetRows = (data.getSheetValues() as unknown[][]).slice(2).map((values) => [values[item], values[column]]);
    expect(sheetRows.sort()).toEqual(expected);
    expect(workbook.getWorksheet('metadata')!.getColumn(2).values.join(' ')).toContain(DEMONSTRATION.en);

    for (const path of ['/public/letter-figures', `/public/letters/${seedLetterId}/figures`]) {
      expect(marked((await anonymous('GET', path)).body.items), path).toBe(true);
      const rows = csvRecords((await anonymous('GET', `${path}?format=csv`)).body, ';');
      expect(rows.length, path).toBeGreaterThan(0);
      expect(rows.every((row) => row.isDemonstration === 'true'), path).toBe(true);
    }
    expect(marked((await anonymous('GET', '/public/figures')).body.items)).toBe(true);
    const letters = (await anonymous('GET', '/public/letters')).body.items;
    const comparison = await anonymous('GET', `/public/letter-comparison?from=${letters.at(-1).id}&to=${letters[0].id}`);
    expect(comparison.body.isDemonstration).toBe(true);

    const catalog = (await anonymous('GET', '/public/catalog')).body;
    const described = [catalog, ...catalog['dcat:dataset']].map((entry: any) => JSON.stringify(entry['dct:description']));
    for (const description of described) for (const words of Object.values(DEMONSTRATION)) expect(description).toContain(words);
  });

  it('is not said of a register without it', () => {
    const dates = { firstRealised: null, lastRealised: null, firstReferenceDate: null, lastReferenceDate: null, deliveriesModified: null, lettersModified: null };
    const catalog = openDataCatalog('', dates, [], false);
    expect(JSON.stringify(catalog)).not.toContain(DEMONSTRATION.nl);
    expect(JSON.stringify(catalog)).not.toContain(DEMONSTRATION.en);
  });
});

describe('what no public file tells', () => {
  const FILES = [
    '/public/deliveries', '/public/deliveries?lang=en', '/public/deliveries?format=csv', '/public/deliveries?format=csv&dialect=rfc4180',
    '/public/kiel', '/public/kiel?dialect=excel-nl', '/public/kiel?format=xlsx',
    '/public/letter-figures', '/public/letter-figures?format=csv', '/public/catalog', '/public/letters', '/public/figures',
  ];

  /** Every public file as anyone reads it (a workbook as its cells), with its ETag. */
  async function publicFiles(): Promise<Record<string, { etag: string | null; text: string }>> {
    const files: Record<string, { etag: string | null; text: string }> = {};
    for (const path of FILES) {
      const response = await api.request(path);
      expect(response.status, path).toBe(200);
      const bytes = await response.arrayBuffer();
      let text = new TextDecoder().decode(bytes);
      if (path.endsWith('xlsx')) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes);
        text = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
      }
      files[path] = { etag: response.headers.get('ETag'), text };
    }
    return files;
  }

  it('holds nothing of an undecided, confidential or embargoed delivery or of a draft letter, and neither its ETags nor its dates move for them', async () => {
    const before = await publicFiles();
    // Nor what the ETags are checked by: a reader after it moved waits while the file is read again, which would tell by its time that a decision was taken.
    const version = () => publicDeliveriesVersion(scratch.handle.db as unknown as Kysely<PublicDatabase>, new Date());
    const versionBefore = await version();
    const canary = async (title: string) => {
      const created = await registrar('POST', '/deliveries', { ...stockDelivery, title, committedAt: '2014-02-03', realisedAt: '2014-03-03', confirm: ['datedInSentLetterPeriod'] });
      expect(created.status).toBe(201);
      const valued = await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents: 777_777_777, basis: 'replacementValue', effectiveDate: '2014-03-03', confirm: ['datedInSentLetterPeriod'] });
      expect(valued.status).toBe(201);
      return created.body.id as string;
    };
    await canary('KANARIE onbeslist');
    const confidential = await canary('KANARIE vertrouwelijk');
    const embargoed = await canary('KANARIE embargo');
    expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [confidential], state: 'confidential', ground: 'stateSecurity', reviewOn: `${Number(todayInAmsterdam().slice(0, 4)) + 1}-01-01` })).status).toBe(201);
    // Decided public with its date and value, but no published letter lists it yet: it waits for one.
    const waiting = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [embargoed], state: 'public', publicTitle: 'KANARIE wacht op de brief', publicCategory: 'nonLethal', publicRealisedDate: 'day', publicValue: true,
    });
    expect(waiting.status).toBe(201);
    expect((await author('POST', '/letters', { referenceDate: '2025-10-31' })).status).toBe(201);

    expect(await version()).toBe(versionBefore);
    const after = await publicFiles();
    for (const path of FILES) {
      expect(after[path], path).toEqual(before[path]);
      for (const secret of ['KANARIE', '7777777', '2014-03', '2014-02', '2025-10-31']) expect(after[path]!.text.includes(secret), `${path} tells ${secret}`).toBe(false);
    }
  });
});

describe('a delivery decided public from a date still to come', () => {
  it('moves nothing that names the public file until that date, and then shows in it', async () => {
    const publicDb = scratch.handle.db as unknown as Kysely<PublicDatabase>;
    const versionBefore = await publicDeliveriesVersion(publicDb, new Date());
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'KANARIE later openbaar', confirm: ['datedInSentLetterPeriod'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const publicFrom = `${Number(todayInAmsterdam().slice(0, 4)) + 1}-03-01`;
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [created.body.id], state: 'public', publicTitle: 'Later openbaar', publicCategory: 'nonLethal', publicFrom,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    // A reader before that date meets the same version: the file is not read again, and nothing tells of the decision.
    expect(await publicDeliveriesVersion(publicDb, new Date())).toBe(versionBefore);
    const thatDay = new Date(`${publicFrom}T12:00:00Z`);
    expect(await publicDeliveriesVersion(publicDb, thatDay)).not.toBe(versionBefore);
    const shownThen = await publicDb.selectFrom('publicDelivery').select('title').where('visibleFrom', '<=', thatDay.toISOString()).where('title', '=', 'Later openbaar').execute();
    expect(shownThen).toHaveLength(1);
  });
});

describe('reading open data from another site', () => {
  it('is allowed to any origin, without credentials, for the public routes only', async () => {
    const origin = { Origin: 'https://onderzoek.example' };
    const file = await api.request('/public/deliveries?format=csv', { headers: origin });
    expect(file.status).toBe(200);
    expect(file.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(file.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(file.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
    // A tool that polls with If-None-Match asks first.
    const preflight = await api.request('/public/kiel', { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD');
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('if-none-match');
    // Nothing else is readable from another site.
    for (const path of ['/deliveries', '/figures', '/session']) {
      expect((await api.request(path, { headers: origin })).headers.get('Access-Control-Allow-Origin'), path).toBeNull();
    }
  });
});

describe('when the catalogue says the public deliveries last changed', () => {
  let own: ScratchDatabase;
  afterAll(async () => {
    await own?.dispose();
  });

  it('is the moment of the latest change to what is shown, the same to every reader until the next: a publication, a delivery taken out', async () => {
    own = await openScratchPGlite({ demonstration: true });
    const ownApi = createApi({ db: own.handle.db, onError: (error) => { throw error; } });
    const as = (role?: Role) => apiClient(own.handle.db, { role, api: ownApi });
    const [reader, letterAuthor, officer] = [as(), as('letterAuthor'), as('disclosureOfficer')];
    const deliveriesModified = async () => (await reader('GET', '/public/catalog')).body['dcat:dataset'][0]['dct:modified'];

    const first = await deliveriesModified();
    expect(await deliveriesModified()).toEqual(first);

    // A letter published shows the deliveries it lists first, and names it beside them.
    await publishSeedLetter({ author: letterAuthor, disclosure: officer });
    const published = await deliveriesModified();
    expect(published['@type']).toBe('xsd:dateTime');
    expect(first === undefined || published['@value'] > first['@value']).toBe(true);
    expect(await deliveriesModified()).toEqual(published);

    // A public delivery decided confidential again leaves the file: the dataset changed then, though no delivery still shown did.
    const purl = (await as('registrar')('GET', '/deliveries?q=PURL')).body.items.find((item: any) => item.title === PURL);
    const taken = await officer('POST', '/disclosure-decisions', { deliveryIds: [purl.id], state: 'confidential', ground: 'stateSecurity', reviewOn: `${Number(todayInAmsterdam().slice(0, 4)) + 1}-01-01` });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const takenOut = await deliveriesModified();
    expect(takenOut['@value'] > published['@value']).toBe(true);
    expect(await deliveriesModified()).toEqual(takenOut);
  });
});
