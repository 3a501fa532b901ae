/**
 * Vitest global setup, after shared-postgres.ts: the schema migrated once per run, in a PGlite template
 * and a PostgreSQL template that every test database is copied from (see scratch-database.ts).
 */
export { createMigratedTemplates as default } from './scratch-database.ts';
