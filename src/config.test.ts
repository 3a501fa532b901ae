import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { auditDirectoryFromEnvironment } from './audit/config.ts';
import { databaseConfigFromEnvironment, trustProxyFromEnvironment } from './config.ts';

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
