/**
 * Deliveries created at the same moment are written several to a statement (writeDeliveryCreate): each one
 * still commits with its audit event and its request's key or not at all, each event says what its row
 * stores, the chain stays whole, and a create the database refuses fails alone.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/event.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { prepareAuditEvent } from '../../src/db/repositories/audit.ts';
import { writeDeliveryCreate, type DeliveryCreate } from '../../src/db/repositories/delivery-creates.ts';
import { findDelivery, newStoredDelivery } from '../../src/db/repositories/deliveries.ts';
import { findIdempotentRequest } from '../../src/db/repositories/idempotency.ts';
import { UniqueViolationError, typedDatabaseError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/schema.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import type { Kysely } from 'kysely';
import { describeEachDatabase } from '../support/databases.ts';

const context = systemContext('tester');
const CREATES = 40;

function deliveryCreate(number: number, options: { category?: string; key?: string; accountId?: string } = {}): DeliveryCreate {
  const now = new Date();
  const fields = { ...unsetDeliveryFields(), title: `Verkenningsdrones, partij ${number}`, category: options.category ?? 'drones', supportType: 'stock', fundingSource: 'defenceBudget', isDemonstration: false } as const;
  const delivery = newStoredDelivery(randomUUID(), fields as never, now);
  const entry = { action: 'delivery.create', object: { type: 'delivery', id: delivery.id }, result: 'success', after: delivery } satisfies AuditEntry;
  const key = options.key && options.accountId
    ? { request: { accountId: options.accountId, key: options.key, fingerprint: 'f'.repeat(64), status: 201, headers: {}, body: 'sealed', createdAt: now.toISOString() }, expiredBefore: undefined }
    : undefined;
  return { delivery, event: prepareAuditEvent(context, entry, now), key };
}

/** The transactions that wrote these deliveries: rows a statement wrote share its transaction's id. */
async function transactionsOf(db: Kysely<Database>, ids: string[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(distinct xmin::text) as n from delivery where id in (${sql.join(ids)})`.execute(db);
  return Number(rows[0]!.n);
}

async function someAccount(db: Kysely<Database>): Promise<string> {
  const id = randomUUID();
  await db.insertInto('account').values({ id, username: `tester-${id.slice(0, 8)}`, role: 'registrar', passwordHash: null, displayName: 'Tester', totpSecret: null, totpLastStep: null, oidcSubject: null, email: null, disabledAt: null }).execute();
  return id;
}

describeEachDatabase('deliveries created at the same moment', (database) => {
  it('are written several to a statement, each with its event and key, the chain whole', async () => {
    const { db } = database();
    const accountId = await someAccount(db);
    const creates = Array.from({ length: CREATES }, (_, number) => deliveryCreate(number, { key: `sleutel-${number}`, accountId }));
    await Promise.all(creates.map((create) => writeDeliveryCreate(db, create)));

    const ids = creates.map((create) => create.delivery.id);
    expect(await transactionsOf(db, ids)).toBeLessThan(CREATES);
    for (const [number, create] of creates.entries()) {
      const stored = await findDelivery(db, create.delivery.id);
      expect(stored).toEqual(create.delivery);
      const events = await db.selectFrom('auditEvent').select('canonical').where('objectId', '=', create.delivery.id).execute();
      expect(events.map((event) => JSON.parse(event.canonical).after)).toEqual([stored]);
      expect(await findIdempotentRequest(db, accountId, `sleutel-${number}`)).toBeDefined();
    }
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it('fail alone where the database refuses one: its delivery and event are not written, the others are', async () => {
    const { db } = database();
    const accountId = await someAccount(db);
    await writeDeliveryCreate(db, deliveryCreate(0, { key: 'gebruikt', accountId }));
    const eventsBefore = (await db.selectFrom('auditEvent').select('seq').execute()).length;
    const refusedCategory = 5;
    const keyStoredBefore = 9;
    const creates = Array.from({ length: CREATES }, (_, number) =>
      deliveryCreate(number, {
        ...(number === refusedCategory ? { category: 'ships' } : {}),
        key: number === keyStoredBefore ? 'gebruikt' : `nieuw-${number}`,
        accountId,
      }),
    );
    const outcomes = await Promise.allSettled(creates.map((create) => writeDeliveryCreate(db, create)));

    for (const [number, outcome] of outcomes.entries()) {
      const stored = await findDelivery(db, creates[number]!.delivery.id);
      if (number === refusedCategory) {
        expect(outcome.status).toBe('rejected');
        expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/check constraint|violates/);
        expect(stored).toBeUndefined();
      } else if (number === keyStoredBefore) {
        expect(outcome.status).toBe('rejected');
        expect(typedDatabaseError((outcome as PromiseRejectedResult).reason)).toBeInstanceOf(UniqueViolationError);
        expect(stored).toBeUndefined();
      } else {
        expect(outcome.status).toBe('fulfilled');
        expect(stored).toEqual(creates[number]!.delivery);
      }
    }
    expect((await db.selectFrom('auditEvent').select('seq').execute()).length).toBe(eventsBefore + CREATES - 2);
    expect(await db.selectFrom('auditEventPending').select('id').execute()).toEqual([]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });
});
