/**
 * The digest of what a row of another domain says, kept when an import makes its record, so that the same
 * row in a later file is known as unchanged. A row may name its deliveries and company by their reference
 * or by their id: both name the same record, so the digest names each record one way whichever was typed.
 */
import type { Kysely } from 'kysely';
import { sha256Hex } from '../audit/event.ts';
import * as imports from '../db/repositories/import.ts';
import type { Database } from '../db/schema.ts';
import { referenceKey } from '../../common/text.ts';
import { isRegisterSheet } from '../import/sheets.ts';
import { ImportedReferences } from './imported-references.ts';
import { firstRowsByReference, isSkipped, type PlannedRow } from './import-rows.ts';

type Db = Kysely<Database>;
type NamedSheet = 'delivery' | 'company';

/** The fields of a row that name another record by its reference or id (a programme by its short name: null). */
const NAMING_FIELDS: Readonly<Record<string, NamedSheet | null>> = { deliveryReference: 'delivery', deliveryReferences: 'delivery', companyReference: 'company', programmeKey: null };

/**
 * How a digest names the deliveries and companies the file's rows of other domains name, by the reference
 * as typed: `stable` is the key of the reference an import created the record under, else its id; `byId`
 * is its id. A record not in the register yet (a new row of the file) is named by the key of the reference
 * as typed, which is the reference the import will create it under.
 */
export class RecordNames {
  readonly #stable: Record<NamedSheet, Map<string, string>>;
  readonly #ids: Record<NamedSheet, Map<string, string>>;

  constructor(ids: Record<NamedSheet, Map<string, string>>, importedUnder: Record<NamedSheet, Map<string, string>>) {
    this.#ids = ids;
    const stable = (sheet: NamedSheet) => new Map([...ids[sheet]].map(([reference, id]) => [reference, referenceKey(importedUnder[sheet].get(id) ?? id)]));
    this.#stable = { delivery: stable('delivery'), company: stable('company') };
  }

  stable(sheet: NamedSheet | null, reference: string): string {
    return (sheet && this.#stable[sheet].get(reference)) ?? referenceKey(reference);
  }

  byId(sheet: NamedSheet | null, reference: string): string {
    return (sheet && this.#ids[sheet].get(reference)) ?? referenceKey(reference);
  }
}

/**
 * The records the rows of other domains name, found as their records will be when the import is made: a
 * delivery by a row of the file or else as the register knows it (an earlier import's reference, or its
 * id); a company by an earlier import's reference or its id (a new company of the file is not known yet).
 */
export async function recordNamesOf(db: Db, rows: readonly PlannedRow[], importedDeliveries: ImportedReferences): Promise<RecordNames> {
  const domainRows = rows.filter((row) => !isRegisterSheet(row.sheet) && !isSkipped(row));
  const named = (sheet: NamedSheet) => {
    const fields = Object.keys(NAMING_FIELDS).filter((field) => NAMING_FIELDS[field] === sheet);
    return new Set(domainRows.flatMap((row) => fields.flatMap((field) => [row.values[field]].flat())).filter((value) => typeof value === 'string'));
  };
  const deliveryRows = firstRowsByReference(rows, 'delivery');
  const companyReferences = named('company');
  const importedCompanies = new ImportedReferences(await imports.findImportedRecords(db, 'company', [...new Set([...companyReferences].map(referenceKey))]));
  const recordOf = (found: ReturnType<ImportedReferences['findRecord']>) => (found && 'recordId' in found ? found.recordId : null);
  const ids = {
    delivery: idsOf(named('delivery'), (reference) => {
      const row = deliveryRows.get(referenceKey(reference));
      return row ? row.deliveryId : recordOf(importedDeliveries.findRecord(reference));
    }),
    company: idsOf(companyReferences, (reference) => recordOf(importedCompanies.findRecord(reference))),
  };
  const [deliveries, companies] = await Promise.all([
    imports.importedReferencesOf(db, 'delivery', [...new Set(ids.delivery.values())]),
    imports.importedReferencesOf(db, 'company', [...new Set(ids.company.values())]),
  ]);
  return new RecordNames(ids, { delivery: deliveries, company: companies });
}

function idsOf(references: ReadonlySet<string>, idOf: (reference: string) => string | null): Map<string, string> {
  return new Map([...references].flatMap((reference) => {
    const id = idOf(reference);
    return id === null ? [] : [[reference, id] as const];
  }));
}

/** The digest an import keeps of a row it made the record of: the records it names by their stable names, in any order. */
export function rowDigest(row: PlannedRow, names: RecordNames): string {
  return digestNaming(row, (sheet, reference) => names.stable(sheet, reference));
}

/**
 * The digests a row of an earlier import may have been kept under, had it said what this row says: its
 * own, and those imports made before records were named one way kept (the references as typed, by their
 * key; all by their ids, or as imports made them; before references were matched by their key, as typed).
 */
export function earlierDigests(row: PlannedRow, names: RecordNames): string[] {
  return [
    rowDigest(row, names),
    digestNaming(row, (sheet, reference) => names.byId(sheet, reference)),
    digestNaming(row, (_sheet, reference) => referenceKey(reference)),
    digestOfValues(row, (_field, value) => value),
  ];
}

function digestNaming(row: PlannedRow, nameOf: (sheet: NamedSheet | null, reference: string) => string): string {
  return digestOfValues(row, (field, value) => {
    if (!Object.hasOwn(NAMING_FIELDS, field)) return value;
    const sheet = NAMING_FIELDS[field] ?? null;
    if (Array.isArray(value)) return value.map((reference: string) => nameOf(sheet, reference)).toSorted();
    return typeof value === 'string' ? nameOf(sheet, value) : value;
  });
}

function digestOfValues(row: PlannedRow, valueOf: (field: string, value: unknown) => unknown): string {
  const { externalReference: _reference, ...values } = row.values;
  const entries = Object.entries(values).map(([field, value]) => [field, valueOf(field, value)] as const);
  return sha256Hex(JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1))));
}
