import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';
import { addEntriesAtTheCeiling } from '../support/totals-beyond-exact-numbers.ts';

const PURL = '9decc899-e686-494c-be62-6a52efcef57a';

async function auditEvents(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    return await handle.db.selectFrom('auditEvent').select(['action', 'objectType', 'objectId', 'result', 'actorName', 'canonical']).orderBy('seq').execute();
  } finally {
    await handle.close();
  }
}

describe('the budget and EPF commands', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-budget-'));
  const dataDir = join(folder, 'data');
  beforeAll(() => createMigratedDataFolder(dataDir));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('record a decision, refuse a shift larger than its year holds, record a commitment and its next stage, and an EPF claim with the rules and the audit trail of the API', async () => {
    expect((await runCli(dataDir, ['seed-demo'])).code).toBe(0);
    const before = (await auditEvents(dataDir)).length;
    const fund = ['--fund', 'internationalSecurityBudget'];

    const decided = await runCli(dataDir, ['budget', 'decision', '--moment', 'Najaarsnota 2025', '--decided-on', '2025-08-01', ...fund, '--first-year', '2025', '--last-year', '2026', '--amount', '2025=100.000.000', '--amount', '2026=50.000.000']);
    expect(decided.output).toMatch(/^Recorded budget decision [0-9a-f-]{36}: Najaarsnota 2025, € 150\.000\.000,00\n$/);

    const tooLarge = await runCli(dataDir, ['budget', 'shift', '--moment', 'Najaarsnota 2025', '--decided-on', '2025-08-01', ...fund, '--from-year', '2027', '--to-year', '2025', '--amount', '500.000.000']);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.output).toContain('--amount: On that date (or after it) the year 2027 holds no more than €400,000,000.00.');

    const committed = await runCli(dataDir, ['budget', 'commitment', '--title', 'Munitie 2025', ...fund, '--budget-year', '2025', '--stage', 'pledged', '--amount', '25.000.000', '--effective-on', '2025-08-01']);
    const commitmentId = /Recorded commitment ([0-9a-f-]{36})/.exec(committed.output)![1]!;
    const staged = await runCli(dataDir, ['budget', 'stage', commitmentId, '--stage', 'committed', '--amount', '24.000.000', '--effective-on', '2025-08-15']);
    expect(staged.output).toContain('is now committed for € 24.000.000,00');

    const aboveDelivered = await runCli(dataDir, ['epf', 'claim', '--reference', 'EPF-NL-2025-09', '--delivery-id', PURL, '--period', 'aug. 2025', '--declared', '600.000.000', '--declared-on', '2025-08-20']);
    expect(aboveDelivered.code).toBe(1);
    expect(aboveDelivered.output).toContain('--declared: This is more than was delivered');
    // Typed in fullwidth letters, the reference is recorded in the form the register keeps references in.
    const claimed = await runCli(dataDir, ['epf', 'claim', '--reference', 'ＥＰＦ-NL-2025-09', '--delivery-id', PURL, '--period', 'aug. 2025', '--declared', '400.000.000', '--declared-on', '2025-08-20']);
    expect(claimed.output).toMatch(/^Recorded claim EPF-NL-2025-09 \([0-9a-f-]{36}\): € 400\.000\.000,00 declared, open\n$/);

    const listed = await runCli(dataDir, ['epf', 'list', '--date', '2025-08-31']);
    expect(listed.output).toMatch(/Gedeclareerd \(t\/m 2025-08-20\) +€ 3\.705 mln\./);
    expect(listed.output).toMatch(/Werk als uitvoerder voor de EU \(niet in Nederlandse totalen\) +€ 100 mln\./);
    expect(listed.output).toMatch(/EPF-NL-2025-09 +2025-08-20 +€ 400 mln\. +open/);

    const events = (await auditEvents(dataDir)).slice(before);
    expect(events.map((event) => `${event.action} ${event.result}`)).toEqual([
      'budgetDecision.create success',
      'access failure',
      'budgetCommitment.create success',
      'budgetCommitment.stage success',
      'access failure',
      'epf.claim.create success',
    ]);
    expect(events.every((event) => event.actorName?.startsWith('cli:'))).toBe(true);
    expect(JSON.parse(events[1]!.canonical).detail).toEqual({ command: 'budget shift', fields: ['amountCents'], reason: 'invalidInput' });
  });

  it('names the option the operator typed for each field a refusal is about, not the field of the API', async () => {
    const fund = ['--fund', 'internationalSecurityBudget'];
    const outsidePeriod = await runCli(dataDir, ['budget', 'decision', '--moment', 'Najaarsnota 2025', '--decided-on', '2025-08-01', ...fund, '--first-year', '2026', '--last-year', '2025', '--amount', '2026=1.000', '--amount', '2024=1.000']);
    expect(outsidePeriod.code).toBe(1);
    expect(outsidePeriod.output).toMatch(/^--last-year: /m);
    expect(outsidePeriod.output).not.toMatch(/lastYear|amounts\./);
  });

  it('refuses an amount option it cannot read (no amount, or no year before =) by the option and the value as typed, saying why, and records nothing', async () => {
    const before = (await auditEvents(dataDir)).length;
    const decision = ['budget', 'decision', '--moment', 'Najaarsnota 2025', '--decided-on', '2025-08-01', '--fund', 'defenceBudget', '--first-year', '2025', '--last-year', '2025'];
    const ambiguous = await runCli(dataDir, [...decision, '--amount', '2025=1,234']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.output).toContain("error: option '--amount <year=euro>' argument '2025=1,234' is invalid. 1,234 can be read two ways: with a comma between thousands or with a decimal comma.");
    expect(ambiguous.output).not.toContain('amountCents');
    expect((await runCli(dataDir, [...decision, '--amount', '2025=veel'])).output).toContain("argument '2025=veel' is invalid. Enter an amount in euros, such as 1,234.56 or €1,234.56.");
    expect((await runCli(dataDir, [...decision, '--amount', 'x=1.000'])).output).toContain("argument 'x=1.000' is invalid. use YEAR=AMOUNT with a year of four digits, e.g. 2025=400.000.000");
    const claim = await runCli(dataDir, ['epf', 'claim', '--reference', 'EPF-NL-2025-10', '--batch', 'Leveringen', '--period', 'sep. 2025', '--declared', '12,500', '--declared-on', '2025-09-01']);
    expect([claim.code, claim.output]).toEqual([1, expect.stringContaining("error: option '--declared <euro>' argument '12,500' is invalid. 12,500 can be read two ways")]);
    expect(await auditEvents(dataDir)).toHaveLength(before);
  });

  it('refuses an EPF claim for a period beyond this year, by the option typed, as the API refuses it', async () => {
    const claim = await runCli(dataDir, ['epf', 'claim', '--reference', 'EPF-NL-2099', '--batch', 'Leveringen', '--period', 'sep 2099', '--declared', '12.500', '--declared-on', '2025-09-01']);
    expect([claim.code, claim.output]).toEqual([1, `--period: This period names 2099; name a period within the years 2014 to ${new Date().getUTCFullYear()}.\n`]);
  });

  it('refuses an EPF claim declared in the period of the letter sent to parliament as the API warns of it, and records it with --confirm, its audit event keeping the confirmation', async () => {
    // The demonstration's letter of 4 February 2025 was sent.
    const claim = ['epf', 'claim', '--reference', 'EPF-NL-2025-01', '--batch', 'Leveringen', '--period', 'jan. 2025', '--declared', '12.500', '--declared-on', '2025-01-15'];
    const before = (await auditEvents(dataDir)).length;
    const warned = await runCli(dataDir, claim);
    expect(warned.code).toBe(1);
    expect(warned.output).toMatch(/^--declared-on: 15 January 2025 falls in the period of the letter with reference date 4 February 2025 .*\nIf that is meant, record it with --confirm datedInSentLetterPeriod\.\n$/);
    expect(await auditEvents(dataDir)).toHaveLength(before);

    const recorded = await runCli(dataDir, [...claim, '--confirm', 'datedInSentLetterPeriod']);
    expect([recorded.code, recorded.output]).toEqual([0, expect.stringContaining('Recorded claim EPF-NL-2025-01')]);
    const created = (await auditEvents(dataDir)).at(-1)!;
    expect([created.action, JSON.parse(created.canonical).detail.confirmedWarnings[0].code]).toEqual(['epf.claim.create', 'datedInSentLetterPeriod']);
  });

  it('lists the budget per year in Dutch, the realisation pace with a decimal comma', async () => {
    expect((await runCli(dataDir, ['budget', 'list', '--known-at', '2025-08-31'])).output).toMatch(/^2022 .* 120,4%$/m);
  });

  it('says a commitment typed wrong does not exist, as one that is not there', async () => {
    const stage = ['--stage', 'committed', '--amount', '1.000', '--effective-on', '2025-08-15'];
    expect(await runCli(dataDir, ['budget', 'stage', 'EPF-2025', ...stage])).toEqual({ code: 1, output: 'No budget commitment with id EPF-2025 was found.\n' });
  });

  // Last: it leaves the register with more money than a number holds exactly.
  it('says so in one line when the register\'s totals pass what a number holds exactly', async () => {
    const handle = await openDatabase({ dataDir });
    try {
      await addEntriesAtTheCeiling(handle.db);
    } finally {
      await handle.close();
    }
    expect(await runCli(dataDir, ['budget', 'list', '--known-at', '2025-08-31'])).toEqual({
      code: 1,
      output: 'A total in the register exceeds €90,071,992,547,409.91: more than it can show exactly. Check the amounts entered.\n',
    });
  });
});
