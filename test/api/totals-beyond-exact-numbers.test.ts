/**
 * A register whose sums pass 2^53 cents: a thousand entries at the ceiling of one. The realised support
 * is answered exactly; what still counts its sums in numbers (readiness, the budget, a letter) says so in a
 * clear refusal, in the reader's language, and a refused write changes nothing.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { addEntriesAtTheCeiling, ENTRIES_AT_THE_CEILING } from '../support/totals-beyond-exact-numbers.ts';
import { apiClient, type ApiCall } from './client.ts';

const REFUSAL = { status: 409, code: 'totalBeyondExactNumbers' };

describeEachDatabase('totals beyond 2^53 cents', (database) => {
  let reader: ApiCall;
  let author: ApiCall;
  beforeAll(async () => {
    const { db } = database();
    reader = apiClient(db, { role: 'registrar' });
    author = apiClient(db, { role: 'letterAuthor' });
    await addEntriesAtTheCeiling(db);
  });

  it('answers the realised support to the cent', async () => {
    const figures = await reader('GET', '/figures?referenceDate=2025-08-31&compareDate=2025-02-04');
    expect(figures.status).toBe(200);
    expect(figures.body.total.reference.cents).toBe(BigInt(ENTRIES_AT_THE_CEILING) * BigInt(MAX_ENTRY_CENTS));
  });

  it('refuses what sums in numbers with the reason, in the language asked', async () => {
    const readiness = await reader('GET', '/readiness/replenishment');
    expect(readiness.body).toMatchObject(REFUSAL);
    expect(readiness.body.detail).toBe('Een totaal in het register komt boven €\u00a090.071.992.547.409,91 uit: meer dan het exact kan tonen. Controleer de ingevoerde bedragen.');
    const budget = await reader('GET', '/budget/figures?knownAt=2025-12-31', undefined, { 'Accept-Language': 'en' });
    expect(budget.body).toMatchObject({ ...REFUSAL, detail: 'A total in the register exceeds €90,071,992,547,409.91: more than it can show exactly. Check the amounts entered.' });
  });

  it('refuses the contracts per country of companies whose contracts sum beyond exact numbers', async () => {
    const { db } = database();
    await sql`
      with company as (
        insert into company (id, name, country, is_demonstration, created_at) values (gen_random_uuid(), 'Grote Sommen BV', 'DE', false, now()) returning id
      )
      insert into industry_contract (id, company_id, reference, subject, amount_cents, signed_on, is_demonstration, created_at)
      select gen_random_uuid(), company.id, 'K-' || n, 'Munitie', case when n = 0 then 1 else 1000000000000 end, date '2025-03-01', false, now()
      from company, generate_series(0, 9010) n`.execute(db);
    expect((await reader('GET', '/industry?date=2025-08-31')).body).toMatchObject(REFUSAL);
    expect((await reader('GET', '/exports/industry-by-country?date=2025-08-31&format=csv')).body).toMatchObject(REFUSAL);
  });

  it('creates no letter it cannot count', async () => {
    expect((await author('POST', '/letters', { referenceDate: '2025-08-31' })).body).toMatchObject(REFUSAL);
    const { rows } = await sql<{ letters: number }>`select count(*)::int as letters from letter`.execute(database().db);
    expect(rows[0]!.letters).toBe(0);
  });
});
