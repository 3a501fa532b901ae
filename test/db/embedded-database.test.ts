import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { DataDirLockedError } from '../../src/db/data-dir-lock.ts';
import { migrate } from '../../src/db/migrate.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createDelivery, getDelivery } from '../../src/register/deliveries.ts';
import { systemContext } from '../../src/audit/trail.ts';

describe('the embedded database in a data directory', () => {
  const folders: string[] = [];
  const newDataDir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'steunregister-data-'));
    folders.push(folder);
    return join(folder, 'data');
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps what was written across a restart', async () => {
    const dataDir = newDataDir();
    const first = await openDatabase({ dataDir });
    await migrate(first);
    const created = await createDelivery(first.db, systemContext('test'), {
      ...unsetDeliveryFields(),
      title: 'Blijft bewaard',
      category: 'other',
      supportType: 'stock',
      fundingSource: 'defenceBudget',
      pledgedAt: '2025-01-01',
    });
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await migrate(second)).toEqual([]);
    expect((await getDelivery(second.db, created.id)).title).toBe('Blijft bewaard');
    await second.close();
  });

  it('refuses a second opener while the first holds it, and frees it on close', async () => {
    const dataDir = newDataDir();
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another Steunregister process/);
    await first.close();
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = newDataDir();
    const first = await openDatabase({ dataDir });
    await first.close();
    // No process has pid 2^22 + 1 (above Linux's maximum pid), so this lock is stale.
    writeFileSync(join(dataDir, 'steunregister.lock'), String(4_194_305));
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  });
});
