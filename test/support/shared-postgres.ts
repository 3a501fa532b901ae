/**
 * Vitest global setup: one throwaway PostgreSQL for the whole run instead of one per test file. Test
 * files run in worker processes started after this, which inherit TEST_DATABASE_URL; the cluster belongs
 * to the main process and is removed when that ends (see postgres.ts).
 */
import { postgresServer } from './postgres.ts';

export default async function startSharedPostgres(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await postgresServer();
  if ('url' in server) process.env.TEST_DATABASE_URL = server.url;
}
