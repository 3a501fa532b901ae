import { sql, type RawBuilder } from 'kysely';

/**
 * That a column holds the reference whatever its case and spacing, as the register's unique indexes on references
 * compare them (register_key, migration 043): a reference is looked up as the index would refuse it.
 */
export function foldedReferenceIs(column: string, reference: string): RawBuilder<boolean> {
  return sql<boolean>`register_key(${sql.ref(column)}) = register_key(${reference})`;
}
