/**
 * The records earlier imports created under the references of a file's rows, of one sheet, found by
 * their key: a reference names the record whatever the case of its letters and its spacing.
 */
import { isUuid } from '../../common/ids.ts';
import type { ImportedRecord } from '../db/repositories/import.ts';
import { referenceKey } from '../../common/text.ts';

/** What a reference of a file names in the register: a record, or several that its key cannot tell apart. */
export type ReferenceMatch = { recordId: string } | { several: string[] };

export class ImportedReferences {
  readonly #byKey: Map<string, ImportedRecord[]>;

  constructor(records: readonly ImportedRecord[]) {
    this.#byKey = Map.groupBy(records, (record) => record.referenceKey);
  }

  /**
   * The record a reference names. Records imported before the key ignored case and spacing may share a
   * key: of those, a reference names the one it spells exactly, and otherwise cannot choose.
   */
  find(reference: string): ReferenceMatch | undefined {
    const records = this.#byKey.get(referenceKey(reference));
    if (!records) return undefined;
    const named = records.length === 1 ? records[0] : records.find((record) => record.externalReference === reference);
    return named ? { recordId: named.recordId } : { several: records.map((record) => record.externalReference) };
  }

  /** A record of the register a row names: one an earlier import created under the reference, or the one with that id. */
  findRecord(reference: string): ReferenceMatch | undefined {
    return this.find(reference) ?? (isUuid(reference) ? { recordId: reference.toLowerCase() } : undefined);
  }

  get recordIds(): string[] {
    return [...this.#byKey.values()].flatMap((records) => records.map((record) => record.recordId));
  }
}
