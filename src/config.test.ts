import { expect, it } from 'vitest';
import { trustProxyFromEnvironment } from './config.ts';

it('trusts a reverse proxy only with TRUST_PROXY=true, and refuses a value it would otherwise read as false', () => {
  expect(trustProxyFromEnvironment({})).toBe(false);
  expect(trustProxyFromEnvironment({ TRUST_PROXY: 'false' })).toBe(false);
  expect(trustProxyFromEnvironment({ TRUST_PROXY: 'true' })).toBe(true);
  for (const value of ['1', 'yes', 'TRUE']) expect(() => trustProxyFromEnvironment({ TRUST_PROXY: value })).toThrow(`TRUST_PROXY must be true or false, not "${value}"`);
});
