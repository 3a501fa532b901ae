/**
 * Migration 043 makes licence numbers, EPF claim references, a company's contract references and a
 * company's registration number in its country unique whatever their case and spacing. A register that
 * already holds records under one key keeps them all, the later ones told apart by a number, each with an
 * audit event in the migration's name. The database is taken back to before it and migrated again.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { migrate } from '../../src/db/migrate.ts';
import { UNIQUE_CLAIM_REFERENCE } from '../../src/db/repositories/epf.ts';
import { UNIQUE_LICENCE_NUMBER } from '../../src/db/repositories/export-control.ts';
import { UNIQUE_CONTRACT_REFERENCE, UNIQUE_REGISTRATION_NUMBER } from '../../src/db/repositories/industry.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { licenseForShipment } from '../support/export-control.ts';
import { changesRecordedBy } from '../support/migration-events.ts';
import { undoMigration043 } from '../support/undo-migration-043.ts';

describeEachDatabase('migration 043 on records recorded before it', (database) => {
  it('numbers the later records under one key in the order recorded, past a number already taken, records each change, and then refuses another', async () => {
    const { db } = database();
    const delivery = await createDelivery(db, systemContext('test'), { ...unsetDeliveryFields(), ...procurement, title: 'Munitie' });
    await licenseForShipment(db, delivery.id);
    await undoMigration043(db);

    const at = (day: number) => `2025-01-0${day}T00:00:00Z`;
    const [licence] = await db.selectFrom('exportLicence').selectAll().where('deliveryId', '=', delivery.id).execute();
    const licences = [
      { ...licence!, id: randomUUID(), number: 'NL-1', recordedAt: at(1) },
      { ...licence!, id: randomUUID(), number: 'nl-1', recordedAt: at(3) },
      { ...licence!, id: randomUUID(), number: 'Nl-1', recordedAt: at(2) },
      { ...licence!, id: randomUUID(), number: 'NL-1 (2)', recordedAt: at(4) },
      { ...licence!, id: randomUUID(), number: 'NL 1', recordedAt: at(2) },
      { ...licence!, id: randomUUID(), number: 'nl  1', recordedAt: at(3) },
    ];
    await db.insertInto('exportLicence').values(licences).execute();

    const claim = (reference: string, day: number) => ({
      id: randomUUID(), reference, deliveryId: null, batch: 'Munitie', trancheId: null, period: '2024', declaredCents: 100, declaredOn: '2025-01-01', note: '', isDemonstration: false, recordedAt: at(day),
    });
    const longest = 'E'.repeat(100);
    const claims = [claim('EPF-1', 1), claim('epf-1', 2), claim(longest, 1), claim(longest.toLowerCase(), 2)];
    await db.insertInto('epfClaim').values(claims).execute();

    const companyOf = async (name: string, country: string, registrationNumber: string | null, day: number) =>
      (await db.insertInto('company').values({ id: randomUUID(), name, country, registrationNumber, isDemonstration: false, createdAt: at(day) }).returning('id').executeTakeFirstOrThrow()).id;
    const companies = [
      await companyOf('Eerste B.V.', 'NL', 'KvK 1', 1),
      await companyOf('Tweede B.V.', 'NL', 'kvk 1', 2),
      await companyOf('Derde B.V.', 'BE', 'KVK 1', 3),
      await companyOf('Vierde B.V.', 'NL', null, 4),
      await companyOf('Vijfde B.V.', 'NL', null, 5),
    ];
    const contract = (companyId: string, reference: string, day: number) => ({
      id: randomUUID(), companyId, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', isDemonstration: false, createdAt: at(day),
    });
    const contracts = [contract(companies[0]!, 'G2B-1', 1), contract(companies[0]!, 'g2b-1', 2), contract(companies[1]!, 'G2B-1', 3)];
    await db.insertInto('industryContract').values(contracts).execute();

    expect(await migrate(database())).toEqual(['043_references_unique_whatever_their_case.sql']);
    const stored = async <T extends { id: string }>(table: 'exportLicence' | 'epfClaim' | 'industryContract' | 'company', column: 'number' | 'reference' | 'registrationNumber', rows: T[]) => {
      const found = await db.selectFrom(table).select(['id', sql<string | null>`${sql.ref(column)}`.as('text')]).where('id', 'in', rows.map((row) => row.id)).execute();
      return rows.map((row) => found.find((record) => record.id === row.id)!.text);
    };
    expect(await stored('exportLicence', 'number', licences)).toEqual(['NL-1', 'nl-1 (4)', 'Nl-1 (3)', 'NL-1 (2)', 'NL 1', 'nl  1 (2)']);
    expect(await stored('epfClaim', 'reference', claims)).toEqual(['EPF-1', 'epf-1 (2)', longest, `${'e'.repeat(96)} (2)`]);
    expect(await stored('company', 'registrationNumber', companies.map((id) => ({ id })))).toEqual(['KvK 1', 'kvk 1 (2)', 'KVK 1', null, null]);
    expect(await stored('industryContract', 'reference', contracts)).toEqual(['G2B-1', 'g2b-1 (2)', 'G2B-1']);

    const licenceChange = (index: number, after: string) => ({
      object: { type: 'delivery', id: delivery.id },
      before: { licence: licences[index]!.id, number: licences[index]!.number },
      after: { licence: licences[index]!.id, number: after },
    });
    const change = (type: string, row: { id: string }, field: string, before: string, after: string) => ({ object: { type, id: row.id }, before: { [field]: before }, after: { [field]: after } });
    const changes = await changesRecordedBy(db, '043_references_unique_whatever_their_case.sql');
    const expected = [
      licenceChange(1, 'nl-1 (4)'),
      licenceChange(2, 'Nl-1 (3)'),
      licenceChange(5, 'nl  1 (2)'),
      change('epfClaim', claims[1]!, 'reference', 'epf-1', 'epf-1 (2)'),
      change('epfClaim', claims[3]!, 'reference', longest.toLowerCase(), `${'e'.repeat(96)} (2)`),
      change('company', { id: companies[1]! }, 'registrationNumber', 'kvk 1', 'kvk 1 (2)'),
      change('industryContract', contracts[1]!, 'reference', 'g2b-1', 'g2b-1 (2)'),
    ];
    // Each once, in any order: records recorded at the same moment are numbered in the order of their random ids.
    expect(changes).toHaveLength(expected.length);
    expect(changes).toEqual(expect.arrayContaining(expected));

    await expect(db.insertInto('exportLicence').values({ ...licence!, id: randomUUID(), number: 'nL-1' }).execute()).rejects.toMatchObject({ constraint: UNIQUE_LICENCE_NUMBER });
    await expect(db.insertInto('epfClaim').values(claim('Epf-1', 5)).execute()).rejects.toMatchObject({ constraint: UNIQUE_CLAIM_REFERENCE });
    await expect(db.updateTable('epfClaim').set({ note: 'Gewijzigd' }).where('id', '=', claims[0]!.id).execute()).rejects.toThrow(/never changed/);
    await expect(companyOf('Zesde B.V.', 'NL', 'KVK\u00a01', 6)).rejects.toMatchObject({ constraint: UNIQUE_REGISTRATION_NUMBER });
    await expect(db.insertInto('industryContract').values(contract(companies[1]!, 'g2b-1', 6)).execute()).rejects.toMatchObject({ constraint: UNIQUE_CONTRACT_REFERENCE });
  });
});
