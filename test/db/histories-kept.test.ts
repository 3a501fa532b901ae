/**
 * A delivery's money, the disclosure decisions, the overrides of the licence rule and the export assessments with their
 * findings, grants of inspection and licences are histories: the database refuses to change or remove a row of them,
 * whoever asks (migrations 065, 067 and 073), so that what a final letter or an arms-transfer report printed stays
 * reproducible. The application only adds to them, and still does.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { assess, grantInspection, issueLicence, readExportControl } from '../../src/register/export-control.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';

const DELIVERY = '0193b3a0-0000-7000-8000-000000000001';
const COMPANY = '0193b3a0-0000-7000-8000-000000000002';
const ASSESSMENT = '0193b3a0-0000-7000-8000-000000000008';
const LICENCE = '0193b3a0-0000-7000-8000-000000000009';
const ROWS = {
  valuation: '0193b3a0-0000-7000-8000-000000000003',
  valuation_withdrawal: '0193b3a0-0000-7000-8000-000000000003',
  payment: '0193b3a0-0000-7000-8000-000000000004',
  payment_withdrawal: '0193b3a0-0000-7000-8000-000000000004',
  disclosure_decision: '0193b3a0-0000-7000-8000-000000000005',
  company_disclosure_decision: '0193b3a0-0000-7000-8000-000000000006',
  export_requirement: '0193b3a0-0000-7000-8000-000000000007',
  export_assessment: ASSESSMENT,
  export_assessment_criterion: ASSESSMENT,
  export_inspection_grant: ASSESSMENT,
  export_licence: LICENCE,
} as const;
/** The column that names the rows of each table (an assessment's eight findings, its grant of inspection). */
const KEY = { valuation_withdrawal: 'valuation_id', payment_withdrawal: 'payment_id', export_assessment_criterion: 'assessment_id', export_inspection_grant: 'assessment_id' } as Record<string, string>;

describeEachDatabase('the histories of money, disclosure, the licence rule and export control are kept', (database) => {
  let exported = '';
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
    exported = (await createDelivery(db, systemContext('test'), { ...unsetDeliveryFields(), ...procurement })).id;
    await assess(db, systemContext('test-assessor'), exported, positiveAssessment, { id: ASSESSMENT });
    await grantInspection(db, systemContext('test-assessor'), ASSESSMENT, 'Voor de vaste commissie');
    await issueLicence(db, systemContext('test-licensing'), exported, licenceFor(ASSESSMENT, procurement.category), { id: LICENCE });
  });

  for (const [table, id] of Object.entries(ROWS)) {
    it(`refuses to change or remove a row of ${table}, and keeps it as it was`, async () => {
      const { db } = database();
      const key = sql.id(KEY[table] ?? 'id');
      const row = async () => (await sql`select * from ${sql.id(table)} where ${key} = ${id}`.execute(db)).rows;
      const before = await row();
      expect(before).toHaveLength(table === 'export_assessment_criterion' ? 8 : 1);
      const refusal = new RegExp(`${table} is a history that is never changed: add a row instead`);
      await expect(sql`update ${sql.id(table)} set ${key} = ${key} where ${key} = ${id}`.execute(db)).rejects.toThrow(refusal);
      await expect(sql`delete from ${sql.id(table)} where ${key} = ${id}`.execute(db)).rejects.toThrow(refusal);
      expect(await row()).toEqual(before);
    });
  }

  it('still takes a reassessment, its grant of inspection and a licence on it, added beside the rows it keeps', async () => {
    const { db } = database();
    const reassessment = await assess(db, systemContext('test-assessor'), exported, { ...positiveAssessment, assessedOn: '2025-03-20' });
    await grantInspection(db, systemContext('test-assessor'), reassessment.id, '');
    const licence = await issueLicence(db, systemContext('test-licensing'), exported, { ...licenceFor(reassessment.id, procurement.category), issuedOn: '2025-03-21' });
    const control = await readExportControl(db, systemContext('test'), exported);
    expect(control.assessments.map((assessment) => [assessment.id, assessment.inspectionGrants.length])).toEqual([[reassessment.id, 1], [ASSESSMENT, 1]]);
    expect(control.licences.map((entry) => entry.id)).toEqual([licence.id, LICENCE]);
  });
});
