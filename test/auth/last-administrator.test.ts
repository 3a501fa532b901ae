/**
 * Someone is always left to manage accounts: no change, from the command line or by two administrators
 * at once, leaves the register without an enabled administrator.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { changeRole, createAccount, disableAccount } from '../../src/auth/accounts.ts';
import { temporaryTotpSecretKey } from '../../src/auth/totp-secret-key.ts';
import { systemContext, type RequestContext } from '../../src/audit/trail.ts';
import { ValidationError } from '../../src/register/errors.ts';
import { describeEachDatabase } from '../support/databases.ts';

const TOTP_KEY = temporaryTotpSecretKey();

describeEachDatabase('the last administrator', (database) => {
  const db = () => database().db;
  const operator = systemContext('cli:test');

  async function administrator() {
    const username = `beheer-${randomUUID().slice(0, 8)}`;
    const { account } = await createAccount(db(), operator, { username, role: 'administrator', password: 'een lang genoeg wachtwoord' }, TOTP_KEY);
    const context: RequestContext = { ...operator, actor: { id: account.id, username, role: 'administrator' } };
    return { id: account.id, context };
  }

  const enabledAdministrators = async () =>
    (await db().selectFrom('account').select('id').where('role', '=', 'administrator').where('disabledAt', 'is', null).execute()).length;

  const refusal = (error: unknown) => (error instanceof ValidationError ? error.violations : error);

  it('is neither demoted nor disabled, also from the command line', async () => {
    const only = await administrator();
    expect(await enabledAdministrators()).toBe(1);
    await expect(changeRole(db(), operator, only.id, 'auditor').catch(refusal)).resolves.toEqual([{ field: 'role', code: 'lastAdministrator' }]);
    await expect(disableAccount(db(), operator, only.id).catch(refusal)).resolves.toEqual([{ field: 'account', code: 'lastAdministrator' }]);

    const other = await administrator();
    await disableAccount(db(), operator, only.id);
    await expect(changeRole(db(), operator, other.id, 'auditor').catch(refusal)).resolves.toEqual([{ field: 'role', code: 'lastAdministrator' }]);
    expect(await enabledAdministrators()).toBe(1);
  });

  it('remains when two administrators demote or disable each other at the same moment', async () => {
    for (const change of [
      (actor: RequestContext, id: string) => changeRole(db(), actor, id, 'registrar'),
      (actor: RequestContext, id: string) => disableAccount(db(), actor, id),
    ]) {
      await db().updateTable('account').set({ disabledAt: new Date().toISOString() }).where('role', '=', 'administrator').where('disabledAt', 'is', null).execute();
      const [one, two] = [await administrator(), await administrator()];
      const results = await Promise.allSettled([change(one.context, two.id), change(two.context, one.id)]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((result) => result.status === 'rejected')!;
      expect(refusal(rejected.reason)).toEqual([{ field: expect.any(String), code: 'lastAdministrator' }]);
      expect(await enabledAdministrators()).toBe(1);
    }
  });
});
