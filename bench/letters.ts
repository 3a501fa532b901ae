/**
 * `npm run bench:letters [-- SIZE…]`: the letter to parliament on a synthetic register of 55,865 and
 * 100,000 deliveries (or the sizes given; `npm run bench:letters -- 2000` is a quick run), on PGlite and
 * on PostgreSQL (as in run.ts; BENCH_DATABASES=pglite leaves PostgreSQL out). A share of the
 * deliveries is decided public (PUBLIC_SHARE), the rest confidential; a first letter (reference date
 * 4 February 2025) is finalised, then the next one (31 August 2025) is measured:
 *
 * - building it: createDraft + getLetter (the draft computed from the register), and getLetter alone;
 * - approving and finalising it (in a transaction that is rolled back, so that it can be repeated);
 * - what waits for the letter author once it is approved: the first asking after the approval, which
 *   builds the draft to see that the approval holds, and asking again while nothing changed;
 * - the public list of letters and of their figures, and rendering the final public letter through the
 *   public API in each format;
 * - its confidential annex (every delivery realised by the reference date): the first rendering (what
 *   finalising does once, or the first opening of a letter finalised before renderings were kept), then
 *   each opening as a reader opens it (the kept rendering read, stamped with the reader and recorded), as
 *   PDF and HTML: median and p95 of OPENINGS openings, and the extra memory (resident set size sampled
 *   every 5 ms during the openings, above what it was before them).
 *
 * Medians of a few runs (fewer at 100k) and the peak resident set size while each size was measured.
 */
import { availableParallelism, loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { createApi } from '../src/api/app.ts';
import { systemContext, type RequestContext } from '../src/audit/trail.ts';
import type { Database } from '../src/db/schema.ts';
import { openAnnex } from '../src/register/annex.ts';
import { recordPublication, sendLetter } from '../src/register/letter-publication.ts';
import { submitForApproval, waitingFor } from '../src/register/letter-review.ts';
import { approve, createDraft, finalise, getLetter } from '../src/register/letters.ts';
import { annexDocument } from '../src/letters/compose.ts';
import { findFrozenAnnex } from '../src/db/repositories/letters.ts';
import { ANNEX_FORMATS, LETTER_FORMATS, renderAnnexForKeeping } from '../src/letters/renderings.ts';
import { listedItems } from '../src/letters/snapshot.ts';
import { benchmarkDatabases, measureEachSize, type BenchmarkDatabase } from './databases.ts';
import { generateRegister } from './generate-register.ts';
import { sizeLabel } from './report.ts';
import { rolledBack } from '../test/support/rolled-back.ts';
import { timed, type Timing } from './timing.ts';

const DEFAULT_SIZES = [55_865, 100_000];
/** How many times the annex is opened in each format. */
const OPENINGS = 20;
/** The share of deliveries decided public; the rest is confidential. */
const PUBLIC_SHARE = 0.3;
// A letter is finalised only with its signatory's name; the next draft takes it from the letter before.
const PREVIOUS = { referenceDate: '2025-02-04', letterDate: '2025-02-17', signatoryName: 'R. Brekelmans' };
const LETTER = { referenceDate: '2025-08-31', letterDate: '2025-09-10' };

const author: RequestContext = { ...systemContext('benchmark'), actor: { id: null, username: 'benchmark', role: 'letterAuthor' } };
const officer: RequestContext = { ...systemContext('benchmark'), actor: { id: null, username: 'benchmark', role: 'disclosureOfficer' } };
const reader: RequestContext = { ...systemContext('benchmark'), actor: { id: null, username: 'benchmark', role: 'parliamentReader' } };


interface Measured {
  name: string;
  runs: number;
  medianMs: number;
  note?: string;
}

/** The openings of the annex in one format. */
interface Openings extends Timing {
  format: string;
  extraRss: number;
}

interface SizeResult {
  size: number;
  openings: Openings[];
  publicCount: number;
  overviewItems: number;
  annexRows: number;
  letterBytes: Record<string, number>;
  annexBytes: Record<string, number>;
  peakRss: number;
  measured: Measured[];
}

function parseSizes(args: string[]): number[] {
  if (args.length === 0) return DEFAULT_SIZES;
  return args.map((arg) => {
    const size = Number(arg.replaceAll('_', ''));
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`not a number of deliveries: ${arg} (usage: npm run bench:letters -- 1000 10000)`);
    return size;
  });
}

/** Runs a task `runs` times after one unmeasured run, and returns its median. */
async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task();
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) durations.push((await timed(task)).ms);
  durations.sort((a, b) => a - b);
  const middle = durations.length / 2;
  return Number.isInteger(middle) ? (durations[middle - 1]! + durations[middle]!) / 2 : durations[Math.floor(middle)]!;
}

/**
 * The disclosure decisions of a benchmark register, written directly (a fixture, like the register
 * itself): a fixed share public, with the proposed public title (or the internal one) as presentation,
 * the rest confidential. Returns how many are public.
 */
async function decideAll(db: Kysely<Database>): Promise<number> {
  const threshold = Math.round(PUBLIC_SHARE * 1000);
  await db.transaction().execute(async (trx) => {
    await sql`update delivery set disclosure_state = case when abs(hashtext(id::text)) % 1000 < ${threshold} then 'public' else 'confidential' end,
      public_id = case when abs(hashtext(id::text)) % 1000 < ${threshold} then gen_random_uuid() end`.execute(trx);
    await sql`insert into public_delivery (public_id, title, detail, category, support_type, quantity, decided_on, is_demonstration)
      select public_id, coalesce(public_title, 'Levering'), '', category, support_type, case when quantity is null then null else 'circa ' || quantity end,
        date '2025-01-15', is_demonstration
      from delivery where disclosure_state = 'public'`.execute(trx);
    await sql`insert into disclosure_decision (id, delivery_id, state, public_title, public_detail, public_category, public_quantity, ground, note, decided_by_name, decided_at)
      select gen_random_uuid(), d.id, d.disclosure_state, p.title, p.detail, p.category, p.quantity,
        case when d.disclosure_state = 'confidential' then 'operationalSecurity' end, '', 'benchmark', timestamptz '2025-01-15 12:00:00+00'
      from delivery d left join public_delivery p on p.public_id = d.public_id`.execute(trx);
  });
  if (process.env.BENCH_NO_VACUUM === undefined) await sql`vacuum analyze delivery, public_delivery, disclosure_decision`.execute(db);
  const { count } = await db.selectFrom('delivery').select(sql<string>`count(*)`.as('count')).where('disclosureState', '=', 'public').executeTakeFirstOrThrow();
  return Number(count);
}

/** Sends a final letter to parliament and records its publication: only then is it public. */
async function sendAndPublish(db: Kysely<Database>, final: { id: string; version: number }, publication: { paperNumber: string; publishedOn: string }) {
  const sent = await sendLetter(db, author, final.id, final.version);
  await recordPublication(db, author, final.id, sent.version, publication);
}

/** Submits, approves and finalises a draft, running `whileApproved` before it is finalised; returns the final view. */
async function approveAndFinalise(db: Kysely<Database>, id: string, whileApproved?: () => Promise<void>) {
  const current = await getLetter(db, id, new Date());
  const submitted = await submitForApproval(db, author, id, current.version);
  const approved = await approve(db, officer, id, submitted.version);
  await whileApproved?.();
  return finalise(db, author, id, approved.version);
}

async function measureSize(db: Kysely<Database>, size: number): Promise<SizeResult> {
  const runs = size >= 50_000 ? 3 : 5;
  const measured: Measured[] = [];
  process.stderr.write(`  generating ${sizeLabel(size)} deliveries…\n`);
  await generateRegister(db, size);
  const publicCount = await decideAll(db);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  try {
    process.stderr.write('  the first letter…\n');
    const previous = await createDraft(db, author, PREVIOUS);
    const first = await timed(() => approveAndFinalise(db, previous.id));
    measured.push({ name: `approve + finalise the first letter (${PREVIOUS.referenceDate}, lists everything public so far)`, runs: 1, medianMs: first.ms });
    // The next letter is sent only once the one before it is published.
    await sendAndPublish(db, first.value, { paperNumber: 'Kamerstuk 22 054, nr. 450', publishedOn: PREVIOUS.letterDate });

    process.stderr.write('  building the letter…\n');
    measured.push({
      name: `createDraft + getLetter (${LETTER.referenceDate}, after the first letter; rolled back: one draft per date)`,
      runs,
      medianMs: await median(runs, () => rolledBack(db, async (trx) => {
        const draft = await createDraft(trx, author, LETTER);
        await getLetter(trx, draft.id, new Date());
      })),
    });
    const draftId = (await createDraft(db, author, LETTER)).id;
    measured.push({ name: 'getLetter of the draft', runs, medianMs: await median(runs, () => getLetter(db, draftId, new Date())) });
    measured.push({
      name: 'approve + finalise (rolled back)',
      runs,
      medianMs: await median(runs, () => rolledBack(db, (trx) => approveAndFinalise(trx, draftId))),
    });
    // The menu asks on every page what waits for its user: for the author, whether the approved draft still reads as approved.
    const final = await approveAndFinalise(db, draftId, async () => {
      measured.push({ name: 'waitingFor(letterAuthor), the approved draft built anew (after a change)', runs: 1, medianMs: (await timed(() => waitingFor(db, 'letterAuthor'))).ms });
      measured.push({ name: 'waitingFor(letterAuthor) again, nothing changed since', runs, medianMs: await median(runs, () => waitingFor(db, 'letterAuthor')) });
    });
    await sendAndPublish(db, final, { paperNumber: 'Kamerstuk 22 054, nr. 470', publishedOn: LETTER.letterDate });
    const overviewItems = listedItems(final.letter).length;

    process.stderr.write('  rendering the letter…\n');
    const api = createApi({ db, onError: (error) => { throw error; } });
    // The public lists name the letters and print their figures: they read no letter's whole text.
    for (const path of ['/public/letters', '/public/letter-figures']) {
      measured.push({
        name: `GET ${path} (two published letters)`,
        runs,
        medianMs: await median(runs, async () => {
          const response = await api.request(path);
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          await response.arrayBuffer();
        }),
      });
    }
    const letterBytes: Record<string, number> = {};
    for (const format of LETTER_FORMATS) {
      const path = `/public/letters/${final.id}/renderings/${format}`;
      measured.push({
        name: `GET ${path.replace(final.id, '{id}')}`,
        runs,
        medianMs: await median(runs, async () => {
          const response = await api.request(path);
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          letterBytes[format] = (await response.arrayBuffer()).byteLength;
        }),
      });
    }

    process.stderr.write('  rendering the annex…\n');
    const annexBytes: Record<string, number> = {};
    const frozen = (await findFrozenAnnex(db, final.id))!;
    const annexRows = frozen.rows.length;
    measured.push({
      name: 'annex: first rendering (compose, PDF and HTML, as finalising does once)',
      runs: 1,
      medianMs: (await timed(async () => renderAnnexForKeeping(annexDocument(frozen), { createdAt: new Date() }))).ms,
    });
    process.stderr.write('  opening the annex…\n');
    const openings: Openings[] = [];
    for (const format of ANNEX_FORMATS) {
      const open = async () => {
        const { rendering } = await openAnnex(db, reader, final.id, format, { name: 'Benchmark', role: 'parliamentReader' });
        annexBytes[format] = typeof rendering.body === 'string' ? Buffer.byteLength(rendering.body) : rendering.body.byteLength;
      };
      await open();
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
      const durations: number[] = [];
      for (let run = 0; run < OPENINGS; run++) durations.push((await timed(open)).ms);
      clearInterval(sampler);
      durations.sort((a, b) => a - b);
      openings.push({
        format,
        medianMs: (durations[OPENINGS / 2 - 1]! + durations[OPENINGS / 2]!) / 2,
        p95Ms: durations[Math.ceil(0.95 * OPENINGS) - 1]!,
        extraRss: Math.max(peak, process.memoryUsage.rss()) - before,
      });
    }
    return { size, openings, publicCount, overviewItems, annexRows, letterBytes, annexBytes, peakRss: Math.max(peakRss, process.memoryUsage.rss()), measured };
  } finally {
    clearInterval(sampler);
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function milliseconds(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return count(Math.round(value));
}

const megabytes = (bytes: number) => `${count(Math.round(bytes / 1024 / 1024))} MB`;
const kilobytes = (bytes: number | undefined) => (bytes === undefined ? '?' : `${count(Math.round(bytes / 1024))} KB`);

function table(results: SizeResult[]): string {
  const header = ['', ...results.map((result) => `${sizeLabel(result.size)}: median ms (runs)`)];
  const rows = results[0]!.measured.map((row, index) => [
    row.name,
    ...results.map((result) => `${milliseconds(result.measured[index]!.medianMs)} (${result.measured[index]!.runs})`),
  ]);
  rows.push(['peak RSS while measuring this size', ...results.map((result) => megabytes(result.peakRss))]);
  return [header, header.map((_, index) => (index === 0 ? '---' : '---:')), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function benchmark(database: BenchmarkDatabase, sizes: number[]): Promise<void> {
  const { results, version } = await measureEachSize(database, sizes, (handle, size) => measureSize(handle.db, size));
  console.log(`\n## ${database.name}, PostgreSQL ${version}\n`);
  for (const result of results) {
    console.log(
      `${sizeLabel(result.size)}: ${count(result.publicCount)} public; the letter lists ${count(result.overviewItems)} new public deliveries ` +
        `(HTML ${kilobytes(result.letterBytes.html)}, Markdown ${kilobytes(result.letterBytes.markdown)}, DOCX ${kilobytes(result.letterBytes.docx)}, PDF ${kilobytes(result.letterBytes.pdf)}); ` +
        `the annex has ${count(result.annexRows)} rows (PDF ${kilobytes(result.annexBytes.pdf)}, HTML ${kilobytes(result.annexBytes.html)})`,
    );
  }
  console.log(`\n${table(results)}`);
  console.log(`\nOpening the annex (${OPENINGS} openings per format, each read, stamped with its reader and recorded; goal < 2 s and < 200 MB extra):\n`);
  console.log('| deliveries | format | median ms | p95 ms | extra RSS |\n| --- | --- | ---: | ---: | ---: |');
  for (const result of results) {
    for (const opening of result.openings) {
      console.log(`| ${sizeLabel(result.size)} | ${opening.format.toUpperCase()} | ${milliseconds(opening.medianMs)} | ${milliseconds(opening.p95Ms)} | ${megabytes(opening.extraRss)} |`);
    }
  }
}

const sizes = parseSizes(process.argv.slice(2));
console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores ` +
    `(load average ${loadavg()[0]!.toFixed(1)} at start); ${Math.round(PUBLIC_SHARE * 100)}% of the deliveries public; ` +
    'medians after one unmeasured run; peak RSS sampled every 20 ms (the whole process, PGlite included)',
);
for (const database of await benchmarkDatabases()) {
  if ('skipReason' in database) console.log(`\n## ${database.name}: skipped, ${database.skipReason}`);
  else await benchmark(database, sizes);
}
console.log(`\nprocess peak RSS (getrusage): ${megabytes(process.resourceUsage().maxRSS * 1024)}`);
