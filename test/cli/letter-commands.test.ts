import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { addValuation } from '../../src/register/deliveries.ts';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';

const STOCK_AGGREGATE = 'eb51ab98-09d6-4275-b358-644a2cc992ed';
const MILLION = 100_000_000; // cents

const letter = (dataDir: string, ...args: string[]) => runCli(dataDir, ['letter', ...args]);

/** Works on the data folder while no command holds it. */
async function withData<T>(dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

describe('the letter commands', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-letters-'));
  const dataDir = join(folder, 'data');
  beforeAll(() => createMigratedDataFolder(dataDir));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('list the letters, and verify a final one against the register: whether its snapshots still hash to their SHA-256, and a line per difference once a revaluation changed it, exiting 2 and 1 for each', async () => {
    const seeded = await runCli(dataDir, ['seed-demo']);
    expect(seeded.output).toContain('Loaded');
    expect(seeded.code).toBe(0);

    const listed = await letter(dataDir, 'list');
    expect(listed.code).toBe(0);
    const lines = listed.output.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2025-08-31 {2}draft {2}2025-09-10 {2}[0-9a-f-]{36}/);
    expect(lines[1]).toMatch(/^2025-02-04 {2}final {2}2025-02-17 {2}[0-9a-f-]{36} {2}sha256 [0-9a-f]{16}… {2}Kamerstuk 22 054, nr\. 453 {2}\(demonstration\)$/);
    const letters = JSON.parse((await letter(dataDir, 'list', '--json')).output) as { id: string; referenceDate: string; status: string; publicSha256: string | null }[];
    const february = letters.find((letter) => letter.referenceDate === '2025-02-04')!;
    const august = letters.find((letter) => letter.referenceDate === '2025-08-31')!;
    expect(february.status).toBe('final');
    expect(lines[1]).toContain(february.id);
    expect(lines[1]).toContain(february.publicSha256!.slice(0, 16));

    const verified = await letter(dataDir, 'verify', february.id);
    expect(verified.code).toBe(0);
    expect(verified.output).toBe(
      `Verified the letter dated 2025-02-17 (reference date 2025-02-04, ${february.id}): its snapshots hash to their SHA-256 ` +
        `(public ${february.publicSha256}) and all 5 figures, the 5 named figures of its text and the annex's rows recomputed from the register equal what it published.\n`,
    );
    expect(await letter(dataDir, 'verify', '2025-02-04')).toEqual(verified);

    expect(await letter(dataDir, 'verify', august.id)).toEqual({
      code: 1,
      output: `the letter of 2025-08-31 (${august.id}) is a draft: only a final letter can be verified\n`,
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await letter(dataDir, 'verify', unknown)).toEqual({ code: 1, output: `there is no letter ${unknown}\n` });
    expect(await letter(dataDir, 'verify', '2025-08-31')).toEqual({ code: 1, output: 'there is no final letter with reference date 2025-08-31\n' });

    // The letter as stored, and its public copy (what the public downloads and hashes), changed behind the
    // database's back (its guards switched off): neither hashes to the SHA-256 any more, which is said
    // whether or not the register changed as well, with exit 2.
    const tampered = (registerChanged: string) =>
      `Snapshots TAMPERED: a stored snapshot of the letter dated 2025-02-17 (reference date 2025-02-04, ${february.id}) no longer hashes to the SHA-256 it was finalised with; ${registerChanged}`;
    const tamper = (table: 'letter' | 'public_letter', column: 'public_snapshot' | 'snapshot', from: string, to: string) =>
      withData(dataDir, async (db) => {
        const trigger = table === 'letter' ? 'letter_final_is_frozen' : 'public_letter_is_frozen';
        await sql`alter table ${sql.table(table)} disable trigger ${sql.ref(trigger)}`.execute(db);
        const result = await sql`update ${sql.table(table)} set ${sql.ref(column)} = replace(${sql.ref(column)}, ${from}, ${to}) where id = ${february.id}`.execute(db);
        await sql`alter table ${sql.table(table)} enable trigger ${sql.ref(trigger)}`.execute(db);
        expect(result.numAffectedRows).toBe(1n);
      });
    await tamper('public_letter', 'snapshot', '€ 2,1 mld.', '€ 2,2 mld.');
    expect(await letter(dataDir, 'verify', february.id)).toEqual({ code: 2, output: `${tampered('the register still gives what it published.')}\n` });
    await tamper('public_letter', 'snapshot', '€ 2,2 mld.', '€ 2,1 mld.');
    expect(await letter(dataDir, 'verify', february.id)).toEqual(verified);

    // A revaluation the register learns of later, effective on the letter's reference date: the register changed
    // since the letter was final, its snapshots untouched; said so, with a line per difference, and exit 1.
    await withData(dataDir, (db) =>
      addValuation(db, systemContext('test'), STOCK_AGGREGATE, {
        amountCents: 2_080 * MILLION + 3,
        currency: 'EUR',
        originalAmountMinor: null,
        exchangeRate: null,
        basis: 'replacementValue',
        effectiveDate: '2025-02-04',
        note: 'Herwaardering',
      }, undefined, ['datedInSentLetterPeriod']));
    const differenceLines = [
      // As the letter printed the figures (€ 2,1 mld., not the € 2,05 mld. a later letter's column gives), and the cents behind them.
      'stock: printed € 2,1 mld. (exactly 205000000000 cents), recomputed € 2,1 mld. (exactly 208000000003 cents), difference +€ 30.000.000,03',
      'total: printed € 5,9 mld. (exactly 588000000000 cents), recomputed € 5,9 mld. (exactly 591000000003 cents), difference +€ 30.000.000,03',
      // As the annex printed them, to the cent.
      'annexTotal: printed € 5.880.000.000,00, recomputed € 5.910.000.000,03, difference +€ 30.000.000,03',
      `annexRow:${STOCK_AGGREGATE}: printed € 2.050.000.000,00, recomputed € 2.080.000.000,03, difference +€ 30.000.000,03`,
    ];
    const differs = await letter(dataDir, 'verify', february.id);
    expect(differs.code).toBe(1);
    expect(differs.output.trim().split('\n')).toEqual([
      `Snapshots intact: the stored snapshots of the letter dated 2025-02-17 (reference date 2025-02-04, ${february.id}) still hash to their SHA-256 (public ${february.publicSha256}); the register changed since it was final:`,
      ...differenceLines,
    ]);

    // Even a change that leaves the same JSON (a space) is a change of the text that was hashed.
    await tamper('letter', 'public_snapshot', '"format":', '"format": ');
    const stored = await letter(dataDir, 'verify', february.id);
    expect(stored.code).toBe(2);
    expect(stored.output.trim().split('\n')).toEqual([tampered('the register changed since it was final:'), ...differenceLines]);
  }, 300_000);

  it('refuse in one line to read a folder that holds no register, and make none there', async () => {
    const mistyped = join(folder, 'no-such-data');
    const missing = await letter(mistyped, 'verify', STOCK_AGGREGATE);
    expect([missing.code, missing.output.trim()]).toEqual([1, expect.stringMatching(new RegExp(`^${mistyped} holds no register: set DATA_DIR`))]);
    expect(existsSync(mistyped)).toBe(false);

    const unmigrated = join(folder, 'unmigrated');
    await (await openDatabase({ dataDir: unmigrated })).close();
    const listed = await letter(unmigrated, 'list');
    expect([listed.code, listed.output.trim()]).toEqual([1, expect.stringMatching(new RegExp(`^${unmigrated} holds no register: set DATA_DIR`))]);
  });
});
