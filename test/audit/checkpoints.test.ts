import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MalformedCheckpointError, openCheckpointStore, readCheckpoints, refuseChainBehindCheckpoints, startCheckpointing, writeCheckpoint } from '../../src/audit/checkpoints.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { lastAuditEvent } from '../../src/db/repositories/audit.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';

const context = systemContext('test');
/** How long a checkpoint the timer starts may take to appear: a bound for a busy machine, not a speed to keep. */
const UNTIL_WRITTEN = { timeout: 20_000 };

describe('the checkpoint store', () => {
  let database: ScratchDatabase;
  let directory: string;
  const record = () => recordAuditEvent(database.handle.db, context, { action: 'session.login', result: 'denied' });
  const lastSeq = async () => (await lastAuditEvent(database.handle.db))?.seq;

  beforeAll(async () => {
    database = await openScratchPGlite();
  });
  afterAll(() => database.dispose());
  beforeEach(() => {
    directory = join(mkdtempSync(join(tmpdir(), 'steunregister-audit-')), 'audit');
  });
  afterEach(() => rmSync(join(directory, '..'), { recursive: true, force: true }));

  it('makes a key pair once, the private key readable by its owner only', async () => {
    const store = await openCheckpointStore(directory);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(statSync(join(directory, 'checkpoint-signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(directory, 'checkpoint-signing-key.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await openCheckpointStore(directory);
    expect(again.publicKey.equals(store.publicKey)).toBe(true);
  });

  it('restores a lost public key from the private key, and refuses a public key without its private key', async () => {
    const store = await openCheckpointStore(directory);
    unlinkSync(join(directory, 'checkpoint-signing-key.pub.pem'));
    expect((await openCheckpointStore(directory)).publicKey.equals(store.publicKey)).toBe(true);
    unlinkSync(join(directory, 'checkpoint-signing-key.pem'));
    await expect(openCheckpointStore(directory)).rejects.toThrow(/has no private key beside it/);
  });

  it('signs a checkpoint only when the chain grew, one line each', async () => {
    const store = await openCheckpointStore(directory);
    await record();
    const first = await writeCheckpoint(database.handle.db, store, new Date('2025-09-10T08:00:00Z'));
    expect(first).toMatchObject({ format: 'steunregister-audit-checkpoint/1', seq: await lastSeq(), at: '2025-09-10T08:00:00.000Z' });
    expect(await writeCheckpoint(database.handle.db, store, new Date())).toBeUndefined();
    await record();
    const second = await writeCheckpoint(database.handle.db, store, new Date());
    expect(await readCheckpoints(directory)).toEqual([first, second]);
  });

  it('has the database write its commits to disk before it signs them, and only then', async () => {
    const store = await openCheckpointStore(directory);
    await record();
    const linesWhenDurable: number[] = [];
    const makeDurable = vi.fn(async () => {
      linesWhenDurable.push((await readCheckpoints(directory)).length);
    });
    await writeCheckpoint(database.handle.db, store, new Date(), makeDurable);
    expect(linesWhenDurable).toEqual([0]);
    expect(await readCheckpoints(directory)).toHaveLength(1);
    await writeCheckpoint(database.handle.db, store, new Date(), makeDurable);
    expect(makeDurable).toHaveBeenCalledTimes(1);
  });

  it('keeps a line cut short by a crash apart from the next checkpoint, and passes over it', async () => {
    const store = await openCheckpointStore(directory);
    await record();
    const first = await writeCheckpoint(database.handle.db, store, new Date());
    for (const cutShort of ['{"format":"steunregister-audit-chec', `${JSON.stringify(first).slice(0, -20)}`]) {
      appendFileSync(join(directory, 'checkpoints.jsonl'), cutShort);
      await record();
      const next = await writeCheckpoint(database.handle.db, store, new Date());
      expect(readFileSync(join(directory, 'checkpoints.jsonl'), 'utf8').split('\n').at(-2)).toBe(JSON.stringify(next));
    }
    expect(await readCheckpoints(directory)).toHaveLength(3);
    expect(await verifyAuditTrail(database.handle.db, { checkpointDirectory: directory })).toMatchObject({ ok: true, checkpointsChecked: 3 });
  });

  it('refuses a line changed into no checkpoint, which passed over would lift the refusal of a chain behind it', async () => {
    const store = await openCheckpointStore(directory);
    await record();
    await writeCheckpoint(database.handle.db, store, new Date());
    const path = join(directory, 'checkpoints.jsonl');
    writeFileSync(path, `X${readFileSync(path, 'utf8')}`);
    await expect(readCheckpoints(directory)).rejects.toThrow(MalformedCheckpointError);
    await expect(refuseChainBehindCheckpoints(database.handle.db, directory)).rejects.toThrow('line 1 of checkpoints.jsonl is not a checkpoint: it was changed');
  });

  it('checkpoints at the start, at every interval and at the stop', async () => {
    await record();
    const onError = vi.fn();
    const checkpointing = await startCheckpointing({ db: database.handle.db, directory, intervalMs: 20, onError });
    expect((await readCheckpoints(directory)).map((checkpoint) => checkpoint.seq)).toEqual([await lastSeq()]);
    await record();
    const grown = await lastSeq();
    await vi.waitFor(async () => expect((await readCheckpoints(directory)).at(-1)?.seq).toBe(grown), UNTIL_WRITTEN);
    await record();
    await checkpointing.stop();
    expect((await readCheckpoints(directory)).map((checkpoint) => checkpoint.seq)).toEqual([grown! - 1, grown, grown! + 1]);
    expect(onError).not.toHaveBeenCalled();
    expect(await verifyAuditTrail(database.handle.db, { checkpointDirectory: directory })).toMatchObject({ ok: true, checkpointsChecked: 3 });
  });

  it('reports a checkpoint that cannot be written, and keeps trying', async () => {
    await record();
    const onError = vi.fn();
    const checkpointing = await startCheckpointing({ db: database.handle.db, directory, intervalMs: 20, onError });
    const file = join(directory, 'checkpoints.jsonl');
    const written = readFileSync(file, 'utf8');
    unlinkSync(file);
    mkdirSync(file);
    await record();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'EISDIR' })), UNTIL_WRITTEN);
    rmSync(file, { recursive: true });
    writeFileSync(file, written);
    const grown = await lastSeq();
    await vi.waitFor(async () => expect((await readCheckpoints(directory)).at(-1)?.seq).toBe(grown), UNTIL_WRITTEN);
    await checkpointing.stop();
  });

  it('refuses an interval a timer cannot keep', async () => {
    await expect(startCheckpointing({ db: database.handle.db, directory, intervalMs: 0, onError: () => {} })).rejects.toThrow(RangeError);
    await expect(startCheckpointing({ db: database.handle.db, directory, intervalMs: 2 ** 31, onError: () => {} })).rejects.toThrow(RangeError);
  });
});
