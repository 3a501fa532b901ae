/**
 * The public deliveries in the columns of the Kiel Institute's Ukraine Support Tracker, so that researchers
 * can set the Netherlands' support beside other donors'. Only what is public: the deliveries decided
 * public, with a value only where the disclosure decision made it public. Kiel values aid in kind at market
 * prices; the Netherlands values stock by its valuation and the rest at what was paid: each row with a value
 * names the basis the decision published with it, and the workbook's metadata and the catalogue say so.
 */
import { loadExcelJs } from '../../spreadsheets.ts';
import { vocabulary } from '../../../common/vocabulary/index.ts';
import type { SupportType } from '../../../common/vocabulary/codes.ts';
import type { PublicDelivery } from '../../db/repositories/public.ts';
import { csvEuros, csvLine, csvPreamble, csvRow, type CsvCell, type CsvDialect } from '../csv.ts';
import { DEMONSTRATION_NOTE } from './demonstration-note.ts';

export const KIEL_COLUMNS = [
  'Donor',
  'Announcement Date',
  'Measure',
  'Aid Type',
  'Item Type',
  'Item',
  'Quantity Pledged',
  'Quantity Delivered',
  'Value (EUR)',
  'Source',
  'Valuation Basis',
  'isDemonstration',
] as const;
type KielColumn = (typeof KIEL_COLUMNS)[number];

/** How the Netherlands values what Kiel values at market prices: on the sheet "metadata" and in the catalogue. */
export const KIEL_VALUATION_NOTE = {
  en:
    'Kiel values aid in kind at market prices. The Netherlands values deliveries from stock at replacement value (at book value where they ' +
    'will not be replaced) and procurement and fund contributions at what was paid: the column Valuation Basis names the basis of each ' +
    'value, and is empty where no value is public.',
  nl:
    'Kiel waardeert steun in natura tegen marktprijzen. Nederland waardeert leveringen uit voorraad tegen vervangingswaarde (tegen ' +
    'boekwaarde waar zij niet worden vervangen) en verwervingen en bijdragen aan fondsen tegen wat betaald is: de kolom Valuation Basis ' +
    'noemt de grondslag van elke waarde en is leeg waar geen waarde openbaar is.',
};

const KIEL_METADATA = [
  ['Dataset', 'Military support of the Netherlands to Ukraine, in the columns of the Kiel Institute Ukraine Support Tracker'],
  ['Donor', 'Netherlands (Ministry of Defence)'],
  ['Scope', 'Only deliveries decided public; a value only where the disclosure decision made it public'],
  ['Valuation', KIEL_VALUATION_NOTE.en],
  [
    'Measure',
    'commitment: pledged, no realised date public (not realised yet, or its realisation not made public); ' +
      'allocation: procured or paid into a fund, its realised date public, delivery to Ukraine may follow later; ' +
      'delivery: from stock, handed over, its realised date public',
  ],
  ['Quantity Delivered', 'The quantity of a delivery; empty for a commitment or an allocation'],
  ['Announcement Date', 'The day it became public: the publication of the first letter to parliament that listed it, or the date its disclosure decision made it public from'],
  ['isDemonstration', 'true for demonstration data, not a real delivery'],
  ['Licence', 'CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)'],
] as const;

/** How each type of support counts in Kiel's measures once it is realised: stock handed over, the rest paid. */
const REALISED_MEASURE: Record<SupportType, 'delivery' | 'allocation'> = { stock: 'delivery', procurement: 'allocation', natoFund: 'allocation' };

/**
 * Kiel's measure of a public delivery, by what is public of its realisation: only a realised date made public
 * makes it more than a commitment, so that the file never tells of a realisation the decision kept back.
 */
function measureOf(delivery: PublicDelivery): 'commitment' | 'allocation' | 'delivery' {
  return delivery.realisedOn === null ? 'commitment' : REALISED_MEASURE[delivery.supportType];
}

type KielRow = Record<KielColumn, CsvCell>;

function kielRow(delivery: PublicDelivery, value: (cents: number | null) => CsvCell): KielRow {
  const words = vocabulary('en');
  const measure = measureOf(delivery);
  const letter = delivery.firstLetter;
  return {
    Donor: 'Netherlands',
    'Announcement Date': delivery.publicSince,
    Measure: measure,
    'Aid Type': 'Military',
    'Item Type': words.categories[delivery.category],
    Item: delivery.title,
    'Quantity Pledged': delivery.quantity,
    'Quantity Delivered': measure === 'delivery' ? delivery.quantity : null,
    'Value (EUR)': value(delivery.valueCents),
    Source: letter ? `${letter.paperNumber ?? 'Letter to parliament'} (${letter.letterDate})` : 'Steunregister open data',
    'Valuation Basis': delivery.valueBasis && words.valuationBases[delivery.valueBasis],
    isDemonstration: String(delivery.isDemonstration),
  };
}

/**
 * The CSV: the header first (in the dialect for Dutch Excel after the byte order mark, as every CSV in that
 * dialect), so that every CSV reader reads it; no comment line, which strict readers take for the header.
 */
export function kielCsv(dialect: CsvDialect) {
  return {
    start: csvPreamble(dialect) + csvLine(KIEL_COLUMNS, dialect),
    batch: (rows: PublicDelivery[]) => rows.map((row) => csvRow(KIEL_COLUMNS, kielRow(row, (cents) => csvEuros(cents, dialect)), dialect)).join(''),
    end: '',
  };
}

const KIEL_NUMBER_FORMATS: Partial<Record<(typeof KIEL_COLUMNS)[number], string>> = { 'Announcement Date': 'yyyy-mm-dd', 'Value (EUR)': '#,##0.00' };

/**
 * The workbook: the table on the sheet "data", the metadata on the sheet "metadata" (which says so where a row is
 * demonstration data); values as numbers, the date as a date cell.
 */
export async function kielWorkbook(batches: AsyncGenerator<PublicDelivery[]>): Promise<Uint8Array<ArrayBuffer>> {
  const exceljs = await loadExcelJs();
  const workbook = new exceljs.Workbook();
  workbook.creator = 'Steunregister';
  const data = workbook.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = KIEL_COLUMNS.map((header) => ({ header, width: header === 'Item' ? 60 : 18, style: KIEL_NUMBER_FORMATS[header] ? { numFmt: KIEL_NUMBER_FORMATS[header] } : {} }));
  data.getRow(1).font = { bold: true };
  let demonstration = false;
  for await (const batch of batches) {
    for (const delivery of batch) {
      demonstration ||= delivery.isDemonstration;
      const row = kielRow(delivery, (cents) => (cents === null ? null : cents / 100));
      data.addRow(KIEL_COLUMNS.map((column) => (column === 'Announcement Date' && row[column] ? new Date(`${row[column]}T00:00:00Z`) : row[column])));
    }
  }
  const metadata = workbook.addWorksheet('metadata');
  metadata.columns = [{ width: 20 }, { width: 120 }];
  for (const entry of KIEL_METADATA) metadata.addRow([...entry]);
  if (demonstration) metadata.addRow(['Demonstration', DEMONSTRATION_NOTE.en]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
