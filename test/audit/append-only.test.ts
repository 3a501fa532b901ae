import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery } from '../../src/register/deliveries.ts';
import { apiClient } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const context = systemContext('test');
const delivery = { ...unsetDeliveryFields(), title: 'Mijnenjagers', category: 'warships' as const, supportType: 'stock' as const, fundingSource: 'defenceBudget' as const };

describeEachDatabase('the audit trail is append-only', (database) => {
  beforeAll(async () => {
    await createDelivery(database().db, context, delivery);
  });

  it('refuses to change, remove or empty events through the application connection', async () => {
    const { db } = database();
    await expect(db.updateTable('auditEvent').set({ action: 'delivery.delete' }).where('seq', '=', 1).execute()).rejects.toThrow(/cannot be changed or removed/);
    await expect(db.deleteFrom('auditEvent').where('seq', '=', 1).execute()).rejects.toThrow(/cannot be changed or removed/);
    await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/cannot be changed or removed/);
    expect(await db.selectFrom('auditEvent').select(['seq', 'action']).execute()).toEqual([{ seq: 1, action: 'delivery.create' }]);
  });

  it('lets an action fail, storing nothing, when its event cannot be written', async () => {
    const { db } = database();
    const call = apiClient(db, { role: 'registrar', api: createApi({ db }) });
    // Opens the session before audit events start to fail.
    expect((await call('GET', '/deliveries')).status).toBe(200);
    const counts = async () => ({
      deliveries: Number((await db.selectFrom('delivery').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      events: Number((await db.selectFrom('auditEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    const before = await counts();

    await sql`create function refuse_audit_insert() returns trigger language plpgsql as $$
      begin raise exception 'the audit store is unavailable'; end $$`.execute(db);
    await sql`create trigger audit_event_unavailable before insert on audit_event for each row execute function refuse_audit_insert()`.execute(db);
    try {
      await expect(createDelivery(db, context, { ...delivery, title: 'Zonder spoor' })).rejects.toThrow(/the audit store is unavailable/);
      await expect(recordAuditEvent(db, context, { action: 'session.login', result: 'denied' })).rejects.toThrow(/the audit store is unavailable/);
      const response = await call('POST', '/deliveries', { title: 'Zonder spoor', category: 'warships', supportType: 'stock', fundingSource: 'defenceBudget' });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger audit_event_unavailable on audit_event`.execute(db);
      await sql`drop function refuse_audit_insert()`.execute(db);
    }

    await createDelivery(db, context, { ...delivery, title: 'Weer met spoor' });
    expect(await counts()).toEqual({ deliveries: before.deliveries + 1, events: before.events + 1 });
  });
});
