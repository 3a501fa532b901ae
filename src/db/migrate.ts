import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { refuseChainBehindCheckpoints } from '../audit/checkpoints.ts';
import { appendRestoreEvents } from '../audit/restores.ts';
import { StartRefusedError } from '../start-refused.ts';
import type { DatabaseHandle } from './connection.ts';
import { appendMigrationChangeEvents, MIGRATION_CHANGE_TABLE } from './migration-changes.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/**
 * The database was migrated by a newer version: this one would write to a schema it does not know (a
 * column it leaves out, a rule it does not keep), so it neither migrates nor serves it.
 */
export class NewerSchemaError extends StartRefusedError {
  readonly unknownMigrations: string[];
  constructor(unknownMigrations: string[]) {
    super(
      `The database was migrated by a newer version of Steunregister (${unknownMigrations.join(', ')}, unknown to this one): ` +
        'use that version or a newer one.',
    );
    this.unknownMigrations = unknownMigrations;
  }
}

/**
 * The role the register connects as may not change the schema (it may only select, insert, update and
 * delete, README "Using PostgreSQL"), and the database lacks a migration: the schema's owner applies it.
 */
export class MigrationNeedsOwnerError extends StartRefusedError {
  constructor(migration: string, cause: Error) {
    super(
      `The database lacks migration ${migration}, and the role DATABASE_URL names may not make it (${cause.message}): ` +
        'run `npm run cli -- migrate` with DATABASE_URL naming the owner of the schema, grant the server\'s role its tables, then start again.',
      { cause },
    );
  }
}

/** PostgreSQL's insufficient_privilege: the role may not do what the statement asks. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * The role lacks a privilege the statement needs. The same SQLSTATE raised by a function (a trigger that keeps
 * the audit trail or a final letter as it is) carries where it was raised, and is the migration's own fault.
 */
function lacksPrivilege(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && error.code === INSUFFICIENT_PRIVILEGE && !('where' in error && error.where);
}

/** Runs one migration, refusing with MigrationNeedsOwnerError when the role may not change the schema. */
async function refusedUnlessPermitted<T>(migration: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (lacksPrivilege(error)) throw new MigrationNeedsOwnerError(migration, error);
    throw error;
  }
}

/** The migrations this version knows, in the order they apply. */
async function knownMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql')).sort();
}

async function appliedMigrations(handle: DatabaseHandle): Promise<Set<string>> {
  return new Set((await handle.db.selectFrom('schemaMigration').select('name').execute()).map((row) => row.name));
}

/** Throws NewerSchemaError when the (migrated) database has a migration this version does not know. */
export async function refuseNewerSchema(handle: DatabaseHandle): Promise<void> {
  refuseUnknownMigrations(await appliedMigrations(handle), await knownMigrations());
}

function refuseUnknownMigrations(applied: Set<string>, known: readonly string[]): void {
  const unknown = [...applied].filter((name) => !known.includes(name)).sort();
  if (unknown.length > 0) throw new NewerSchemaError(unknown);
}

/** Whether the database has no schema of this system yet: never migrated. */
export async function schemaIsMissing(handle: DatabaseHandle): Promise<boolean> {
  const { rows } = await sql<{ missing: boolean }>`select to_regclass('schema_migration') is null as missing`.execute(handle.db);
  return rows[0]!.missing;
}

/**
 * Migrates a register whose audit trail has its signed checkpoints in `auditDirectory`, refusing a chain
 * behind them (AuditChainBehindError: an older backup restored) before a migration appends its events,
 * which would fork the signed chain; a database without a trail yet is checked once migrated. Then gives
 * each restore an operator recorded since the last start its event in the chain (appendRestoreEvents).
 */
export async function migrateOnSignedChain(handle: DatabaseHandle, auditDirectory: string): Promise<string[]> {
  const { rows } = await sql<{ holdsTrail: boolean }>`select to_regclass('audit_event') is not null as holds_trail`.execute(handle.db);
  const holdsTrail = rows[0]!.holdsTrail;
  if (holdsTrail) await refuseChainBehindCheckpoints(handle.db, auditDirectory);
  const applied = await migrate(handle);
  if (!holdsTrail) await refuseChainBehindCheckpoints(handle.db, auditDirectory);
  await appendRestoreEvents(handle.db, auditDirectory);
  return applied;
}

/**
 * Applies, in name order, each SQL migration not applied yet; each in its own transaction, with an audit
 * event for each record it changed (migration-changes.ts).
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  // Created only when missing: even `create table if not exists` needs the CREATE privilege, which the
  // server's own role lacks where the schema belongs to another (README, "Using PostgreSQL").
  const files = await knownMigrations();
  if (await schemaIsMissing(handle)) {
    await refusedUnlessPermitted(files[0]!, () => sql`create table schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(handle.db));
  }
  const applied = await appliedMigrations(handle);
  refuseUnknownMigrations(applied, files);
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
    const record = `insert into schema_migration (name) values ('${file.replace(/'/g, "''")}');`;
    // Only a migration that changes records says so; the others run without the table and the step after it.
    await refusedUnlessPermitted(file, () =>
      script.includes('migration_change')
        ? handle.runScript(`${MIGRATION_CHANGE_TABLE}\n${script}\n${record}`, (trx) => appendMigrationChangeEvents(trx, file))
        : handle.runScript(`${script}\n${record}`),
    );
    newlyApplied.push(file);
  }
  return newlyApplied;
}
