import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { importTemplate } from '../../src/import/template.ts';
import { figuresTable } from '../../src/register/figures.ts';
import { filledTemplate, THREE_ROWS, THREE_ROWS_CENTS, workbookWithOverview } from '../support/import-files.ts';
import { officeDocument, POWERPOINT_PRESENTATION } from '../support/office-files.ts';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';


describe('the import command', () => {
  const folder = mkdtempSync(join(tmpdir(), 'steunregister-import-'));
  const dataDir = join(folder, 'data');
  const file = join(folder, 'leveringen.xlsx');
  beforeAll(() => createMigratedDataFolder(dataDir));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('names the fault by row and column in a dry run, imports the valid rows, and a second time nothing', { timeout: 300_000 }, async () => {
    writeFileSync(file, await filledTemplate(await importTemplate(), THREE_ROWS));
    // Mortar grenades handed over before the register was used: confirmed, no licence of the register covers them.
    const confirmed = ['--confirm', 'shippedWithoutLicence'];

    const dryRun = await runCli(dataDir, ['import', file, '--dry-run', ...confirmed, '--language', 'en']);
    expect(dryRun.output).toContain('Betalingen (Payments), row 3, column C (Bedrag (€) / Amount (€)): Enter an amount of more than €0.00.');
    expect(dryRun.output).toContain('Dry run: 2 rows would be created, 0 are in the register already, 1 has a fault, 11 examples and 0 rows of notes skipped.');
    expect(dryRun.code).toBe(1);

    const onlyValid = await runCli(dataDir, ['import', file, '--only-valid', ...confirmed, '--language', 'en']);
    expect(onlyValid.output).toMatch(/Imported 2 rows \(import [0-9a-f-]{36}\); 0 were in the register already, 1 with a fault was left out\./);
    expect(onlyValid.code).toBe(0);

    const again = await runCli(dataDir, ['import', file, '--only-valid', '--language', 'en']);
    expect(again.output).toContain('Nothing to import: 2 rows are in the register already, 1 has a fault.');

    // The register was empty: realised stock is now exactly the imported valuation, and the trail holds.
    const handle = await openDatabase({ dataDir });
    try {
      const figures = await figuresTable(handle.db, todayInAmsterdam(), '2022-01-01');
      expect(figures.rows.find((row) => row.supportType === 'stock')!.reference.cents).toBe(BigInt(THREE_ROWS_CENTS));
      expect((await verifyAuditTrail(handle.db)).ok).toBe(true);
      // The trail shows the one import, with what it created.
      const imports = await listAuditEvents(handle.db, { objectType: 'import', limit: 10 });
      expect(imports).toEqual([expect.objectContaining({ action: 'import.commit', detail: expect.objectContaining({ created: { delivery: 1, valuation: 1, payment: 0, trainingProgramme: 0, trainingContribution: 0, readinessJudgement: 0, company: 0, industryContract: 0, budgetCommitment: 0, epfClaim: 0, exportLicence: 0 }, mode: 'onlyValid' }) })]);
    } finally {
      await handle.close();
    }
  });

  it('says in a dry run which row it skips as notes on the columns', { timeout: 300_000 }, async () => {
    const withNotes = join(folder, 'waarderingen.csv');
    writeFileSync(withNotes, 'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\n(verplicht);(verplicht);bedrag in euro;(verplicht);JJJJ-MM-DD\r\nNOTES-W;NOTES-D;10;Vervangingswaarde;2025-07-01\r\n');
    const dryRun = await runCli(dataDir, ['import', withNotes, '--dry-run', '--language', 'en']);
    expect(dryRun.output.split('\n').filter((line) => line.startsWith('waarderingen.csv') || line.startsWith('Dry run'))).toEqual([
      'waarderingen.csv, row 2: notes on the columns (such as "required" or "YYYY-MM-DD"), no data; skipped.',
      expect.stringMatching(/^waarderingen\.csv, row 3, column B \(Kenmerk levering\): There is no delivery/),
      'Dry run: 0 rows would be created, 0 are in the register already, 1 has a fault, 0 examples and 1 row of notes skipped.',
    ]);
  });

  it('says where each fault is, why, and what it would import in Dutch unless asked for English', { timeout: 120_000 }, async () => {
    const withNotes = join(folder, 'waarderingen-nl.csv');
    writeFileSync(withNotes, 'Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum\r\n(verplicht);(verplicht);bedrag in euro;(verplicht);JJJJ-MM-DD\r\nNOTES-W;NOTES-D;10;Vervangingswaarde;2025-07-01\r\n');
    const dryRun = await runCli(dataDir, ['import', withNotes, '--dry-run']);
    expect(dryRun.output.split('\n').filter((line) => line.startsWith('waarderingen-nl.csv') || line.startsWith('Proefimport'))).toEqual([
      'waarderingen-nl.csv, regel 2: aanwijzingen bij de kolommen (zoals "verplicht" of "JJJJ-MM-DD"), geen gegevens; overgeslagen.',
      expect.stringMatching(/^waarderingen-nl\.csv, regel 3, kolom B \(Kenmerk levering\): Er is geen levering/),
      'Proefimport: 0 regels zouden worden aangemaakt, 0 staan al in het register, 1 heeft een fout, 0 voorbeelden en 1 regel met aanwijzingen overgeslagen.',
    ]);
    const missing = join(folder, 'bestaat-niet.csv');
    expect((await runCli(dataDir, ['import', missing])).output.trim()).toBe(`${missing}: dit bestand kan niet worden gelezen (ENOENT); geef het pad van een XLSX-, CSV- of tekstbestand.`);
  });

  it('exits 1 when the dry run finds a fault, with --only-valid too, and when all or nothing imports nothing; 0 on a clean file', { timeout: 300_000 }, async () => {
    const faulty = join(folder, 'met-fout.xlsx');
    writeFileSync(faulty, await filledTemplate(await importTemplate(), { 'Betalingen (Payments)': [['EXIT-B', 'EXIT-1', 0, '2025-06-03']] }));
    const dryRun = await runCli(dataDir, ['import', faulty, '--dry-run', '--only-valid', '--language', 'en']);
    expect(dryRun.output).toContain('Betalingen (Payments), row 3, column C (Bedrag (€) / Amount (€)): Enter an amount of more than €0.00.');
    expect(dryRun.code).toBe(1);
    const allOrNothing = await runCli(dataDir, ['import', faulty, '--language', 'en']);
    expect([allOrNothing.output, allOrNothing.code]).toEqual([expect.stringContaining('Nothing to import: 0 rows are in the register already, 1 has a fault.'), 1]);

    const clean = join(folder, 'zonder-fout.xlsx');
    writeFileSync(clean, await filledTemplate(await importTemplate(), { 'Leveringen (Deliveries)': [THREE_ROWS['Leveringen (Deliveries)']![0]!.map((cell, index) => (index === 0 ? 'EXIT-1' : cell))] }));
    const cleanRun = await runCli(dataDir, ['import', clean, '--dry-run', '--confirm', 'shippedWithoutLicence', '--language', 'en']);
    expect([cleanRun.output, cleanRun.code]).toEqual([expect.stringContaining('Dry run: 1 row would be created, 0 are in the register already, 0 have a fault'), 0]);
  });

  it('refused with all or nothing, counts and names the faults the dry run does, those of records of other domains too, and advises what --only-valid then imports', { timeout: 300_000 }, async () => {
    const domains = join(folder, 'domeinen.xlsx');
    writeFileSync(
      domains,
      await filledTemplate(await importTemplate(), {
        'Leveringen (Deliveries)': [['CLI-DOM-1', 'Munitie (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
        // A judgement of a delivery that is not from stock: only the readiness domain's own rules refuse it.
        'Gereedheidsoordelen (Readiness)': [['CLI-GO-1', 'CLI-DOM-1', 'geen', 'Een aankoop raakt de voorraad niet.', '2025-07-01']],
        'Bedrijven (Companies)': [['CLI-BD-1', 'Munitiefabriek (cli)', 'UA', null]],
        'Betalingen (Payments)': [['CLI-DOM-1-B', 'CLI-DOM-1', 0, '2025-06-03']],
      }),
    );
    const dryRun = await runCli(dataDir, ['import', domains, '--dry-run', '--language', 'en']);
    expect(dryRun.output).toContain('Dry run: 2 rows would be created, 0 are in the register already, 2 have a fault');
    const refused = await runCli(dataDir, ['import', domains, '--language', 'en']);
    expect(refused.output.split('\n').filter((line) => line.includes(', row '))).toEqual(dryRun.output.split('\n').filter((line) => line.includes(', row ')));
    expect([refused.output, refused.code]).toEqual([expect.stringContaining('Nothing imported: 2 rows have a fault (use --only-valid to import the other 2).'), 1]);
    const onlyValid = await runCli(dataDir, ['import', domains, '--only-valid', '--language', 'en']);
    expect(onlyValid.output).toMatch(/Imported 2 rows \(import [0-9a-f-]{36}\)/);
  });

  it('refuses a presentation as no spreadsheet and a ZIP archive as one, names the row of an unclosed quote, and says a file it cannot read in one line', { timeout: 120_000 }, async () => {
    const presentation = join(folder, 'presentatie.pptx');
    writeFileSync(presentation, officeDocument('ppt/presentation.xml', POWERPOINT_PRESENTATION));
    const refused = await runCli(dataDir, ['import', presentation, '--dry-run', '--language', 'en']);
    expect(refused.output).toContain(`${presentation}: This file is not a spreadsheet but another Office file`);
    expect(refused.code).not.toBe(0);
    const zipped = join(folder, 'x.xlsx');
    writeFileSync(zipped, zipSync({ 'hello.txt': new TextEncoder().encode('hallo') }));
    expect((await runCli(dataDir, ['import', zipped, '--dry-run', '--language', 'en'])).output).toContain(`${zipped}: This file is a ZIP archive (compressed folder), not an Excel workbook; unpack it`);

    const unclosed = join(folder, 'waarderingen.csv');
    writeFileSync(unclosed, 'Eigen kenmerk;Kenmerk levering;Bedrag;Grondslag;Ingangsdatum\nW1;"IMP-1;10;Vervangingswaarde;2025-06-01\n');
    expect((await runCli(dataDir, ['import', unclosed, '--dry-run', '--language', 'en'])).output).toContain(`${unclosed}: The quotation mark on row 2 of the CSV file is never closed; close it or delete it.`);

    const missing = join(folder, 'bestaat-niet.xlsx');
    const notFound = await runCli(dataDir, ['import', missing, '--dry-run', '--language', 'en']);
    expect([notFound.output.trim(), notFound.code]).toEqual([`${missing}: cannot read this file (ENOENT); give the path of an XLSX, CSV or text file.`, 1]);
  });

  it('imports a payment far above its valuation only when the warning is confirmed, and refuses a warning no import has', { timeout: 300_000 }, async () => {
    const file = join(folder, 'betaling-boven-waardering.xlsx');
    writeFileSync(
      file,
      await filledTemplate(await importTemplate(), {
        'Leveringen (Deliveries)': [['CLI-WAARSCH-1', 'Munitie met een contractprijs (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
        'Waarderingen (Valuations)': [['CLI-WAARSCH-1-W', 'CLI-WAARSCH-1', '€ 125.000,00', 'Contractprijs', '2025-06-01']],
        'Betalingen (Payments)': [['CLI-WAARSCH-1-B', 'CLI-WAARSCH-1', '€ 12.500.000,00', '2025-07-01']],
      }),
    );
    const unconfirmed = await runCli(dataDir, ['import', file, '--language', 'en']);
    expect(unconfirmed.output).toContain("Betalingen (Payments), row 3, column C (Bedrag (€) / Amount (€)): This payment of €12,500,000.00 is 100 times this delivery's valuation");
    expect(unconfirmed.output).toContain('Rows with a warning (paymentFarAboveValuation) are made when it is confirmed: --confirm paymentFarAboveValuation.');
    expect(unconfirmed.code).toBe(1);

    const unknown = await runCli(dataDir, ['import', file, '--confirm', 'paymentAboveValuation', '--language', 'en']);
    expect([unknown.output.trim(), unknown.code]).toEqual(['--confirm paymentAboveValuation: not a warning an import has; the warnings are paymentFarAboveValuation, shippedWithoutLicence, datedInSentLetterPeriod.', 1]);

    const confirmed = await runCli(dataDir, ['import', file, '--confirm', 'paymentFarAboveValuation', '--language', 'en']);
    expect([confirmed.output, confirmed.code]).toEqual([expect.stringMatching(/Imported 3 rows \(import [0-9a-f-]{36}\)/), 0]);
    const handle = await openDatabase({ dataDir });
    try {
      const [payment] = await listAuditEvents(handle.db, { action: 'payment.create', limit: 1 });
      expect(payment!.detail).toMatchObject({ confirmedWarnings: [expect.objectContaining({ code: 'paymentFarAboveValuation' })] });
    } finally {
      await handle.close();
    }
  });

  it('imports goods that need a licence, handed over before the register was used, only when the warning is confirmed', { timeout: 300_000 }, async () => {
    const file = join(folder, 'geschiedenis.xlsx');
    writeFileSync(
      file,
      await filledTemplate(await importTemplate(), {
        'Leveringen (Deliveries)': [['CLI-HIST-1', 'Pantserhouwitsers, overgedragen (import)', 'Directe levering uit voorraad', 'Artillerie', 'Defensiebegroting', 4, 'stuks', null, null, '2024-02-01', null]],
        'Waarderingen (Valuations)': [['CLI-HIST-1-W', 'CLI-HIST-1', '€ 4.000.000,00', 'Vervangingswaarde', '2024-02-01']],
      }),
    );
    const dryRun = await runCli(dataDir, ['import', file, '--dry-run', '--language', 'en']);
    expect(dryRun.output).toContain('Leveringen (Deliveries), row 3, column J (Gerealiseerd op / Realised on): This delivery needs an export licence (as all support does but non-lethal goods and support of the type "NATO fund") and has none in the register, yet this row records it as handed over or delivered on 1 February 2024.');
    expect(dryRun.output).toContain('Rows with a warning (shippedWithoutLicence) are made when it is confirmed: --confirm shippedWithoutLicence.');
    expect(dryRun.code).toBe(1);

    const unconfirmed = await runCli(dataDir, ['import', file, '--language', 'en']);
    expect([unconfirmed.output, unconfirmed.code]).toEqual([expect.stringContaining('Nothing to import: 0 rows are in the register already, 2 have a fault.'), 1]);

    const confirmed = await runCli(dataDir, ['import', file, '--confirm', 'shippedWithoutLicence', '--language', 'en']);
    expect([confirmed.output, confirmed.code]).toEqual([expect.stringMatching(/Imported 2 rows \(import [0-9a-f-]{36}\)/), 0]);
    const handle = await openDatabase({ dataDir });
    try {
      const [delivery] = await listAuditEvents(handle.db, { action: 'delivery.create', limit: 1 });
      expect(delivery!.detail).toMatchObject({ externalReference: 'CLI-HIST-1', confirmedWarnings: [{ field: 'realisedAt', code: 'shippedWithoutLicence', params: { date: '2024-02-01' } }] });
    } finally {
      await handle.close();
    }
  });

  it('prints what a file says with its control characters made visible, so that a header cannot clear or retitle the terminal', { timeout: 120_000 }, async () => {
    const file = join(folder, 'betalingen.csv');
    writeFileSync(file, 'Eigen kenmerk;Kenmerk levering;Bedrag;Betaald op;"\x1b]0;titel\x07\x1b[2JAlles goed"\nB1;IMP-1;10;2025-07-01;x\n');
    const dryRun = await runCli(dataDir, ['import', file, '--dry-run', '--language', 'en']);
    expect(dryRun.output).toContain('betalingen.csv, row 1, column E (\\x1b]0;titel\\x07\\x1b[2JAlles goed): The template has no such column');
    expect(dryRun.output).not.toContain('\x1b');
    // The header row's fault is counted by its sheet, apart from the rows of data; it fails the dry run as a row's fault does.
    expect([dryRun.output.split('\n').find((line) => line.startsWith('Dry run')), dryRun.code]).toEqual(['Dry run: 0 rows would be created, 0 are in the register already, 1 has a fault (and the header row of 1 sheet), 0 examples and 0 rows of notes skipped.', 1]);
  });

  it('names a sheet of the workbook that nothing is taken from, and why', { timeout: 120_000 }, async () => {
    const file = join(folder, 'met-overzicht.xlsx');
    writeFileSync(file, await workbookWithOverview('CLI-BLAD-1'));
    const dryRun = await runCli(dataDir, ['import', file, '--dry-run', '--language', 'en']);
    expect(dryRun.output).toContain("Nothing is imported from the sheet Overzicht: none of its first 10 rows has the template's column headers.");
    expect(dryRun.output).toContain('Dry run: 1 row would be created');

    // Without a sheet that is taken the file is refused, and the refusal says why the sheet was not.
    const refusedFile = join(folder, 'alleen-overzicht.xlsx');
    writeFileSync(refusedFile, await workbookWithOverview('CLI-BLAD-1', { overviewOnly: true }));
    const refused = await runCli(dataDir, ['import', refusedFile, '--dry-run', '--language', 'en']);
    expect(refused.output).toContain(`${refusedFile}: No sheet of this file has the template's column headers`);
    expect(refused.output).toContain("Nothing is imported from the sheet Overzicht: none of its first 10 rows has the template's column headers.");
  });
});
