import { resolve } from 'node:path';
import type { DatabaseConfig, StatementLimits } from './db/connection.ts';
import { StartRefusedError } from './start-refused.ts';

/**
 * Where the database is: PostgreSQL when DATABASE_URL is set, else the embedded one in DATA_DIR (./data). An
 * empty DATA_DIR is unset, as an empty DATABASE_URL is, rather than the folder the command runs in.
 */
export function databaseConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: resolve(env.DATA_DIR || 'data') };
}

/**
 * The site's public address (SITE_ADDRESS, e.g. https://steunregister.example.nl), without a trailing
 * slash: where links in e-mail and the open data catalogue point, never to a host a request names (a
 * client chooses the Host header). Mail needs it; without it the catalogue links relative to where it was read.
 */
export function siteAddressFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.SITE_ADDRESS) return undefined;
  const address = env.SITE_ADDRESS.replace(/\/+$/, '');
  if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol)) throw new StartRefusedError(`SITE_ADDRESS must be an http(s) address, not "${env.SITE_ADDRESS}"`);
  return address;
}

/**
 * How long a request's statement on PostgreSQL may wait for a lock another connection holds
 * (DATABASE_LOCK_TIMEOUT_SECONDS, 10 s: longer than an import of 100,000 rows holds the audit trail's append
 * lock, which every audited write waits for) and run, its waits included (DATABASE_STATEMENT_TIMEOUT_SECONDS,
 * 60 s: a request's longest statements at 1,000,000 deliveries take seconds); 0 for no limit. README, "Settings".
 */
export function statementLimitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): StatementLimits {
  return {
    lockTimeoutMs: limitFromEnvironment(env, 'DATABASE_LOCK_TIMEOUT_SECONDS', 10),
    statementTimeoutMs: limitFromEnvironment(env, 'DATABASE_STATEMENT_TIMEOUT_SECONDS', 60),
  };
}

/** A limit in whole milliseconds from a number of seconds up to a day; empty is unset. */
function limitFromEnvironment(env: NodeJS.ProcessEnv, name: string, defaultSeconds: number): number {
  const seconds = Number(env[name]?.trim() || defaultSeconds);
  if (!(seconds >= 0 && seconds <= 86_400)) throw new StartRefusedError(`${name} must be a number of seconds up to a day, or 0 for no limit, not "${env[name]}"`);
  return Math.round(seconds * 1000);
}

export function portFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartRefusedError(`PORT must be a port number, not "${env.PORT}"`);
  return port;
}

/**
 * Whether a reverse proxy in front of the server is trusted (TRUST_PROXY=true): the client's address then
 * comes from X-Forwarded-For. Any other value than true or false is refused, not read as false: behind a
 * proxy every login would then seem to come from the proxy's address, and its throttling hold up everyone.
 */
export function trustProxyFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.TRUST_PROXY?.trim() ?? '';
  if (value === 'true' || value === 'false' || value === '') return value === 'true';
  throw new StartRefusedError(`TRUST_PROXY must be true or false, not "${env.TRUST_PROXY}"`);
}
