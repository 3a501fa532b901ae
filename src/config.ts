import { resolve } from 'node:path';
import type { DatabaseConfig } from './db/connection.ts';

/** Where the database is: PostgreSQL when DATABASE_URL is set, else the embedded one in DATA_DIR (./data). */
export function databaseConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: resolve(env.DATA_DIR ?? 'data') };
}

export function portFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return port;
}
