import type { Kysely } from 'kysely';
import type { NamedKind } from '../../domain/names.ts';
import type { Database } from '../schema.ts';
import { lockUntilCommit } from '../transaction.ts';

/**
 * Makes the recording of records of the kind in the scope (a company's country, a budget decision's fund)
 * wait for each other until the transaction ends, so that looking for one of the same name and recording
 * this one are one step. A name's key (nameKey) folds letters the database cannot fold alike on every
 * server, so no unique index can hold it.
 */
export async function lockNamesOf(db: Kysely<Database>, kind: NamedKind, scope: string): Promise<void> {
  await lockUntilCommit(db, `${kind} names of ${scope}`);
}
