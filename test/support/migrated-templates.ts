/**
 * Vitest global setup, after shared-postgres.ts: the schema migrated once per run, in a PGlite template
 * and a PostgreSQL template that every test database is copied from, and once more in a PGlite template
 * with the demonstration register that the end-to-end servers start from (see scratch-database.ts).
 */
export { createMigratedTemplates as default } from './scratch-database.ts';
