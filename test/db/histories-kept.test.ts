/**
 * A delivery's money, the disclosure decisions and the overrides of the licence rule are histories: the database
 * refuses to change or remove a row of them, whoever asks (migrations 065 and 067), so that what a final letter or
 * an arms-transfer report printed stays reproducible.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';

const DELIVERY = '0193b3a0-0000-7000-8000-000000000001';
const COMPANY = '0193b3a0-0000-7000-8000-000000000002';
const ROWS = {
  valuation: '0193b3a0-0000-7000-8000-000000000003',
  valuation_withdrawal: '0193b3a0-0000-7000-8000-000000000003',
  payment: '0193b3a0-0000-7000-8000-000000000004',
  payment_withdrawal: '0193b3a0-0000-7000-8000-000000000004',
  disclosure_decision: '0193b3a0-0000-7000-8000-000000000005',
  company_disclosure_decision: '0193b3a0-0000-7000-8000-000000000006',
  export_requirement: '0193b3a0-0000-7000-8000-000000000007',
} as const;
/** The column that names a row of each table. */
const KEY = { valuation_withdrawal: 'valuation_id', payment_withdrawal: 'payment_id' } as Record<string, string>;

describeEachDatabase('the histories of money, disclosure and the licence rule are kept', (database) => {
  beforeAll(async () => {
    const { db } = database();
    await sql`insert into delivery (id, title, category, support_type, funding_source, realised_at) values (${DELIVERY}, 'Generatoren', 'nonLethal', 'stock', 'defenceBudget', '2025-04-15')`.execute(db);
    await sql`insert into valuation (id, delivery_id, amount_cents, basis, effective_date) values (${ROWS.valuation}, ${DELIVERY}, 120000, 'replacementValue', '2025-04-15')`.execute(db);
    await sql`insert into valuation_withdrawal (valuation_id, withdrawn_on, reason) values (${ROWS.valuation}, '2025-05-01', 'Dubbel geboekt')`.execute(db);
    await sql`insert into payment (id, delivery_id, amount_cents, paid_on) values (${ROWS.payment}, ${DELIVERY}, 5000, '2025-04-20')`.execute(db);
    await sql`insert into payment_withdrawal (payment_id, withdrawn_on, reason) values (${ROWS.payment}, '2025-05-01', 'Teruggestort')`.execute(db);
    await sql`insert into disclosure_decision (id, delivery_id, state, ground, decided_by_name, decided_at) values (${ROWS.disclosure_decision}, ${DELIVERY}, 'confidential', 'operationalSecurity', 'Ambtenaar', now())`.execute(db);
    await sql`insert into company (id, name, country, is_demonstration, created_at) values (${COMPANY}, 'Damen', 'NL', false, now())`.execute(db);
    await sql`insert into export_requirement (id, delivery_id, required, reason, effective_on, decided_by_name, decided_at) values (${ROWS.export_requirement}, ${DELIVERY}, true, 'Op de Militaire Lijst', '2025-04-01', 'Beoordelaar', now())`.execute(db);
    await sql`insert into company_disclosure_decision (id, company_id, state, ground, decided_by_name, decided_at) values (${ROWS.company_disclosure_decision}, ${COMPANY}, 'confidential', 'companyInterests', 'Ambtenaar', now())`.execute(db);
  });

  for (const [table, id] of Object.entries(ROWS)) {
    it(`refuses to change or remove a row of ${table}, and keeps it as it was`, async () => {
      const { db } = database();
      const key = sql.id(KEY[table] ?? 'id');
      const row = async () => (await sql`select * from ${sql.id(table)} where ${key} = ${id}`.execute(db)).rows;
      const before = await row();
      expect(before).toHaveLength(1);
      const refusal = new RegExp(`${table} is a history that is never changed: add a row instead`);
      await expect(sql`update ${sql.id(table)} set ${key} = ${key} where ${key} = ${id}`.execute(db)).rejects.toThrow(refusal);
      await expect(sql`delete from ${sql.id(table)} where ${key} = ${id}`.execute(db)).rejects.toThrow(refusal);
      expect(await row()).toEqual(before);
    });
  }
});
