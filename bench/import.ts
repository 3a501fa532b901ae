/**
 * `npm run bench:import [-- ROWS]`: imports a workbook of ROWS rows (default 100,000: 40% deliveries,
 * half from stock with a valuation each, half bought with two payments each) into an empty register on
 * PGlite and on PostgreSQL (as in run.ts), with every row validated and every record audited, and
 * prints the time of the dry run and of the commit, the process's peak memory (resident set), its processor time and
 * the longest its event loop was held (which a server's other requests would wait); then
 * the time of importing a second such workbook (other references) without a dry run, reading, checking
 * and writing in one go as `cli import FILE` does, into the register that now holds the first. It then
 * checks that the audit chain verifies and that the realised support the triggers keep adds up to the
 * imported money. Last, the first workbook in one go into the register `npm start` serves: the
 * demonstration data, analysed as the server does at start.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { systemContext } from '../src/audit/trail.ts';
import { verifyAuditTrail } from '../src/audit/verify.ts';
import { loadDemonstrationData } from '../src/register/demonstration.ts';
import { commitImport, dryRunImport, type ImportFile } from '../src/register/import.ts';
import { onEachDatabase } from './databases.ts';
import { withPeakMemory } from './timing.ts';

const rows = Number((process.argv[2] ?? '100000').replaceAll('_', ''));
if (!Number.isSafeInteger(rows) || rows < 10) throw new Error(`not a whole number of at least 10: ${process.argv[2]} (usage: npm run bench:import -- 100000)`);

/** The workbook, and the money it holds in cents. */
async function generatedWorkbook(total: number, prefix: string): Promise<{ file: ImportFile; moneyCents: number }> {
  const workbook = new ExcelJS.Workbook();
  const deliveries = workbook.addWorksheet('Leveringen');
  const valuations = workbook.addWorksheet('Waarderingen');
  const payments = workbook.addWorksheet('Betalingen');
  deliveries.addRow(['Eigen kenmerk', 'Titel', 'Soort steun', 'Categorie', 'Financieringsbron', 'Aantal', 'Gerealiseerd op', 'Geleverd op']);
  valuations.addRow(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum']);
  payments.addRow(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Betaald op']);
  const pairs = Math.floor(total / 5);
  let moneyCents = 0;
  for (let index = 0; index < pairs; index++) {
    const day = `2025-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}`;
    deliveries.addRow([`${prefix}S-${index}`, `Verkenningsdrones, partij ${index}`, 'stock', 'drones', 'ukraineSupportBudget', 10, day, day]);
    valuations.addRow([`${prefix}S-${index}-W`, `${prefix}S-${index}`, `${1000 + index},25`, 'replacementValue', day]);
    deliveries.addRow([`${prefix}P-${index}`, `Munitie, order ${index}`, 'procurement', 'ammunition', 'ukraineSupportBudget', 100, null, null]);
    payments.addRow([`${prefix}P-${index}-1`, `${prefix}P-${index}`, 500 + index, day]);
    payments.addRow([`${prefix}P-${index}-2`, `${prefix}P-${index}`, '€ 250,50', day]);
    moneyCents += (1000 + index) * 100 + 25 + (500 + index) * 100 + 25_050;
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  // The drones were handed over before the register was used: no licence of the register covers them. Money of
  // January and early February lies in the period of the letter the demonstration register sent.
  return { file: { fileName: 'bench.xlsx', bytes, confirmed: ['shippedWithoutLicence', 'datedInSentLetterPeriod'] }, moneyCents };
}

/** The process also holds what generating the workbooks left (exceljs keeps much of it): the growth is the import's own. */
const resources = (run: { peakMb: number; growthMb: number; processorMs: number; longestPauseMs: number }) =>
  `peak ${run.peakMb} MiB, ${run.growthMb} MiB above the process before, ${(run.processorMs / 1000).toFixed(2)} s of its processor time, ` +
  `the event loop held up to ${(run.longestPauseMs / 1000).toFixed(2)} s at a time`;

process.stderr.write(`Generating a workbook of ${rows} rows…\n`);
const { file, moneyCents } = await generatedWorkbook(rows, '');
const second = await generatedWorkbook(rows, 'B');
console.log(`Import of ${rows} rows (${(file.bytes.length / 2 ** 20).toFixed(1)} MiB XLSX), validated and audited, ${new Date().toISOString()}`);
await onEachDatabase(async (name, { db }, version) => {
  const dryRun = await withPeakMemory(() => dryRunImport(db, systemContext('benchmark'), file));
  const commit = await withPeakMemory(() => commitImport(db, systemContext('benchmark'), file, 'allOrNothing'));
  const inOneGo = await withPeakMemory(() => commitImport(db, systemContext('benchmark'), second.file, 'allOrNothing'));
  for (const { value } of [commit, inOneGo]) {
    if (!value.committed || value.counts.invalid > 0) throw new Error(`the import did not commit: ${JSON.stringify(value.counts)}`);
  }
  const { rows: [realised] } = await sql<{ cents: string }>`select coalesce(sum(change_cents), 0) as cents from realised_support_change`.execute(db);
  const verification = await verifyAuditTrail(db);
  console.log(
    `${name} ${version}: dry run ${(dryRun.ms / 1000).toFixed(2)} s (${resources(dryRun)}); ` +
      `commit ${(commit.ms / 1000).toFixed(2)} s (${resources(commit)}), ${commit.value.counts.create} records created, ` +
      `read, checked and committed in one go (the second workbook) ${(inOneGo.ms / 1000).toFixed(2)} s (${resources(inOneGo)}); ` +
      `${verification.eventsChecked} audit events, chain ${verification.ok ? 'verified' : 'BROKEN'}; ` +
      `realised support ${Number(realised!.cents) === moneyCents + second.moneyCents ? 'equals' : 'DIFFERS FROM'} the imported money`,
  );
});
// The register `npm start` serves: the demonstration data, whose statistics the server gathers at start.
await onEachDatabase(async (name, { db }) => {
  await loadDemonstrationData(db);
  await sql`analyze`.execute(db);
  const inOneGo = await withPeakMemory(() => commitImport(db, systemContext('benchmark'), file, 'allOrNothing'));
  if (!inOneGo.value.committed) throw new Error(`the import did not commit: ${JSON.stringify(inOneGo.value.counts)}`);
  console.log(`${name}: into the demonstration register, read, checked and committed in one go ${(inOneGo.ms / 1000).toFixed(2)} s (${resources(inOneGo)})`);
});
