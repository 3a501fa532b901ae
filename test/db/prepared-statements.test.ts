/**
 * On PostgreSQL each statement with parameters is prepared once per connection (src/db/prepared-
 * statements.ts); a bulk one and a text search are sent unnamed, and a connection whose statement outlived
 * a change of its table is replaced instead of failing on every later use.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { LIST_COUNT_CAP } from '../../src/db/keyset.ts';
import { countDeliveries, listDeliveries, newStoredDelivery, toColumns } from '../../src/db/repositories/deliveries.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import * as register from '../../src/register/deliveries.ts';
import { createApi } from '../../src/api/app.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { describeOnPostgres } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';

describeOnPostgres('prepared statements on PostgreSQL', (database) => {
  it('prepares a statement once on its connection, with parameters or without; sends one with many parameters, or several statements, unnamed', async () => {
    await database().db.transaction().execute(async (trx) => {
      for (const title of ['a', 'b', 'c']) await trx.selectFrom('delivery').select('id').where('title', '=', title).execute();
      for (let run = 0; run < 2; run++) await trx.selectFrom('delivery').select('id').limit(sql.lit(7)).execute();
      await trx.selectFrom('delivery').select('id').where('title', 'in', Array.from({ length: 150 }, (_, index) => `t${index}`)).execute();
      await sql`select 1; select 2`.execute(trx);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      expect(rows.filter((row) => row.statement.includes('where "title" = $1'))).toHaveLength(1);
      expect(rows.filter((row) => row.statement.includes('limit 7'))).toHaveLength(1);
      expect(rows.filter((row) => row.statement.includes('where "title" in ('))).toHaveLength(0);
      expect(rows.filter((row) => row.statement.includes('select 2'))).toHaveLength(0);
    });
  });

  it("sends the list's text search and its count unnamed, so that PostgreSQL plans each for its word, and names the list's other statements and a search for a common text", async () => {
    await database().db.transaction().execute(async (trx) => {
      for (const text of ['radar', 'radar', 'Patriot', 'radar', 'radar', 'radar', 'radar']) {
        await listDeliveries(trx, { sort: 'realisedAt', descending: true, limit: 25, text });
        await listDeliveries(trx, { sort: 'realisedAt', descending: true, limit: 25, text }, 'common');
        await countDeliveries(trx, { text });
      }
      await listDeliveries(trx, { sort: 'realisedAt', descending: true, limit: 25, supportType: 'stock' });
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      expect(rows.filter((row) => row.statement.includes('"search_text" like'))).toEqual([]);
      expect(rows.filter((row) => row.statement.includes('strpos("search_text"'))).toHaveLength(1);
      expect(rows.filter((row) => row.statement.includes('"support_type" = $1'))).toHaveLength(1);
    });
  });

  it('searches the list for a text that found more than the cap when last counted as a common one, named, and one never counted unnamed', async () => {
    await database().db.transaction().execute(async (trx) => {
      const now = new Date();
      const many = Array.from({ length: LIST_COUNT_CAP + 1 }, (_, index) =>
        newStoredDelivery(randomUUID(), { ...unsetDeliveryFields(), title: `Veelvoorkomend ${index}`, category: 'drones', supportType: 'natoFund', fundingSource: 'defenceBudget', isDemonstration: false }, now),
      );
      await trx.insertInto('delivery').values(many.map((delivery) => ({ ...toColumns(delivery), deletedAt: null, publicId: null }))).execute();
      const query = { sort: 'title', descending: false, limit: 25, text: 'veelvoorkomend', supportType: 'natoFund' } as const;
      const namedCommonSearches = async () => {
        const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
        return rows.filter((row) => row.statement.includes('strpos("search_text"') && row.statement.includes('"support_type" = $'));
      };
      const first = await register.listDeliveries(trx, query);
      expect([first.total, first.totalIsCapped]).toEqual([LIST_COUNT_CAP, true]);
      expect(await namedCommonSearches()).toEqual([]);
      const second = await register.listDeliveries(trx, query);
      expect(second.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(await namedCommonSearches()).toHaveLength(1);
    });
  });

  it('replaces a connection whose statement outlived a change of its table: the statement fails once, then runs', async () => {
    const { db } = database();
    await sql`create table prepared_probe (id int)`.execute(db);
    const read = () => sql`select * from prepared_probe where id = ${1}`.execute(db);
    await read();
    await sql`alter table prepared_probe add column note text`.execute(db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([]);
  });

  it('answers a request that meets such a statement 503 with Retry-After, and serves it again once its connection is replaced', async () => {
    const { db } = database();
    const api = createApi({ db });
    const cookie = await sessionCookieFor(db, 'registrar');
    const created = await api.request('/deliveries', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(stockDelivery) });
    const { id } = (await created.json()) as { id: string };
    // At once, so that the statements are prepared on every connection of the pool.
    const readAtOnce = () => Promise.all(Array.from({ length: 20 }, () => api.request(`/deliveries/${id}`, { headers: { Cookie: cookie } })));
    expect((await readAtOnce()).map((response) => response.status)).toEqual(Array(20).fill(200));
    await sql`alter table valuation add column prepared_probe text`.execute(db);
    try {
      // A connection fails the first request that meets its stale statement and is then replaced; one that ran only
      // other statements in a round meets it in a later one. Within a few rounds every request is served again.
      const refusedPerRound: number[] = [];
      while (refusedPerRound.at(-1) !== 0 && refusedPerRound.length < 10) {
        const refused = (await readAtOnce()).filter((response) => response.status !== 200);
        for (const response of refused) {
          expect(response.status).toBe(503);
          expect(response.headers.get('Retry-After')).toBe('5');
          expect(await response.json()).toMatchObject({ status: 503, code: 'databaseUnavailable' });
        }
        refusedPerRound.push(refused.length);
      }
      expect(refusedPerRound[0]).toBeGreaterThan(0);
      expect(refusedPerRound.at(-1)).toBe(0);
    } finally {
      await sql`alter table valuation drop column prepared_probe`.execute(db);
    }
  });
});
