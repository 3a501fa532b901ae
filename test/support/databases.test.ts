import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { describeEachDatabase } from './databases.ts';

describeEachDatabase('test databases', (database) => {
  it('arrive migrated, and migrating again changes nothing', async () => {
    const applied = await database().db.selectFrom('schemaMigration').select('name').execute();
    expect(applied.map((row) => row.name)).toContain('001_register.sql');
    expect(await migrate(database())).toEqual([]);
  });

  it('return dates as ISO date text and bigints as exact numbers', async () => {
    const id = randomUUID();
    await database()
      .db.insertInto('delivery')
      .values({
        id,
        title: 'Round trip',
        description: '',
        category: 'ammunition',
        quantity: Number.MAX_SAFE_INTEGER,
        supportType: 'stock',
        fundingSource: 'ukraineSupportBudget',
        pledgedAt: '2024-02-29',
        sources: '[]',
        isDemonstration: false,
      })
      .execute();
    const row = await database()
      .db.selectFrom('delivery')
      .select(['pledgedAt', 'quantity'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ pledgedAt: '2024-02-29', quantity: Number.MAX_SAFE_INTEGER });
  });
});
