import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTotpSecret, openTotpSecretKey, sealTotpSecret, temporaryTotpSecretKey } from './totp-secret-key.ts';

describe('the key TOTP secrets are sealed with', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-totp-key-'));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is made once, readable by its owner only, and opens what it sealed for that account only', async () => {
    const directory = join(folder, 'audit');
    const key = await openTotpSecretKey(directory);
    expect(statSync(join(directory, 'totp-secret-key')).mode & 0o777).toBe(0o600);
    expect((await openTotpSecretKey(directory)).equals(key)).toBe(true);
    expect(readFileSync(join(directory, 'totp-secret-key'), 'utf8')).not.toContain('JBSWY3DP');

    const sealed = sealTotpSecret(key, 'account-1', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openTotpSecret(key, 'account-1', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openTotpSecret(key, 'account-2', sealed)).toThrow();
    expect(() => openTotpSecret(temporaryTotpSecretKey(), 'account-1', sealed)).toThrow();
    expect(() => openTotpSecret(key, 'account-1', 'JBSWY3DPEHPK3PXP')).toThrow(/not sealed/);
  });
});
