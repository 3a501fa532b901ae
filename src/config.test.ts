import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { auditDirectoryFromEnvironment } from './audit/config.ts';
import { databaseConfigFromEnvironment, statementLimitsFromEnvironment, trustProxyFromEnvironment } from './config.ts';

it('trusts a reverse proxy only with TRUST_PROXY=true, and refuses a value it would otherwise read as false', () => {
  expect(trustProxyFromEnvironment({})).toBe(false);
  expect(trustProxyFromEnvironment({ TRUST_PROXY: 'false' })).toBe(false);
  expect(trustProxyFromEnvironment({ TRUST_PROXY: 'true' })).toBe(true);
  for (const value of ['1', 'yes', 'TRUE']) expect(() => trustProxyFromEnvironment({ TRUST_PROXY: value })).toThrow(`TRUST_PROXY must be true or false, not "${value}"`);
});

it('takes an empty DATA_DIR or AUDIT_DIR as unset, not as the folder a command runs in', () => {
  expect(databaseConfigFromEnvironment({ DATA_DIR: '' })).toEqual({ dataDir: resolve('data') });
  expect(databaseConfigFromEnvironment({ DATA_DIR: '/srv/register' })).toEqual({ dataDir: '/srv/register' });
  expect(auditDirectoryFromEnvironment({ DATA_DIR: '', AUDIT_DIR: '' })).toBe(resolve('data/audit'));
  expect(auditDirectoryFromEnvironment({ DATA_DIR: '/srv/register', AUDIT_DIR: '' })).toBe('/srv/register/audit');
});

it("limits how long a request's statement waits for a lock and runs, 10 and 60 seconds unless set, 0 for no limit, and refuses a value that is no such number", () => {
  expect(statementLimitsFromEnvironment({})).toEqual({ lockTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  expect(statementLimitsFromEnvironment({ DATABASE_LOCK_TIMEOUT_SECONDS: '', DATABASE_STATEMENT_TIMEOUT_SECONDS: ' ' })).toEqual({ lockTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  expect(statementLimitsFromEnvironment({ DATABASE_LOCK_TIMEOUT_SECONDS: '2.5', DATABASE_STATEMENT_TIMEOUT_SECONDS: '0' })).toEqual({ lockTimeoutMs: 2_500, statementTimeoutMs: 0 });
  for (const value of ['-1', '10s', '86401']) {
    expect(() => statementLimitsFromEnvironment({ DATABASE_LOCK_TIMEOUT_SECONDS: value })).toThrow(`DATABASE_LOCK_TIMEOUT_SECONDS must be a number of seconds up to a day, or 0 for no limit, not "${value}"`);
  }
});
