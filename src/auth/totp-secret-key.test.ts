import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../db/repositories/accounts.ts';
import { openScratchPGlite, type ScratchDatabase } from '../../test/support/scratch-database.ts';
import { openSealed, openTotpSecretKey, sealWithKey, temporaryTotpSecretKey, TotpSecretKeyMissingError } from './totp-secret-key.ts';

describe('the key TOTP secrets are sealed with', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-totp-key-'));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await openScratchPGlite();
  });
  afterAll(() => scratch.dispose());

  it('is made once, readable by its owner only, and opens what it sealed for that account only', async () => {
    const directory = join(folder, 'audit');
    const key = await openTotpSecretKey(directory, scratch.handle.db);
    expect(statSync(join(directory, 'totp-secret-key')).mode & 0o777).toBe(0o600);
    expect((await openTotpSecretKey(directory, scratch.handle.db)).equals(key)).toBe(true);
    expect(readFileSync(join(directory, 'totp-secret-key'), 'utf8')).not.toContain('JBSWY3DP');

    const sealed = sealWithKey(key, 'account-1', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSealed(key, 'account-1', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSealed(key, 'account-2', sealed)).toThrow();
    expect(() => openSealed(temporaryTotpSecretKey(), 'account-1', sealed)).toThrow();
    expect(() => openSealed(key, 'account-1', 'JBSWY3DPEHPK3PXP')).toThrow(/not sealed/);
  });

  it('is not made anew while the database holds secrets sealed with a key: the kept one is to be put back', async () => {
    const { db } = scratch.handle;
    const id = randomUUID();
    await insertAccount(db, { id, username: `sealed-${id}`, displayName: '', role: 'auditor', passwordHash: null, totpSecret: sealWithKey(temporaryTotpSecretKey(), id, 'JBSWY3DPEHPK3PXP'), oidcSubject: null });
    const directory = join(folder, 'restored-audit');
    await expect(openTotpSecretKey(directory, db)).rejects.toThrow(TotpSecretKeyMissingError);
    expect(existsSync(join(directory, 'totp-secret-key'))).toBe(false);
  });
});
