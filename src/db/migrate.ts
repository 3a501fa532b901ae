import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connection.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Applies, in name order, each SQL migration not applied yet; each in its own transaction. */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  // Created only when missing: even `create table if not exists` needs the CREATE privilege, which the
  // server's own role lacks where the schema belongs to another (README, "Using PostgreSQL").
  const { rows } = await sql<{ missing: boolean }>`select to_regclass('schema_migration') is null as missing`.execute(handle.db);
  if (rows[0]!.missing) {
    await sql`create table schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(handle.db);
  }
  const applied = new Set(
    (await handle.db.selectFrom('schemaMigration').select('name').execute()).map((row) => row.name),
  );
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql')).sort();
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const script = await readFile(new URL(file, MIGRATIONS_DIR), 'utf8');
    const record = `insert into schema_migration (name) values ('${file.replace(/'/g, "''")}');`;
    await handle.runScript(`${script}\n${record}`);
    newlyApplied.push(file);
  }
  return newlyApplied;
}
