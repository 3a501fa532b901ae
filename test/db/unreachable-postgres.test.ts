import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { StartRefusedError } from '../../src/start-refused.ts';

it('refuses a PostgreSQL it cannot reach in one line naming where, never the password', async () => {
  const refusal = await openDatabase({ databaseUrl: 'postgres://steunregister:geheim@127.0.0.1:1/steunregister' }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(StartRefusedError);
  expect((refusal as Error).message).toBe('PostgreSQL at 127.0.0.1:1/steunregister (DATABASE_URL) cannot be used: connect ECONNREFUSED 127.0.0.1:1');
});
