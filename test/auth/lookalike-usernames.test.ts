/** Two accounts are never taken for each other: a new username that reads as another's is refused, naming it. */
import { expect, it } from 'vitest';
import { createAccount } from '../../src/auth/accounts.ts';
import { temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { ValidationError } from '../../src/register/errors.ts';
import { describeEachDatabase } from '../support/databases.ts';

const TOTP_KEY = temporaryTotpSecretKey();

describeEachDatabase('usernames that look alike', (database) => {
  const create = (username: string) =>
    createAccount(database().db, systemContext('test'), { username, role: 'registrar', password: 'een lang genoeg wachtwoord' }, TOTP_KEY).then(
      ({ account }) => account.username,
      (error: unknown) => (error instanceof ValidationError ? error.violations : Promise.reject(error)),
    );

  it('refuses a username that reads as one an account has', async () => {
    expect(await create('k.jansen')).toBe('k.jansen');
    expect(await create('k.jansen')).toEqual([{ field: 'username', code: 'usernameTaken' }]);
    for (const lookalike of ['k-jansen', 'k_jansen']) {
      expect(await create(lookalike), lookalike).toEqual([{ field: 'username', code: 'usernameLooksTaken', params: { username: 'k.jansen' } }]);
    }
    expect(await create('beheer1')).toBe('beheer1');
    expect(await create('beheerl')).toEqual([{ field: 'username', code: 'usernameLooksTaken', params: { username: 'beheer1' } }]);
    expect(await create('mark.0ost')).toBe('mark.0ost');
    expect(await create('rnark-oost')).toEqual([{ field: 'username', code: 'usernameLooksTaken', params: { username: 'mark.0ost' } }]);
    // A name that reads differently is another person's.
    expect(await create('kjansen')).toBe('kjansen');
    expect(await create('k.janssen')).toBe('k.janssen');
  });

  it('refuses one of two look-alikes made at the same moment', async () => {
    const results = await Promise.all([create('p.devries'), create('p-devries')]);
    expect(results.filter((result) => typeof result === 'string')).toHaveLength(1);
  });
});
