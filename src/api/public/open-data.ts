/**
 * The public deliveries as a file, written while it is read: a batch of rows at a time is read from the
 * database when the reader is ready for more, so that memory stays the same however long the file is and
 * however many read it at once.
 */
import { vocabulary, type Language } from '../../../common/vocabulary/index.ts';
import type { Kysely } from 'kysely';
import { publicDeliveriesDigest, publicDeliveriesVersion, type PublicDelivery } from '../../db/repositories/public.ts';
import type { PublicDatabase } from '../../db/schema.ts';
import { csvEuros, csvLine, csvPreamble, csvRow, type CsvCell, type CsvDialect } from '../csv.ts';
import type { FileShape } from '../streamed-file.ts';

/** The columns of the CSV, in the order of the file: labels in the language asked for, each code beside its label. */
const PUBLIC_DELIVERY_COLUMNS = [
  'publicId',
  'title',
  'detail',
  'category',
  'categoryCode',
  'supportType',
  'supportTypeCode',
  'quantity',
  'realisedOn',
  'valueEuros',
  'valueBasis',
  'valueBasisCode',
  'letter',
  'letterDate',
  'publicSince',
  'isDemonstration',
] as const;

type DeliveryCells = Record<(typeof PUBLIC_DELIVERY_COLUMNS)[number], CsvCell>;

/** A public delivery as a CSV row. */
function deliveryCells(row: PublicDelivery, language: Language, dialect: CsvDialect): DeliveryCells {
  const words = vocabulary(language);
  return {
    publicId: row.publicId,
    title: row.title,
    detail: row.detail,
    category: words.categories[row.category],
    categoryCode: row.category,
    supportType: words.supportTypes[row.supportType],
    supportTypeCode: row.supportType,
    quantity: row.quantity,
    realisedOn: row.realisedOn,
    valueEuros: csvEuros(row.valueCents, dialect),
    valueBasis: row.valueBasis && words.valuationBases[row.valueBasis],
    valueBasisCode: row.valueBasis,
    letter: row.firstLetter?.paperNumber ?? null,
    letterDate: row.firstLetter?.letterDate ?? null,
    publicSince: row.publicSince,
    isDemonstration: String(row.isDemonstration),
  };
}

/** The JSON file: each delivery with its labels beside the codes, as the CSV gives them. */
export function deliveriesJson(language: Language): FileShape<PublicDelivery> {
  const words = vocabulary(language);
  const labelled = (row: PublicDelivery) => ({
    ...row,
    categoryLabel: words.categories[row.category],
    supportTypeLabel: words.supportTypes[row.supportType],
    valueBasisLabel: row.valueBasis && words.valuationBases[row.valueBasis],
  });
  return {
    start: '{"items":[',
    batch: (rows, first) => (first ? '' : ',') + rows.map((row) => JSON.stringify(labelled(row))).join(','),
    end: ']}',
  };
}

export function deliveriesCsv(language: Language, dialect: CsvDialect): FileShape<PublicDelivery> {
  return {
    start: csvPreamble(dialect) + csvLine(PUBLIC_DELIVERY_COLUMNS, dialect),
    batch: (rows) => rows.map((row) => csvRow(PUBLIC_DELIVERY_COLUMNS, deliveryCells(row, language, dialect), dialect)).join(''),
    end: '',
  };
}

/**
 * What the public deliveries are now, for their ETag: a digest of what the file shows, computed again only
 * when the public projection's version has moved (two index reads tell), so that the tag changes with what
 * anyone may see and never with a decision that still waits for its letter's publication.
 */
export class PublicDeliveriesTag {
  /** Readers who come while the digest is being read wait for that one reading. */
  #last: { version: string; digest: Promise<string> } | undefined;

  async current(db: Kysely<PublicDatabase>, now: Date): Promise<string> {
    const version = await publicDeliveriesVersion(db, now);
    if (this.#last?.version !== version) {
      const last = { version, digest: publicDeliveriesDigest(db, now) };
      this.#last = last;
      last.digest.catch(() => {
        if (this.#last === last) this.#last = undefined;
      });
    }
    return this.#last.digest;
  }
}
