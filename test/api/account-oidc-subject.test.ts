/** An identity provider's subject belongs to one account: a second account with it is refused on the field, not failed on. */
import { expect, it } from 'vitest';
import { apiClient } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('the OpenID subject of a new account', (database) => {
  it('is refused when another account has it, naming that account', async () => {
    const administrator = apiClient(database().db, { role: 'administrator' });
    const first = await administrator('POST', '/accounts', { username: 'sso.eerste', role: 'registrar', password: null, oidcSubject: 'sub-4711' });
    expect(first.status).toBe(201);
    const second = await administrator('POST', '/accounts', { username: 'sso.tweede', role: 'auditor', password: null, oidcSubject: 'sub-4711' }, { 'Accept-Language': 'en' });
    expect(second.status).toBe(400);
    expect(second.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'oidcSubject', code: 'oidcSubjectTaken', reason: expect.stringContaining('"sso.eerste"') }),
    ]);
    const accounts = await database().db.selectFrom('account').select('username').where('oidcSubject', '=', 'sub-4711').execute();
    expect(accounts).toEqual([{ username: 'sso.eerste' }]);
  });
});
