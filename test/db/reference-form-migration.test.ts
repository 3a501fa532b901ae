/**
 * Migration 046 puts the references a register already holds in the one Unicode form they are now typed
 * in (NFKC, every kind of space an ordinary one). A record whose reference then has the key of another's
 * is kept, told apart by a number as migration 043 did; an import's reference that another of its sheet
 * already has in that form keeps its text. Each record it changes has an audit event with the text before
 * and after, in the migration's name. The migration's record is deleted and it runs again.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { migrate } from '../../src/db/migrate.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { licenseForShipment } from '../support/export-control.ts';
import { changesRecordedBy } from '../support/migration-events.ts';

const MIGRATION = '046_references_in_one_unicode_form.sql';

describeEachDatabase('migration 046 on references stored before it', (database) => {
  it('normalises every stored reference, numbering one that comes to another\'s key, keeps every record and records each change', async () => {
    const { db } = database();
    const delivery = await createDelivery(db, systemContext('test'), { ...unsetDeliveryFields(), ...procurement, title: 'Munitie', contractReference: 'ＤＭＯ\u20021' });
    await licenseForShipment(db, delivery.id);
    const [licence] = await db.selectFrom('exportLicence').selectAll().where('deliveryId', '=', delivery.id).execute();
    const at = (day: number) => `2025-01-0${day}T00:00:00Z`;
    const licences = [
      { ...licence!, id: randomUUID(), number: 'Café-1', recordedAt: at(1) },
      { ...licence!, id: randomUUID(), number: 'Cafe\u0301-1', recordedAt: at(2) },
      { ...licence!, id: randomUUID(), number: 'ＮＬ\u202f2', recordedAt: at(3) },
    ];
    await db.insertInto('exportLicence').values(licences).execute();
    const claim = (reference: string, day: number) => ({
      id: randomUUID(), reference, deliveryId: null, batch: 'Munitie', trancheId: null, period: '2024', declaredCents: 100, declaredOn: '2025-01-01', note: '', isDemonstration: false, recordedAt: at(day),
    });
    const claims = [claim('ＥＰＦ-1', 1), claim('epf-1', 2), claim(`${'Ｅ'.repeat(100)}`, 3)];
    await db.insertInto('epfClaim').values(claims).execute();
    const companies = await db
      .insertInto('company')
      .values([['KVK 1', 1], ['ＫＶＫ\u30001', 2]].map(([registrationNumber, day]) => ({ id: randomUUID(), name: `Werf ${day}`, country: 'NL', registrationNumber: registrationNumber as string, isDemonstration: false, createdAt: at(day as number) })))
      .returning('id')
      .execute();
    const contracts = [['G2B\u00a01', 1], ['Ｇ２Ｂ 1', 2]].map(([reference, day]) => ({
      id: randomUUID(), companyId: companies[0]!.id, reference: reference as string, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', isDemonstration: false, createdAt: at(day as number),
    }));
    await db.insertInto('industryContract').values(contracts).execute();
    const payment = await db.insertInto('payment').values({ id: randomUUID(), deliveryId: delivery.id, amountCents: 100, paidOn: '2025-01-01', reference: 'ＩＮＶ\u20607', note: '' }).returning('id').executeTakeFirstOrThrow();
    const commitment = await db
      .insertInto('budgetCommitment')
      .values({ id: randomUUID(), title: 'Munitie', fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId: delivery.id, contractReference: 'ＤＭＯ\u00a02', isDemonstration: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const imported = ['VB-1', 'ＶＢ-1', 'ＶＢ-2', 'ｖｂ-2', 'ＶＢ\u20023'].map((externalReference) => ({ sheet: 'delivery', externalReference, recordId: randomUUID(), importId: randomUUID() }));
    await db.insertInto('importedRecord').values(imported).execute();
    // Taken back to before migration 046, which was before the guards that keep payments and licences (migrations 065 and 073).
    await sql`alter table payment disable trigger payment_kept`.execute(db);
    await sql`alter table export_licence disable trigger export_licence_kept`.execute(db);
    await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);

    expect(await migrate(database())).toEqual([MIGRATION]);
    const texts = async (table: 'exportLicence' | 'epfClaim' | 'industryContract' | 'company', column: 'number' | 'reference' | 'registrationNumber', rows: { id: string }[]) => {
      const found = await db.selectFrom(table).select(['id', sql<string | null>`${sql.ref(column)}`.as('text')]).where('id', 'in', rows.map((row) => row.id)).execute();
      return rows.map((row) => found.find((record) => record.id === row.id)!.text);
    };
    expect(await texts('exportLicence', 'number', licences)).toEqual(['Café-1', 'Café-1 (2)', 'NL 2']);
    expect(await texts('epfClaim', 'reference', claims)).toEqual(['EPF-1 (2)', 'epf-1', 'E'.repeat(100)]);
    expect(await texts('company', 'registrationNumber', companies)).toEqual(['KVK 1', 'KVK 1 (2)']);
    expect(await texts('industryContract', 'reference', contracts)).toEqual(['G2B 1', 'G2B 1 (2)']);
    expect((await db.selectFrom('payment').select('reference').where('id', '=', payment.id).executeTakeFirstOrThrow()).reference).toBe('INV\u20607');
    expect((await db.selectFrom('delivery').select('contractReference').where('id', '=', delivery.id).executeTakeFirstOrThrow()).contractReference).toBe('DMO 1');
    expect((await db.selectFrom('budgetCommitment').select('contractReference').where('id', '=', commitment.id).executeTakeFirstOrThrow()).contractReference).toBe('DMO 2');
    const records = await db.selectFrom('importedRecord').select('externalReference').where('sheet', '=', 'delivery').orderBy('externalReference').execute();
    expect(records.map((record) => record.externalReference)).toEqual(['VB 3', 'VB-1', 'VB-2', 'vb-2', 'ＶＢ-1']);

    const ofDelivery = { type: 'delivery', id: delivery.id };
    const licenceChange = (index: number, before: string, after: string) => ({ object: ofDelivery, before: { licence: licences[index]!.id, number: before }, after: { licence: licences[index]!.id, number: after } });
    const change = (type: string, id: string, field: string, before: string, after: string) => ({ object: { type, id }, before: { [field]: before }, after: { [field]: after } });
    const importChange = (index: number, after: string) => {
      const { importId, externalReference, ...record } = imported[index]!;
      return { object: { type: 'import', id: importId }, before: { ...record, externalReference }, after: { ...record, externalReference: after } };
    };
    expect(await changesRecordedBy(db, MIGRATION)).toEqual([
      licenceChange(1, 'Cafe\u0301-1', 'Café-1 (2)'),
      licenceChange(2, 'ＮＬ\u202f2', 'NL 2'),
      change('epfClaim', claims[0]!.id, 'reference', 'ＥＰＦ-1', 'EPF-1 (2)'),
      change('epfClaim', claims[2]!.id, 'reference', 'Ｅ'.repeat(100), 'E'.repeat(100)),
      change('industryContract', contracts[0]!.id, 'reference', 'G2B\u00a01', 'G2B 1'),
      change('industryContract', contracts[1]!.id, 'reference', 'Ｇ２Ｂ 1', 'G2B 1 (2)'),
      change('company', companies[1]!.id, 'registrationNumber', 'ＫＶＫ\u30001', 'KVK 1 (2)'),
      { object: ofDelivery, before: { payment: payment.id, reference: 'ＩＮＶ\u20607' }, after: { payment: payment.id, reference: 'INV\u20607' } },
      change('delivery', delivery.id, 'contractReference', 'ＤＭＯ\u20021', 'DMO 1'),
      change('budgetCommitment', commitment.id, 'contractReference', 'ＤＭＯ\u00a02', 'DMO 2'),
      importChange(2, 'VB-2'),
      importChange(4, 'VB 3'),
      importChange(3, 'vb-2'),
    ]);
  });
});
