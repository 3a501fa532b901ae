/**
 * The canary model: random sequences of what registrars, disclosure officers and letter authors do,
 * applied to the register and to a plain model of what has been approved for the public. After every
 * step every public surface is read through the API, and checked against the model in both directions:
 *
 * - nothing confidential is anywhere public. Every internal text of a delivery, a valuation, a payment
 *   and a decision carries a canary (`CANARY-<n>-<random>`); no canary may appear on any surface, in any
 *   format, error answer or log line. No internal delivery id and no id of a draft letter may appear.
 * - what was approved is there, and only that: /public/deliveries (JSON and CSV) holds exactly the
 *   presentations of the deliveries that are public now; each final letter lists exactly the public
 *   deliveries the model expects at its finalisation and holds exactly its author's text as it was then
 *   (draft text carries `DRAFT-<n>-<random>` tokens; a draft's text is public only once finalised).
 * - the embargo: a final letter, and every delivery it is the first to list, is on no public surface
 *   until the letter is published (at once, or by the server's publication timer when a scheduled
 *   moment passes while it runs).
 * - a letter is finalised only as the disclosure officer approved it: the final letter is exactly the text
 *   approved (its SHA-256), and an approval no longer holds once the letter would read otherwise.
 * - money: no exact amount of any delivery (every valuation, payment and sum of payments) appears on a
 *   public surface unless it equals a figure a published letter shows (an approved aggregate) or the
 *   difference of two of them; /public/figures shows exactly what the letters published and nothing else.
 *
 * The test (canary.property.test.ts) and the long campaign (bench/canary-campaign.ts) share this file.
 */
import { assessClaim, createClaim } from '../../src/register/epf.ts';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { createApi } from '../../src/api/app.ts';
import { systemContext, type RequestContext } from '../../src/audit/trail.ts';
import type { DatabaseHandle } from '../../src/db/connection.ts';
import { CATEGORIES, FUNDING_SOURCES, SUPPORT_TYPES, type Category, type FundingSource, type SupportType } from '../../src/domain/delivery.ts';
import { CONFIDENTIALITY_GROUNDS, type ConfidentialityGround } from '../../src/domain/disclosure.ts';
import { createLogger } from '../../src/logging.ts';
import { addPayment, addValuation, createDelivery, deleteDelivery, updateDelivery } from '../../src/register/deliveries.ts';
import { decide } from '../../src/register/disclosure.ts';
import { createCommitment } from '../../src/register/budget.ts';
import { BUDGET_FUNDS, type ValuationBasis } from '../../common/vocabulary/codes.ts';
import { createCompany, createContract, createCoproduction, decideOnCompany, recordDemandBundle, recordLesson, recordPriceDevelopment, reportProgress } from '../../src/register/industry.ts';
import { READINESS_EFFECTS } from '../../src/domain/readiness.ts';
import { createProject, decideNotToReplace, judge } from '../../src/register/readiness.ts';
import { addContribution, createProgramme } from '../../src/register/training.ts';
import { assess, grantInspection, issueLicence, setRequirement } from '../../src/register/export-control.ts';
import { licenceCoversGoods, type LicenceInput } from '../../src/domain/export-control.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../../src/register/errors.ts';
import { approve, createDraft, finalise, getLetter, updateDraft } from '../../src/register/letters.ts';
import { submitForApproval } from '../../src/register/letter-review.ts';
import { correctPublication, recordPublication, sendLetter } from '../../src/register/letter-publication.ts';
import { startPublicationTimer } from '../../src/register/publication-timer.ts';
import { formatPublishedFigure } from '../../common/letter-format.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { DEFAULT_BLOCKS } from '../../src/letters/default-blocks.ts';
import { figureNames, type NarrativeBlock } from '../../src/letters/narrative.ts';
import { deliveryValueText, sealed, type PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import { openScratchPGlite } from '../support/scratch-database.ts';
import { LICENCE_THROUGHOUT, licensedGoods, positiveAssessment } from '../support/export-control.ts';
import { parseCsv } from '../support/csv.ts';
import { fittingBasis } from '../support/deliveries.ts';
import { requiresLicenceByRule } from '../../common/delivery-rules.ts';
import { SIGNED } from '../support/letters.ts';

// ---------------------------------------------------------------------------------------------------
// Tokens

/**
 * Fixed-length tokens, so that they can be found in text whose spaces and line breaks were removed (the
 * PDF breaks lines after a hyphen). Canaries (`CANARY-…`) are searched for as the bare word CANARY.
 */
const DRAFT = /DRAFT-\d{5}-[0-9a-z]{6}/g;
const PUBLIC = /PUBLIC-\d{5}-[0-9a-z]{6}/g;

function token(prefix: 'CANARY' | 'DRAFT' | 'PUBLIC', serial: number, salt: number): string {
  const random = createHash('sha256').update(`${prefix}:${serial}:${salt}`).digest().readUInt32BE(0) % 36 ** 6;
  return `${prefix}-${String(serial).padStart(5, '0')}-${random.toString(36).padStart(6, '0')}`;
}

const found = (text: string, pattern: RegExp) => new Set(text.match(pattern) ?? []);

// ---------------------------------------------------------------------------------------------------
// Steps

const DATES = ['2024-01-15', '2024-03-01', '2024-06-30', '2024-09-15', '2025-01-10', '2025-02-04', '2025-05-01', '2025-08-31', '2025-10-01'] as const;
const REFERENCE_DATES = ['2024-06-30', '2025-02-04', '2025-08-31'] as const;
/** Letter dates: after each reference date, and one before them all (a letter dated before its reference date is refused). */
const LETTER_DATES = ['2024-07-10', '2025-02-20', '2025-09-10', '2025-10-15', '2025-10-15', '2024-06-01'] as const;
/** Money, deliveries, EPF claims, counts, judgements, projects and industry records are recorded at any of the dates, also in the period of a letter sent: confirmed as such, as the model means it. */
const IN_SENT_PERIOD = ['datedInSentLetterPeriod'] as const;

/** Public texts with what breaks CSV, Markdown and HTML. */
const MARKUP = '<b>vet</b>';
const AWKWARD = ['', ' met "aanhalingstekens", en komma', ` ${MARKUP} & co`, '\nop een nieuwe regel', ' | pijp * ster _ laag'] as const;
const AWKWARD_START = ['', '=SOM(A1) ', '-', '+', '@'] as const;

/** Names a letter's text may place; mostly known ones, some only after a first letter, some never. */
const KNOWN_FIGURES = ['total', 'stock', 'procurement', 'natoFund', 'referenceDate', 'letterDate', 'headline'] as const;
const FIGURES_AFTER_FIRST_LETTER = ['previousReferenceDate', 'previousLetter', 'increase', 'increasePercent'] as const;
const figureChoice = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KNOWN_FIGURES) },
  { weight: 4, arbitrary: fc.constantFrom(...FIGURES_AFTER_FIRST_LETTER) },
  /** A delivery's value, known only while the delivery is public. */
  { weight: 3, arbitrary: fc.constant('delivery' as const) },
  { weight: 1, arbitrary: fc.constantFrom('unknownDelivery' as const, 'bogus' as const) },
);
type FigureChoice = (typeof figureChoice) extends fc.Arbitrary<infer T> ? T : never;

const pick = fc.nat({ max: 1_000 });
/** Mostly undefined (the field is left as it is), sometimes a value. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
/** True about once in `times`. */
const onceIn = (times: number) => fc.oneof({ weight: times - 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const salt = fc.nat();
const date = fc.constantFrom(...DATES);
/** A date to review a decision again: mostly ahead of today, as the rules want it; now and then one of the past dates. */
const reviewDate = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: date },
);
const amount = fc.integer({ min: 10_000_000, max: 900_000_000_000 });

const paragraph = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('text' as const), salt, figure: fc.option(figureChoice, { nil: null, freq: 2 }), pick, bullet: fc.boolean(), footnote: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('table' as const) }) },
);
const blocksSpec = fc.array(fc.record({ heading: fc.option(salt, { nil: null }), paragraphs: fc.array(paragraph, { minLength: 0, maxLength: 3 }) }), { minLength: 1, maxLength: 3 });
export type BlocksSpec = (typeof blocksSpec) extends fc.Arbitrary<infer T> ? T : never;

/** Mostly a paper number as parliament gives it; now and then one the rules refuse. */
const paperNumberChoice = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 400, max: 499 }).map((n) => `Kamerstuk 22 054, nr. ${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('nr 460 ???', 'Kamerstuk 22054, nr. 460', '') },
);
/** Any dossier, as parliament chooses it; the choices above are of one. */
const VALID_PAPER_NUMBER = /^Kamerstuk [1-9][0-9] [0-9]{3}, nr\. [1-9][0-9]{0,4}$/;
const numberInDossier = (paperNumber: string) => Number(/nr\. ([0-9]+)$/.exec(paperNumber)![1]);
/** A number that rises with the letter's date, as parliament's do, and differs for each letter finalised. */
const numberInDateOrder = (letterDate: string, finalised: number) => 1000 + 100 * [...new Set(LETTER_DATES)].sort().indexOf(letterDate as (typeof LETTER_DATES)[number]) + finalised;
/** How far ahead a scheduled publication lies, and how far a wait moves the clock. */
const SCHEDULED_AHEAD_MS = 3_600_000;
const WAIT_MS = 2 * SCHEDULED_AHEAD_MS;

const presentation = fc.record({
  salt,
  awkward: fc.constantFrom(...AWKWARD),
  start: fc.constantFrom(...AWKWARD_START),
  withDetail: fc.boolean(),
  /** Mostly the first delivery's own category or "other"; rarely any, which the rules refuse when none of the deliveries is of it. */
  category: fc.oneof({ weight: 10, arbitrary: fc.constant('own' as const) }, { weight: 3, arbitrary: fc.constant('other' as const) }, { weight: 1, arbitrary: fc.constantFrom(...CATEGORIES) }),
  quantity: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }),
  /** Rarely a title the rules refuse: blank, or longer than 300 characters. */
  invalid: fc.oneof({ weight: 18, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('blank' as const, 'long' as const) }),
  /** Whether the decision makes the value public too (open data gives it; a letter may name it). */
  valuePublic: fc.boolean(),
});

const STEP = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      salt,
      supportType: fc.constantFrom(...SUPPORT_TYPES),
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
      category: fc.constantFrom(...CATEGORIES),
      quantity: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
      pledgedAt: fc.option(date, { nil: null }),
      realisedAt: fc.option(date, { nil: null }),
      value: fc.option(fc.record({ amountCents: amount, effectiveDate: date }), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      target: pick,
      salt,
      stale: onceIn(4),
      realisedAt: rarely(fc.option(date, { nil: null })),
      pledgedAt: rarely(fc.option(date, { nil: null })),
      supportType: rarely(fc.constantFrom(...SUPPORT_TYPES)),
      fundingSource: rarely(fc.constantFrom(...FUNDING_SOURCES)),
      category: rarely(fc.constantFrom(...CATEGORIES)),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('revalue' as const), target: pick, salt, amountCents: amount, effectiveDate: date, withRate: onceIn(10) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pay' as const), target: pick, salt, amountCents: amount, paidOn: date }) },
  // The European Peace Facility: finance declares a claim for a batch, and it is assessed at half.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('epfClaim' as const), salt, amountCents: amount, declaredOn: date }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('decidePublic' as const), targets: fc.array(pick, { minLength: 1, maxLength: 2 }), salt, presentation }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decideConfidential' as const),
      targets: fc.array(pick, { minLength: 1, maxLength: 2 }),
      salt,
      ground: fc.constantFrom(...CONFIDENTIALITY_GROUNDS),
      reviewOn: fc.option(reviewDate, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), target: pick, stale: onceIn(4) }) },
  /** Industry: a company (with a contract and a milestone) is commercially confidential until decided public. */
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('createCompany' as const), salt, amountCents: amount, signedOn: date }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decideCompany' as const), target: pick, salt, isPublic: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('createDraft' as const),
      referenceDate: fc.constantFrom(...REFERENCE_DATES),
      letterDate: fc.option(fc.constantFrom(...LETTER_DATES), { nil: null, freq: 4 }),
      blocks: fc.option(blocksSpec, { nil: null }),
      salt,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('editDraft' as const),
      target: pick,
      blocks: fc.option(blocksSpec, { nil: null }),
      letterDate: fc.option(fc.option(fc.constantFrom(...LETTER_DATES), { nil: null }), { nil: undefined }),
      salt,
      stale: onceIn(4),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('approve' as const), target: pick, stale: onceIn(6) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('finalise' as const),
      target: pick,
      letterDate: rarely(fc.constantFrom(...LETTER_DATES)),
      /**
       * The disclosure officer decides confidential whatever realised by the reference date is still
       * undecided, and approves the letter, just before (the usual way); or not.
       */
      decideRestFirst: onceIn(3).map((not) => !not),
      approveFirst: onceIn(4).map((not) => !not),
      /** And then, mostly, sends it and publishes it (now, or scheduled). */
      thenPublish: fc.constantFrom('no' as const, 'now' as const, 'now' as const, 'now' as const, 'now' as const, 'scheduled' as const, 'scheduled' as const),
      /**
       * Now and then the disclosure officer reconsiders a delivery the final letter lists: decides it
       * confidential, or public otherwise; before its publication is recorded, or while it is scheduled
       * (and then its moment passes).
       */
      reconsider: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('decideConfidential' as const), salt, ground: fc.constantFrom(...CONFIDENTIALITY_GROUNDS), reviewOn: fc.constant(null) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('decidePublic' as const), salt, presentation }) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), target: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      target: pick,
      paperNumber: paperNumberChoice,
      publishedOn: fc.constantFrom(...LETTER_DATES),
      /** Now, or scheduled an hour ahead: the server publishes it once that moment passes. */
      scheduled: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), target: pick, paperNumber: paperNumberChoice, publishedOn: fc.constantFrom(...LETTER_DATES) }) },
  /** Two hours pass while the server runs. */
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const) }) },
);
export type Step = (typeof STEP) extends fc.Arbitrary<infer T> ? T : never;

/** The sequences: short, so that many different ones run. */
function stepsArbitrary(options: { minSteps?: number; maxSteps?: number } = {}): fc.Arbitrary<Step[]> {
  return fc.array(STEP, { minLength: options.minSteps ?? 3, maxLength: options.maxSteps ?? 12 });
}

// ---------------------------------------------------------------------------------------------------
// The model

interface Presentation {
  title: string;
  detail: string;
  category: Category;
  quantity: string | null;
  tokens: string[];
}

interface OverviewEntry {
  title: string;
  detail: string;
  category: string;
  quantity: string | null;
  supportType: string;
}

interface ModelDelivery {
  id: string;
  category: Category;
  supportType: SupportType;
  fundingSource: FundingSource;
  quantity: number | null;
  pledgedAt: string | null;
  /** Stock: as recorded; procurement and fund contributions: the day of the first payment. */
  realisedAt: string | null;
  /** It holds an export licence, for any quantity, valid from licensedFrom on every later date of the sequences. */
  licensed: boolean;
  /** The goods its licence is for: those of the category it was registered with. */
  licensedGoods: Pick<LicenceInput, 'militaryListCategory' | 'unRegisterCategory'>;
  /** The day its assessment and licence date from: its pledge, or the first day the sequences ship on. */
  licensedFrom: string;
  valuations: { amountCents: number; effectiveDate: string; basis: ValuationBasis }[];
  payments: { amountCents: number; paidOn: string }[];
  /** The days of its readiness judgements and decisions not to replace it: like its valuations, never before its pledge. */
  readinessDates: string[];
  deleted: boolean;
  /** A training programme, replenishment project or budget commitment names it: it is not removed. */
  named: boolean;
  /** The fund a budget commitment for it is made from: it stays paid from that fund. */
  committedFrom: string | null;
  state: 'undecided' | 'public' | 'confidential';
  /** What the disclosure officer approved, while public. */
  presentation: Presentation | null;
  /** The number its public decision states of the deliveries decided at once with it (itself among them), while that decision is in force. */
  disclosedQuantity: { stated: number; selection: ModelDelivery[] } | null;
  /** The type the public projection was given with the decision. */
  publicSupportType: SupportType | null;
  /** The value the decision made public (its value then), while public; null when it keeps the value back. */
  publicValueCents: number | null;
  /**
   * The public item it is part of (as the id the public knows it by, kept once given): the deliveries decided public
   * at once share one, which the public reads once; decided again with others, or apart from them, it joins a new one.
   */
  publicItem: string | null;
  /** The deliveries its public decision in force was taken for at once (itself among them); empty while not public. */
  decidedWith: ModelDelivery[];
}

interface ModelReport {
  id: string;
  referenceDate: string;
  letterDate: string | null;
  version: number;
  status: 'draft' | 'final';
  blocks: NarrativeBlock[];
  paperNumber: string | null;
  publishedOn: string | null;
  /** The embargo: sent to parliament; the moment of publication (now or scheduled); published. */
  sent: boolean;
  publishAt: number | null;
  published: boolean;
  /**
   * The disclosure officer's approval: of the letter as it read (its SHA-256) at a moment of the
   * register (its epoch) with its letter date then.
   */
  approval: { sha256: string; epoch: number; letterDate: string } | null;
  /** Submitted for the disclosure officer's approval, which only then may be given. */
  submitted: boolean;
  /** Once final: what the model expects the letter to hold. */
  final?: {
    sha256: string;
    previousId: string | null;
    totalCents: number;
    draftTokens: Set<string>;
    overview: OverviewEntry[];
    /** The public items it lists, each once. */
    overviewItems: Set<string>;
    /** How it lists each public item, and the deliveries it names by value with the value it names: publishing waits until they are public so. */
    listedAs: Map<string, OverviewEntry>;
    namedDeliveries: Map<string, number | null>;
    publicTokens: Set<string>;
  };
}

type FinalReport = ModelReport & { final: NonNullable<ModelReport['final']> };

type Outcome = 'ok' | 'NotFound' | 'Validation' | 'Conflict';

/** What a run counts, for the campaign's report. */
export class CanaryStats {
  runs = 0;
  steps = 0;
  outcomes = new Map<string, number>();
  lettersFinalised = 0;
  /** Letters the server published by itself when their scheduled moment passed while it ran. */
  scheduledPublications = 0;
  /** Scheduled publications the server took back when their moment came: the letter no longer agreed with the decisions. */
  heldPublications = 0;
  letterRenderingsChecked = 0;
  /** Deliveries assessed and licensed for export, with canaries in every text of it. */
  exportLicences = 0;
  surfacesChecked = 0;
  errorProbes = 0;
  /**
   * Letters whose published figures (or the difference of two published figures) equal an exact amount
   * of a delivery that was not public when the letter was finalised: approved aggregates from which that
   * one delivery's value can be read. Counted per state (undecided or confidential), not failed on.
   */
  aggregateExposures = { undecided: 0, confidential: 0 };

  count(kind: string, outcome: Outcome | 'skipped', detail?: string): void {
    const key = `${kind} ${outcome}${outcome === 'Validation' && detail ? ` (${detail.split(' ')[0]})` : ''}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }
}

/** A public surface shows what it may not or misses what was approved, or the register did otherwise than the model expects. */
export class CanaryFailure extends Error {}

// ---------------------------------------------------------------------------------------------------
// The harness: one in-memory database and API, emptied between runs

export interface Harness {
  handle: DatabaseHandle;
  /** The time as the register, the API and the publication timer see it; moved only by `advance`. */
  clock(): Date;
  advance(ms: number): void;
  request(path: string): Promise<PublicResponse>;
  /** Log lines written since the last call. */
  takeLogs(): string[];
  /** Unexpected errors the API met since the last call. */
  takeErrors(): unknown[];
  /** Empties the register, by deleting or, when asked and now and then, by truncating. */
  reset(truncate?: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface PublicResponse {
  path: string;
  status: number;
  contentType: string;
  headers: string;
  bytes: Uint8Array;
  text: string;
}

/** How often the publication timer looks, in real time: the waits of a run are short. */
const TIMER_INTERVAL_MS = 10;
/**
 * The tables of the register: every table the migrations leave empty (not their own record, nor the
 * version of the public deliveries), so that a table a later migration adds is emptied between runs too.
 */
async function emptyTables({ db }: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  const filled = await Promise.all(rows.map(async ({ name }) => (await sql<{ filled: boolean }>`select exists (select from ${sql.table(name)}) as filled`.execute(db)).rows[0]!.filled));
  return rows.filter((_, index) => !filled[index]).map(({ name }) => name);
}

export async function openHarness(): Promise<Harness> {
  const { handle, dispose } = await openScratchPGlite();
  const tables = await emptyTables(handle);
  let logs: string[] = [];
  let errors: unknown[] = [];
  let resets = 0;
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  // The runs read every rendering as fast as they can from one address; the limit has its own test.
  const api = createApi({
    db: handle.db,
    clock,
    logger: createLogger({ level: 'info', destination }),
    onError: (error) => errors.push(error),
    anonymousRenderingsPerMinute: Number.POSITIVE_INFINITY,
  });
  const timer = await startPublicationTimer({ db: handle.db, intervalMs: TIMER_INTERVAL_MS, clock, onError: (error) => errors.push(error) });
  const decoder = new TextDecoder();
  return {
    handle,
    clock,
    advance: (ms) => void (offset += ms),
    async request(path) {
      const response = await api.request(path);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? '';
      const binary = contentType.startsWith('application/pdf') || contentType.includes('officedocument');
      const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
      return { path, status: response.status, contentType, headers, bytes, text: binary ? '' : decoder.decode(bytes) };
    },
    takeLogs: () => [logs, (logs = [])][0]!,
    takeErrors: () => [errors, (errors = [])][0]!,
    // The audit trail and the final letters refuse deletion by triggers; emptying the scratch database
    // between runs is no change to a register, so the triggers are set aside for it. Deleting is fastest
    // for a few rows; now and then the tables are truncated, so that a long campaign does not bloat them.
    reset: (truncate = ++resets % 250 === 0) => {
      const empty = truncate ? [`truncate ${tables.join(', ')};`] : tables.map((table) => `delete from ${table};`);
      return handle.runScript(`set local session_replication_role = replica;\n${empty.join('\n')}`);
    },
    close: async () => {
      await timer.stop();
      await dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Texts of the surfaces, as a reader would search them

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** Without any white space, soft hyphen or zero-width character: a token broken over lines is whole again. */
export const squeezed = (text: string) => text.replace(/[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g, '');

export async function readableText(format: 'html' | 'markdown' | 'docx' | 'pdf', response: PublicResponse): Promise<string> {
  switch (format) {
    case 'html':
      return `${response.text}\n${decodeEntities(response.text.replace(/<[^>]*>/g, ''))}`;
    case 'markdown':
      return response.text.replace(/\\(.)/g, '$1');
    case 'docx': {
      const parts = unzipSync(response.bytes);
      return Object.entries(parts)
        .map(([name, content]) => `${name}\n${decodeEntities(strFromU8(content).replace(/<[^>]*>/g, ''))}`)
        .join('\n');
    }
    case 'pdf': {
      const pages = await pdfPages(response.bytes);
      // The raw bytes too: the document information (title, author) is not page text.
      return `${pages.map((page) => page.items.map((item) => item.text).join('')).join('\n')}\n${Buffer.from(response.bytes).toString('latin1')}`;
    }
  }
}

/** Every amount a text could be showing, in cents: "123456789", "1.234.567,89", "1,234,567.89", whole euros. */
function amountsInText(text: string): Set<number> {
  const amounts = new Set<number>();
  for (const match of text.matchAll(/\d(?:[\d.,]*\d)?/g)) {
    const digits = match[0].replace(/[.,]/g, '');
    if (digits.length < 6 || digits.length > 16) continue;
    const value = Number(digits);
    amounts.add(value);
    amounts.add(value * 100);
  }
  return amounts;
}

function amountsInJson(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(Math.abs(value));
  else if (typeof value === 'string') for (const amount of amountsInText(value)) into.add(amount);
  else if (Array.isArray(value)) for (const item of value) amountsInJson(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) amountsInJson(item, into);
  return into;
}

/** What a spreadsheet-safe CSV cell holds for a text (a leading apostrophe before a formula character). */
const OPEN_DATA_HEADER =
  'publicId,title,detail,category,categoryCode,supportType,supportTypeCode,quantity,realisedOn,valueEuros,valueBasis,valueBasisCode,letter,letterDate,publicSince,isDemonstration';
const csvText = (text: string | null) => (text === null ? '' : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const FIGURE = /\{\{\s*([\w:-]+)\s*\}\}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const sortedJson = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();

// ---------------------------------------------------------------------------------------------------
// One run: the steps, each followed by a look at every public surface

type Attempt<T> = { outcome: Outcome; value?: T; detail?: string };

/** Steps after which a letter may read otherwise (a new final letter is a new previous letter, and publication gives it its paper number). */
const CHANGES_LETTERS = new Set<Step['kind']>(['create', 'edit', 'revalue', 'pay', 'decidePublic', 'decideConfidential', 'remove', 'finalise', 'publish', 'correct', 'wait']);

const BASE_FIGURES = new Set<string>(KNOWN_FIGURES);
/** Named only when there is a previous letter (the increase in percent also needs its total not to be zero). */
const FIGURES_AFTER_A_LETTER = new Set<string>(FIGURES_AFTER_FIRST_LETTER.filter((name) => name !== 'increasePercent'));

export class CanaryRun {
  readonly deliveries: ModelDelivery[] = [];
  /** Companies, with the name the public may read once decided public. */
  readonly companies: { id: string; publicName: string | null }[] = [];
  readonly reports: ModelReport[] = [];
  /** Every amount ever sent to the register (valuations, payments), and each delivery's sum of payments. */
  readonly #amounts = new Set<number>();
  /** The deliveries of every selection whose decision made its value public: sums the public may have read. */
  readonly #valueSums: ModelDelivery[][] = [];
  readonly #harness: Harness;
  readonly #stats: CanaryStats;
  readonly #runSalt: number;
  readonly #context: RequestContext;
  readonly #baselineId: string;
  #serial = 0;
  #stepNumber = 0;
  /** Counts the changes that may change how a letter reads: an approval given before one may no longer hold. */
  #epoch = 0;
  /** Whether the step changed the register. */
  #changed = false;
  #step: Step | undefined;
  /** Renderings of final letters already read: a final letter never changes (checked by its hash every step). */
  readonly #renderingsRead = new Set<string>();
  readonly #lettersRead = new Set<string>();
  #lettersCompared = -1;
  readonly #baselines = new Map<string, { status: number; contentType: string; body: string }>();

  constructor(harness: Harness, stats: CanaryStats, runSalt: number) {
    this.#harness = harness;
    this.#stats = stats;
    this.#runSalt = runSalt;
    this.#baselineId = uuidFrom(`nobody:${runSalt}`);
    this.#context = { ...systemContext('canary'), now: harness.clock };
  }

  async execute(steps: readonly Step[]): Promise<void> {
    for (const generated of steps) {
      const step = this.#substitute(generated);
      this.#stepNumber++;
      this.#step = step;
      this.#changed = false;
      await this.#apply(step);
      if (this.#changed && CHANGES_LETTERS.has(step.kind)) this.#epoch++;
      this.#stats.steps++;
      await this.inspect(false);
    }
    this.#step = undefined;
    await this.inspect(true);
  }

  // -- the steps ------------------------------------------------------------------------------------

  /**
   * A step about a delivery or a letter when there is none yet registers one instead (a delivery,
   * valued; a draft with a letter date), so that short sequences still reach the letters.
   */
  #substitute(step: Step): Step {
    const salt = 'salt' in step ? step.salt : 'target' in step ? step.target : 0;
    if (this.deliveries.length === 0 && ['edit', 'revalue', 'pay', 'decidePublic', 'decideConfidential', 'remove'].includes(step.kind)) {
      // To pay, a procurement; else stock, realised and valued (non-lethal: the shipment gate lets it pass unlicensed).
      const paid = step.kind === 'pay';
      return {
        kind: 'create', salt, supportType: paid ? 'procurement' : 'stock', fundingSource: 'defenceBudget', category: 'nonLethal', quantity: null, pledgedAt: null,
        realisedAt: paid ? null : DATES[salt % 6]!, value: { amountCents: 10_000_000 + (salt % 1_000_000_007), effectiveDate: DATES[salt % 5]! },
      };
    }
    if (this.reports.length === 0 && ['editDraft', 'approve', 'finalise', 'send', 'publish', 'correct'].includes(step.kind)) {
      return { kind: 'createDraft', referenceDate: REFERENCE_DATES[salt % REFERENCE_DATES.length]!, letterDate: LETTER_DATES[3]!, blocks: null, salt };
    }
    return step;
  }

  #canary(salt: number): string {
    return token('CANARY', this.#serial++, salt);
  }

  #draftToken(salt: number): string {
    return token('DRAFT', this.#serial++, salt);
  }

  #fail(message: string): never {
    const where = this.#step ? `after step ${this.#stepNumber} (${this.#step.kind})` : `after the last step (${this.#stepNumber})`;
    throw new CanaryFailure(`${where}: ${message}`);
  }

  async #attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { outcome: 'ok', value: await work() };
    } catch (error) {
      if (error instanceof NotFoundError) return { outcome: 'NotFound', detail: error.message };
      if (error instanceof ValidationError) return { outcome: 'Validation', detail: error.violations.map((violation) => violation.code).join(' ') };
      if (error instanceof VersionConflictError) return { outcome: 'Conflict', detail: error.message };
      throw error;
    }
  }

  #expect<T>(expected: Outcome, attempt: Attempt<T>, kind: string = this.#step!.kind): attempt is Attempt<T> & { value: T } {
    this.#stats.count(kind, attempt.outcome, attempt.detail);
    if (attempt.outcome === 'ok' && kind === this.#step!.kind) this.#changed = true;
    if (attempt.outcome !== expected) {
      this.#fail(`${kind}: the model expected ${expected}, the register answered ${attempt.outcome}${attempt.detail ? ` (${attempt.detail})` : ''}`);
    }
    return attempt.outcome === 'ok';
  }

  /**
   * The shipment gate: stock handed over on a new date (or newly stock, or of a new category), when its
   * category and type need a licence by the rule, is refused without one for its goods. The quantity and the
   * delivery date never change here.
   */
  #refusedAtShipmentGate(before: ModelDelivery, after: Pick<ModelDelivery, 'category' | 'supportType' | 'realisedAt' | 'quantity'>): boolean {
    const handedOver =
      after.supportType === 'stock' &&
      after.realisedAt !== null &&
      (after.realisedAt !== before.realisedAt || after.supportType !== before.supportType || after.category !== before.category || after.quantity !== before.quantity);
    const covered = before.licensed && after.realisedAt! >= before.licensedFrom && licenceCoversGoods(after.category, before.licensedGoods);
    return handedOver && requiresLicenceByRule(after.category, after.supportType) && !covered;
  }

  /**
   * Whether a decision in force states more than its deliveries would hold with the target holding `held`
   * (a removed one holds none; one without a quantity leaves it unknown). With `othersOnly`, only a decision
   * in force for another delivery than the target: the target's own go with its removal.
   */
  #disclosedAbove(target: ModelDelivery, held: number, othersOnly: boolean): boolean {
    return this.deliveries.some((delivery) => {
      const disclosed = delivery.disclosedQuantity;
      if (delivery.deleted || !disclosed?.selection.includes(target) || (othersOnly && delivery === target)) return false;
      const quantities = disclosed.selection.map((member) => (member === target ? held : member.deleted ? 0 : member.quantity));
      return !quantities.includes(null) && disclosed.stated > (quantities as number[]).reduce((sum, quantity) => sum + quantity, 0);
    });
  }

  #delivery(pick: number): ModelDelivery | undefined {
    return this.deliveries.length === 0 ? undefined : this.deliveries[pick % this.deliveries.length];
  }

  #report(pick: number): ModelReport | undefined {
    return this.reports.length === 0 ? undefined : this.reports[pick % this.reports.length];
  }

  #finals(): FinalReport[] {
    return this.reports.filter((report): report is FinalReport => report.final !== undefined);
  }

  /** The final letter a letter at this reference date follows. */
  #previousFinal(referenceDate: string): FinalReport | undefined {
    return this.#finals()
      .filter((report) => report.referenceDate < referenceDate)
      .sort((a, b) => b.referenceDate.localeCompare(a.referenceDate))[0];
  }

  /** Whether a letter at the reference date would be dated before the final letter it follows (which it names with its date). */
  #datedBeforePrevious(referenceDate: string, letterDate: string | null | undefined): boolean {
    const previous = this.#previousFinal(referenceDate)?.letterDate;
    return !!letterDate && !!previous && letterDate < previous;
  }

  /**
   * Internal texts of training and readiness, which no public surface may show: a stock delivery's
   * readiness is judged, and now and then a training programme that names it is recorded with a count.
   */
  async #recordTrainingAndReadiness(delivery: ModelDelivery, salt: number): Promise<void> {
    const db = this.#harness.handle.db;
    const context = this.#context;
    if (delivery.supportType === 'stock') {
      const effect = READINESS_EFFECTS[salt % READINESS_EFFECTS.length]!;
      // Judged no earlier than pledged.
      const judgedOn = delivery.pledgedAt && delivery.pledgedAt > '2025-01-10' ? delivery.pledgedAt : '2025-01-10';
      await judge(db, context, delivery.id, { effect, reasoning: `Oordeel ${this.#canary(salt + 9)}`, judgedOn }, undefined, IN_SENT_PERIOD);
      delivery.readinessDates.push(judgedOn);
    }
    if (salt % 4 !== 0) return;
    const programme = await createProgramme(db, context, {
      key: `k${this.#serial++}`,
      name: `Training ${this.#canary(salt + 10)}`,
      hostCountry: 'GB',
      framework: 'coalition',
      systemTrainedOn: `Systeem ${this.#canary(salt + 11)}`,
      description: `Interne beschrijving ${this.#canary(salt + 12)}`,
      deliveryIds: [delivery.id],
    });
    delivery.named = true;
    await addContribution(db, context, programme.id, {
      periodFrom: '2024-01-01', periodTo: null, countsUpTo: '2025-01-10', trainers: null, trainersIsMaximum: false, rotations: null, soldiersPerRotation: null,
      trainees: salt % 100_000, traineesIsApproximate: true, courses: null, costEstimateCents: null, fundingSource: null, note: `Telling ${this.#canary(salt + 13)}`,
    }, undefined, IN_SENT_PERIOD);
  }

  /** The rest of a contract's industry record, every text internal: progress, price, lesson, co-production and a shared need. */
  async #recordIndustryTexts(contractId: string, salt: number, amountCents: number, on: string): Promise<void> {
    const db = this.#harness.handle.db;
    const context = this.#context;
    const milestone = (await db.selectFrom('contractMilestone').select('id').where('contractId', '=', contractId).executeTakeFirstOrThrow()).id;
    await reportProgress(db, context, milestone, { percent: salt % 101, reportedOn: on, reason: `Voortgang ${this.#canary(salt + 20)}` }, undefined, IN_SENT_PERIOD);
    await recordPriceDevelopment(db, context, { item: `Artikel ${this.#canary(salt + 21)}`, contractId, earlierPriceCents: amountCents, earlierOn: on, paidPriceCents: amountCents, paidOn: on, note: `Afweging ${this.#canary(salt + 22)}` });
    await recordLesson(db, context, { notedOn: on, category: 'pricing', text: `Les ${this.#canary(salt + 23)}` });
    await createCoproduction(db, context, { title: `Coproductie ${this.#canary(salt + 24)}`, partner: `Partner ${this.#canary(salt + 25)}`, stage: 'intention', reachedOn: on, note: `Stap ${this.#canary(salt + 26)}` }, IN_SENT_PERIOD);
    await recordDemandBundle(db, context, { need: `Behoefte ${this.#canary(salt + 27)}`, category: CATEGORIES[salt % CATEGORIES.length]!, dutchQuantity: 1, ukrainianQuantity: 1, identifiedOn: on, note: `Bundeling ${this.#canary(salt + 28)}` }, IN_SENT_PERIOD);
  }

  /**
   * Export control, all of it confidential: an assessment on the eight criteria, a licence for the goods valid on every
   * date of the sequences, now and then an inspection granted to parliament and the rule confirmed with a
   * reason; every text carries a canary.
   */
  async #licenseForExport(deliveryId: string, salt: number, from: string, goods: ModelDelivery['licensedGoods']): Promise<void> {
    const db = this.#harness.handle.db;
    const context = this.#context;
    const withConditions = salt % 3 === 0;
    const assessment = await assess(db, context, deliveryId, {
      criteria: positiveAssessment.criteria.map((entry) => ({ ...entry, reasoning: `Motivering ${this.#canary(salt + 20 + entry.criterion)}` })),
      endUser: `Eindgebruiker ${this.#canary(salt + 14)}`,
      endUseStatement: `Verklaring ${this.#canary(salt + 15)}`,
      outcome: withConditions ? 'positiveWithConditions' : 'positive',
      conditions: withConditions ? `Voorwaarde ${this.#canary(salt + 16)}` : '',
      expedited: salt % 4 === 0,
      assessedOn: from,
    });
    await issueLicence(db, context, deliveryId, {
      ...LICENCE_THROUGHOUT,
      issuedOn: from,
      assessmentId: assessment.id,
      number: this.#canary(salt + 17),
      conditions: `Vergunningvoorwaarde ${this.#canary(salt + 18)}`,
      ...goods,
      valueAuthorisedCents: 10_000_000 + (salt % 1_000_000),
      importingState: 'UA',
      withheldGround: salt % 7 === 0 ? 'nationalSecurity' : null,
    });
    if (salt % 4 === 1) await grantInspection(db, context, assessment.id, `Verzoek ${this.#canary(salt + 19)}`);
    if (salt % 6 === 2) await setRequirement(db, context, deliveryId, { required: true, reason: `Reden ${this.#canary(salt + 29)}`, effectiveOn: from });
    this.#stats.exportLicences++;
  }

  #internalTexts(salt: number) {
    return {
      title: `Levering ${this.#canary(salt)}`,
      description: `Interne beschrijving ${this.#canary(salt + 1)}`,
      publicTitle: `Voorstel openbare titel ${this.#canary(salt + 2)}`,
      unit: `eenheden-${this.#canary(salt + 3)}`,
      company: `Leverancier ${this.#canary(salt + 4)} B.V.`,
      contractReference: this.#canary(salt + 5),
      sources: [{ description: `Bron ${this.#canary(salt + 6)}`, url: `https://bron.example/${this.#canary(salt + 7)}` }],
    };
  }

  async #apply(step: Step): Promise<void> {
    const db = this.#harness.handle.db;
    const context = this.#context;
    switch (step.kind) {
      case 'create': {
        const realisedAt = step.supportType === 'stock' ? step.realisedAt : null;
        // Every other delivery is licensed for export, so that the shipment gate both lets pass and refuses: one
        // that needs a licence is registered first, licensed and then handed over; without one it is refused.
        const licensed = step.salt % 2 === 0;
        // An assessment follows the pledge, as a valuation does.
        const licensedFrom = step.pledgedAt !== null && step.pledgedAt > LICENCE_THROUGHOUT.issuedOn ? step.pledgedAt : LICENCE_THROUGHOUT.issuedOn;
        const needsLicence = realisedAt !== null && requiresLicenceByRule(step.category, step.supportType);
        const expected = (step.pledgedAt && realisedAt && realisedAt < step.pledgedAt) || (needsLicence && !licensed) ? 'Validation' : 'ok';
        const handedOverOnceLicensed = needsLicence && expected === 'ok';
        const attempt = await this.#attempt(() =>
          createDelivery(db, context, {
            ...this.#internalTexts(step.salt),
            category: step.category,
            quantity: step.quantity,
            supportType: step.supportType,
            fundingSource: step.fundingSource,
            pledgedAt: step.pledgedAt,
            committedAt: null,
            realisedAt: handedOverOnceLicensed ? null : realisedAt,
            deliveredAt: null,
          }, IN_SENT_PERIOD),
        );
        if (!this.#expect(expected, attempt)) return;
        const goods = { ...licensedGoods(step.category), ...(step.salt % 5 === 0 && { unRegisterCategory: null }) };
        if (licensed) await this.#licenseForExport(attempt.value.id, step.salt, licensedFrom, goods);
        if (handedOverOnceLicensed) await updateDelivery(db, context, attempt.value.id, { realisedAt }, undefined, IN_SENT_PERIOD);
        const delivery: ModelDelivery = {
          id: attempt.value.id,
          category: step.category,
          supportType: step.supportType,
          fundingSource: step.fundingSource,
          quantity: step.quantity,
          pledgedAt: step.pledgedAt,
          realisedAt,
          licensed,
          licensedFrom,
          licensedGoods: goods,
          valuations: [],
          payments: [],
          readinessDates: [],
          deleted: false,
          named: false,
          committedFrom: null,
          state: 'undecided',
          presentation: null,
          disclosedQuantity: null,
          publicSupportType: null,
          publicValueCents: null,
          publicItem: null,
          decidedWith: [],
        };
        this.deliveries.push(delivery);
        await this.#recordTrainingAndReadiness(delivery, step.salt);
        const { value } = step;
        if (value) {
          this.#amounts.add(value.amountCents);
          const valued = await this.#attempt(() =>
            addValuation(db, context, delivery.id, { ...value, currency: 'EUR', originalAmountMinor: null, exchangeRate: null, basis: fittingBasis(delivery.supportType), note: `Taxatie ${this.#canary(step.salt + 8)}` }, undefined, IN_SENT_PERIOD),
          );
          // A valuation is not dated before the pledge.
          const isValued = this.#expect(step.pledgedAt && value.effectiveDate < step.pledgedAt ? 'Validation' : 'ok', valued, 'valuation');
          if (isValued) delivery.valuations.push({ ...value, basis: fittingBasis(delivery.supportType) });
          if (isValued && delivery.supportType === 'stock' && step.salt % 3 === 0) {
            // Its replenishment project: a name and note as internal as the delivery's, replacing a cent of what it is valued at.
            await createProject(db, context, {
              name: `Aanvulling ${this.#canary(step.salt + 14)}`,
              stage: 'identified',
              budgetCents: null,
              expectedOn: null,
              note: `Vervanging ${this.#canary(step.salt + 15)}`,
              replaces: [{ deliveryId: delivery.id, replacedValueCents: 1, replacedQuantity: null }],
              asOf: value.effectiveDate,
              reason: '',
            }, IN_SENT_PERIOD);
            delivery.named = true;
          }
          // Its budget commitment: its texts and amount are as internal as the delivery's. Every other one names the
          // delivery, from the budget it is paid from (work for the EU is paid by the EU: none names that), when dated
          // on its valuation's day after the pledge, as a commitment follows it: that day then keeps the pledge as the valuation does.
          const fund = BUDGET_FUNDS.find((candidate) => candidate === delivery.fundingSource);
          const names = step.salt % 2 === 0 && fund !== undefined && isValued;
          await createCommitment(
            db,
            context,
            {
              title: `Verplichting ${this.#canary(step.salt + 9)}`,
              fund: (names && fund) || 'defenceBudget',
              budgetYear: 2025,
              deliveryId: names ? delivery.id : null,
              contractReference: this.#canary(step.salt + 10),
            },
            { stage: 'committed', amountCents: value.amountCents, effectiveOn: value.effectiveDate, note: `Toelichting ${this.#canary(step.salt + 11)}` },
          );
          if (names) Object.assign(delivery, { named: true, committedFrom: fund });
        }
        return;
      }
      case 'edit': {
        const target = this.#delivery(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        // Now and then recounted, to as few as a decision may state more than.
        const recounted = step.salt % 4 === 0 ? (step.salt % 40) + 1 : undefined;
        const change = {
          ...this.#internalTexts(step.salt),
          ...(step.category === undefined ? {} : { category: step.category }),
          ...(step.fundingSource === undefined ? {} : { fundingSource: step.fundingSource }),
          ...(step.supportType === undefined ? {} : { supportType: step.supportType }),
          ...(step.pledgedAt === undefined ? {} : { pledgedAt: step.pledgedAt }),
          ...(step.realisedAt === undefined ? {} : { realisedAt: step.realisedAt }),
          ...(recounted === undefined ? {} : { quantity: recounted }),
        };
        const supportType = step.supportType ?? target.supportType;
        const category = step.category ?? target.category;
        const pledgedAt = step.pledgedAt === undefined ? target.pledgedAt : step.pledgedAt;
        const realisedAt = step.realisedAt === undefined ? target.realisedAt : step.realisedAt;
        const fundingSource = step.fundingSource ?? target.fundingSource;
        const quantity = recounted ?? target.quantity;
        const firstPaidOn = this.#firstPaidOn(target);
        const followedOn = [...target.valuations.map((valuation) => valuation.effectiveDate), ...target.readinessDates, ...(target.licensed ? [target.licensedFrom] : [])];
        const valid =
          !(pledgedAt && realisedAt && realisedAt < pledgedAt) &&
          !(pledgedAt && followedOn.some((date) => date < pledgedAt)) &&
          (supportType === 'stock' ? target.payments.length === 0 : realisedAt === firstPaidOn) &&
          // Stock with readiness records (a judgement, a decision not to replace it) stays stock.
          !(target.supportType === 'stock' && supportType !== 'stock' && target.readinessDates.length > 0) &&
          // A delivery valued at a basis another support type is not valued at keeps its type.
          !(supportType !== target.supportType && target.valuations.some((valuation) => valuation.basis !== fittingBasis(supportType))) &&
          // A delivery committed from a fund stays paid from it.
          !(fundingSource !== target.fundingSource && target.committedFrom !== null && target.committedFrom !== fundingSource) &&
          // Fewer items than a decision in force states of them are refused; more never make one false.
          !(quantity !== null && (target.quantity === null || quantity < target.quantity) && this.#disclosedAbove(target, quantity, false)) &&
          !this.#refusedAtShipmentGate(target, { category, supportType, realisedAt, quantity });
        const expected = target.deleted ? 'NotFound' : step.stale ? 'Conflict' : valid ? 'ok' : 'Validation';
        const attempt = await this.#attempt(() => updateDelivery(db, context, target.id, change, step.stale ? 0 : undefined, IN_SENT_PERIOD));
        if (!this.#expect(expected, attempt)) return;
        Object.assign(target, { category, supportType, pledgedAt, realisedAt, fundingSource, quantity });
        return;
      }
      case 'revalue': {
        const target = this.#delivery(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        this.#amounts.add(step.amountCents);
        const beforePledge = target.pledgedAt !== null && step.effectiveDate < target.pledgedAt;
        const expected = step.withRate ? 'Validation' : target.deleted ? 'NotFound' : beforePledge ? 'Validation' : 'ok';
        // A stock delivery is now and then revalued by a decision not to replace it, which revalues the same way,
        // taken on the day its revaluation holds from.
        const notReplacing = !step.withRate && target.supportType === 'stock' && step.salt % 3 === 0;
        const decidedOn = step.effectiveDate;
        const attempt = await this.#attempt<unknown>(() =>
          notReplacing
            ? decideNotToReplace(db, context, target.id, {
                decidedOn,
                reason: `Niet vervangen ${this.#canary(step.salt)}`,
                revaluation: { amountCents: step.amountCents, basis: 'bookValue', effectiveDate: step.effectiveDate },
              }, undefined, IN_SENT_PERIOD)
            : addValuation(db, context, target.id, {
                amountCents: step.amountCents,
                effectiveDate: step.effectiveDate,
                currency: 'EUR',
                originalAmountMinor: step.withRate ? step.amountCents : null,
                exchangeRate: step.withRate ? '1.000000' : null,
                basis: fittingBasis(target.supportType),
                note: `Herwaardering ${this.#canary(step.salt)}`,
              }, undefined, IN_SENT_PERIOD),
        );
        if (!this.#expect(expected, attempt)) return;
        target.valuations.push({ amountCents: step.amountCents, effectiveDate: step.effectiveDate, basis: fittingBasis(target.supportType) });
        if (notReplacing) target.readinessDates.push(decidedOn);
        return;
      }
      case 'pay': {
        // Mostly a delivery that is paid for; now and then any, stock too (which is refused).
        const payable = this.deliveries.filter((delivery) => delivery.supportType !== 'stock');
        const target = payable.length > 0 && step.target % 4 !== 0 ? payable[step.target % payable.length] : this.#delivery(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        this.#amounts.add(step.amountCents);
        const firstPaidOn = [step.paidOn, ...target.payments.map((payment) => payment.paidOn)].sort()[0]!;
        const expected = target.deleted
          ? 'NotFound'
          : target.supportType === 'stock' || (target.pledgedAt && firstPaidOn < target.pledgedAt)
            ? 'Validation'
            : 'ok';
        const attempt = await this.#attempt(() =>
          // Random amounts may lie far above the valuation: confirmed, as what reaches a public surface is modelled, not what is plausible.
          addPayment(db, context, target.id, { amountCents: step.amountCents, paidOn: step.paidOn, reference: this.#canary(step.salt), note: `Betaling ${this.#canary(step.salt + 1)}` }, undefined, ['paymentFarAboveValuation', ...IN_SENT_PERIOD]),
        );
        if (!this.#expect(expected, attempt)) return;
        target.payments.push({ amountCents: step.amountCents, paidOn: step.paidOn });
        target.realisedAt = firstPaidOn;
        this.#amounts.add(target.payments.reduce((sum, payment) => sum + payment.amountCents, 0));
        return;
      }
      case 'epfClaim': {
        // Its texts and amounts are internal: they must never reach a public surface.
        const half = Math.floor(step.amountCents / 2);
        [step.amountCents, half].forEach((cents) => this.#amounts.add(cents));
        const attempt = await this.#attempt(async () => {
          const { claim } = await createClaim(db, context, {
            reference: this.#canary(step.salt), deliveryId: null, batch: `Bundel ${this.#canary(step.salt + 1)}`, trancheId: null,
            period: this.#canary(step.salt + 2), declaredCents: step.amountCents, declaredOn: step.declaredOn, note: `Toelichting ${this.#canary(step.salt + 3)}`,
          }, IN_SENT_PERIOD);
          return assessClaim(db, context, claim.id, { compensatedCents: half, assessedOn: step.declaredOn, remainderExpectedBy: null, note: this.#canary(step.salt + 4) }, undefined, IN_SENT_PERIOD);
        });
        this.#expect('ok', attempt);
        return;
      }
      case 'decidePublic': {
        const targets = this.#targets(step.targets);
        if (targets.length === 0) return this.#stats.count(step.kind, 'skipped');
        const spec = step.presentation;
        const titleToken = token('PUBLIC', this.#serial++, spec.salt);
        const detailToken = token('PUBLIC', this.#serial++, spec.salt + 1);
        const title = spec.invalid === 'blank' ? '   ' : `${spec.start}${titleToken}${spec.awkward}${spec.invalid === 'long' ? ` ${'x'.repeat(300)}` : ''}`;
        const presentation: Presentation = {
          title,
          detail: spec.withDetail ? `${detailToken} toelichting${spec.awkward}` : '',
          category: spec.category === 'own' ? targets[0]!.category : spec.category,
          quantity: spec.quantity === null ? null : `circa ${spec.quantity}`,
          tokens: spec.withDetail ? [titleToken, detailToken] : [titleToken],
        };
        // A removed delivery is a wrong value of the selection; one without a value yet has none to make public; the
        // public category is one of theirs or "other"; a public quantity states no more than the deliveries hold
        // together when each has a quantity.
        // One public item states one type of support, and a value public on one basis. A value is made public over
        // deliveries no sum made public touched, or over exactly those of the sums that touched them.
        const refused =
          (spec.valuePublic && this.#valueTellsAnother(targets)) ||
          targets.some((target) => target.deleted || (spec.valuePublic && this.#currentValue(target) === 0)) ||
          new Set(targets.map((target) => target.supportType)).size > 1 ||
          (spec.valuePublic && new Set(targets.map((target) => target.supportType === 'stock' ? this.#latestValuation(target, '9999-12-31')?.basis : target.supportType)).size > 1) ||
          (presentation.category !== 'other' && !targets.some((target) => target.category === presentation.category)) ||
          (spec.quantity !== null && targets.every((target) => target.quantity !== null) && spec.quantity > targets.reduce((sum, target) => sum + target.quantity!, 0));
        const expected = spec.invalid || refused ? 'Validation' : 'ok';
        const { tokens: _tokens, ...approved } = presentation;
        const openData = spec.valuePublic ? { openData: { realisedDate: null, value: true } } : {};
        const attempt = await this.#attempt(() =>
          decide(db, context, targets.map((target) => target.id), { state: 'public', presentation: approved, ...openData, note: `Afweging ${this.#canary(step.salt)}` }),
        );
        if (!this.#expect(expected, attempt)) return;
        const publicItem = this.#itemFor(targets);
        for (const target of targets) {
          Object.assign(target, {
            state: 'public',
            presentation,
            disclosedQuantity: spec.quantity === null ? null : { stated: spec.quantity, selection: targets },
            publicSupportType: target.supportType,
            publicValueCents: spec.valuePublic ? this.#currentValue(target) : null,
            publicItem,
            decidedWith: targets,
          });
        }
        if (spec.valuePublic) this.#valueSums.push(targets);
        return;
      }
      case 'decideConfidential': {
        const targets = this.#targets(step.targets);
        if (targets.length === 0) return this.#stats.count(step.kind, 'skipped');
        // A review date is after today, checked before the deliveries are looked up.
        const reviewRefused = step.reviewOn !== null && step.reviewOn <= todayInAmsterdam(this.#harness.clock());
        const expected = reviewRefused || targets.some((target) => target.deleted) ? 'Validation' : 'ok';
        const attempt = await this.#attempt(() =>
          decide(db, context, targets.map((target) => target.id), { state: 'confidential', ground: step.ground as ConfidentialityGround, reviewOn: step.reviewOn, note: `Afweging ${this.#canary(step.salt)}` }),
        );
        if (!this.#expect(expected, attempt)) return;
        for (const target of targets) Object.assign(target, { state: 'confidential', presentation: null, disclosedQuantity: null, publicValueCents: null, decidedWith: [] });
        return;
      }
      case 'createCompany': {
        const company = await createCompany(db, context, { name: `Bedrijf ${this.#canary(step.salt)}`, country: 'UA', registrationNumber: this.#canary(step.salt + 1) });
        this.#amounts.add(step.amountCents);
        const contract = await createContract(db, context, {
          companyId: company.id,
          reference: this.#canary(step.salt + 2),
          subject: `Levering ${this.#canary(step.salt + 3)}`,
          amountCents: step.amountCents,
          signedOn: step.signedOn,
          deliveryIds: [],
          milestones: [{ title: `Mijlpaal ${this.#canary(step.salt + 4)}`, dueOn: step.signedOn }],
        }, IN_SENT_PERIOD);
        this.companies.push({ id: company.id, publicName: null });
        await this.#recordIndustryTexts(contract.id, step.salt, step.amountCents, step.signedOn);
        return;
      }
      case 'decideCompany': {
        const target = this.companies.length === 0 ? undefined : this.companies[step.target % this.companies.length];
        if (!target) return this.#stats.count(step.kind, 'skipped');
        const note = `Afweging ${this.#canary(step.salt)}`;
        const publicName = token('PUBLIC', this.#serial++, step.salt);
        await decideOnCompany(db, context, target.id, step.isPublic ? { state: 'public', publicName, note } : { state: 'confidential', ground: 'companyInterests', reviewOn: null, note });
        target.publicName = step.isPublic ? publicName : null;
        return;
      }
      case 'remove': {
        const target = this.#delivery(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        // Nor is one a decision in force for the others decided at once with it needs the items of.
        const expected = target.deleted ? 'NotFound' : step.stale ? 'Conflict' : target.named || this.#disclosedAbove(target, 0, true) ? 'Validation' : 'ok';
        const attempt = await this.#attempt(() => deleteDelivery(db, context, target.id, step.stale ? 0 : undefined, IN_SENT_PERIOD));
        if (this.#expect(expected, attempt)) target.deleted = true;
        return;
      }
      case 'createDraft': {
        const blocks = step.blocks ? this.#blocks(step.blocks) : undefined;
        const inherited = this.#previousFinal(step.referenceDate)?.blocks ?? [...DEFAULT_BLOCKS];
        const attempt = await this.#attempt(() => createDraft(db, context, { ...SIGNED, referenceDate: step.referenceDate, letterDate: step.letterDate, ...(blocks ? { blocks } : {}) }));
        // One draft per reference date, none for a date a final letter has reached, and none dated before its reference date or the letter it follows.
        const refused =
          (step.letterDate !== null && step.letterDate < step.referenceDate) ||
          this.#datedBeforePrevious(step.referenceDate, step.letterDate) ||
          this.reports.some((report) => (report.status === 'draft' ? report.referenceDate === step.referenceDate : report.referenceDate >= step.referenceDate));
        if (!this.#expect(refused ? 'Validation' : 'ok', attempt)) return;
        this.reports.push({
          id: attempt.value.id,
          referenceDate: step.referenceDate,
          letterDate: step.letterDate,
          version: 1,
          status: 'draft',
          blocks: blocks ?? inherited,
          paperNumber: null,
          publishedOn: null,
          sent: false,
          publishAt: null,
          published: false,
          approval: null,
          submitted: false,
        });
        const text = (held: readonly NarrativeBlock[]) => JSON.stringify(held.map((block) => [block.key, block.heading, block.text]));
        if (text(attempt.value.blocks) !== text(blocks ?? inherited)) this.#fail(`a new draft holds ${text(attempt.value.blocks)}, the model expects ${text(blocks ?? inherited)}`);
        return;
      }
      case 'editDraft': {
        const target = this.#report(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        const blocks = step.blocks ? this.#blocks(step.blocks) : undefined;
        const datedBefore = (!!step.letterDate && step.letterDate < target.referenceDate) || this.#datedBeforePrevious(target.referenceDate, step.letterDate);
        const expected = target.status === 'final' ? 'Validation' : step.stale ? 'Conflict' : datedBefore ? 'Validation' : 'ok';
        const change = { ...(blocks ? { blocks } : {}), ...(step.letterDate === undefined ? {} : { letterDate: step.letterDate }) };
        const attempt = await this.#attempt(() => updateDraft(db, context, target.id, step.stale ? target.version - 1 : target.version, change));
        if (!this.#expect(expected, attempt)) return;
        target.version++;
        // A change of the draft needs a new approval.
        target.approval = null;
        if (blocks) target.blocks = blocks;
        if (step.letterDate !== undefined) target.letterDate = step.letterDate;
        return;
      }
      case 'approve':
        return this.#approve(step);
      case 'finalise':
        return this.#finalise(step);
      case 'send': {
        const target = this.#finalPick(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        return this.#send(target);
      }
      case 'publish': {
        const target = this.#finalPick(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        return this.#publish(target, step);
      }
      case 'correct': {
        const target = this.#finalPick(step.target);
        if (!target) return this.#stats.count(step.kind, 'skipped');
        const refused =
          target.publishAt === null ||
          this.#badDetails(target, step.paperNumber, step.publishedOn) ||
          (step.paperNumber === target.paperNumber && step.publishedOn === target.publishedOn);
        const attempt = await this.#attempt(() => correctPublication(db, context, target.id, '*', { paperNumber: step.paperNumber, publishedOn: step.publishedOn, reason: 'Correctie' }));
        if (!this.#expect(refused ? 'Validation' : 'ok', attempt)) return;
        Object.assign(target, { paperNumber: step.paperNumber, publishedOn: step.publishedOn, version: target.version + 1 });
        return;
      }
      case 'wait': {
        // The clock moves on while the server runs: its publication timer publishes what has come due, the
        // letter it follows first, and takes back what can no longer be published.
        this.#harness.advance(WAIT_MS);
        const now = this.#harness.clock().getTime();
        const due = this.#finals()
          .filter((report) => !report.published && report.publishAt !== null && report.publishAt <= now)
          .sort((a, b) => a.publishAt! - b.publishAt! || a.referenceDate.localeCompare(b.referenceDate));
        const deadline = Date.now() + 5_000;
        let published = 0;
        for (const report of due) {
          const previous = this.reports.find((candidate) => candidate.id === report.final.previousId);
          const held = (previous !== undefined && !previous.published) || this.#listingHeld(report);
          for (;;) {
            const view = await getLetter(db, report.id, this.#harness.clock());
            if (held ? view.publishAt === null : view.publishedAt !== null) break;
            if (Date.now() > deadline) this.#fail(`the letter ${report.id} was scheduled for ${new Date(report.publishAt!).toISOString()} and is not ${held ? 'held back' : 'published'} at ${this.#harness.clock().toISOString()}`);
            await new Promise((resolve) => setTimeout(resolve, TIMER_INTERVAL_MS));
          }
          if (held) report.publishAt = null;
          else {
            this.#published(report);
            published++;
          }
        }
        this.#changed = published > 0;
        this.#stats.scheduledPublications += published;
        this.#stats.heldPublications += due.length - published;
        this.#stats.count(step.kind, 'ok');
        return;
      }
    }
  }

  async #send(target: ModelReport, kind?: string): Promise<void> {
    const attempt = await this.#attempt(() => sendLetter(this.#harness.handle.db, this.#context, target.id, '*'));
    if (!this.#expect(target.status !== 'final' || target.sent ? 'Validation' : 'ok', attempt, kind)) return;
    Object.assign(target, { sent: true, version: target.version + 1 });
  }

  /** Records the publication: published at once, or scheduled for the publication timer. */
  async #publish(target: ModelReport, step: { paperNumber: string; publishedOn: string; scheduled: boolean }, kind?: string): Promise<void> {
    const now = this.#harness.clock().getTime();
    const publishAt = step.scheduled ? now + SCHEDULED_AHEAD_MS : now;
    // A letter prints the figures of the letter it follows: it is published no earlier than that one.
    const previous = this.reports.find((report) => report.id === target.final?.previousId);
    const beforePrevious = previous !== undefined && !previous.published && (previous.publishAt === null || previous.publishAt > publishAt);
    const refused =
      target.status !== 'final' || !target.sent || target.publishAt !== null || this.#badDetails(target, step.paperNumber, step.publishedOn) || beforePrevious ||
      this.#listingHeld(target as FinalReport);
    const details = { paperNumber: step.paperNumber, publishedOn: step.publishedOn, ...(step.scheduled ? { publishAt: new Date(publishAt).toISOString() } : {}) };
    const attempt = await this.#attempt(() => recordPublication(this.#harness.handle.db, this.#context, target.id, '*', details));
    if (!this.#expect(refused ? 'Validation' : 'ok', attempt, kind)) return;
    Object.assign(target, { paperNumber: step.paperNumber, publishedOn: step.publishedOn, publishAt, version: target.version + 1 });
    if (!step.scheduled) {
      // The letter it follows, scheduled for a moment that has come, goes first.
      if (previous && !previous.published) this.#published(previous as FinalReport);
      this.#published(target as FinalReport);
    }
    if ((attempt.value.publishedAt !== null) === step.scheduled) {
      this.#fail(`the letter ${target.id} is ${attempt.value.publishedAt ? '' : 'not '}published after its publication was ${step.scheduled ? 'scheduled' : 'recorded'}`);
    }
  }

  /**
   * Whether decisions since the letter became final keep it from being published: a delivery it lists is no
   * longer public, or public otherwise, or one it names by value is no longer public, or its value no longer is, or is public otherwise.
   */
  #listingHeld(report: FinalReport): boolean {
    const publicNow = (id: string) => this.deliveries.find((delivery) => delivery.id === id && delivery.state === 'public' && !delivery.deleted);
    const listedOtherwise = [...report.final.listedAs].some(([item, entry]) => {
      const delivery = this.#members(item)[0];
      if (!delivery) return true;
      const { title, detail, category, quantity } = delivery.presentation!;
      return title !== entry.title || detail !== entry.detail || category !== entry.category || quantity !== entry.quantity || delivery.publicSupportType !== entry.supportType;
    });
    return listedOtherwise || [...report.final.namedDeliveries].some(([id, named]) => {
      const delivery = publicNow(id);
      const decided = delivery ? this.#itemValue(this.#members(delivery.publicItem!)) : null;
      return decided === null || named === null || deliveryValueText(decided) !== deliveryValueText(named);
    });
  }

  /** Mostly a final letter; now and then any, a draft too (which is refused). */
  #finalPick(choice: number): ModelReport | undefined {
    const finals = this.#finals();
    return finals.length > 0 && choice % 4 !== 0 ? finals[choice % finals.length] : this.#report(choice);
  }

  /**
   * Publication details the rules refuse: a paper number not in parliament's form, one another letter carries or
   * out of the order of the letters' dates (every valid number here is of dossier 22 054), a date before the letter's.
   */
  #badDetails(target: ModelReport, paperNumber: string, publishedOn: string): boolean {
    return !VALID_PAPER_NUMBER.test(paperNumber) || target.letterDate === null || publishedOn < target.letterDate || this.#numberOutOfOrder(target, paperNumber);
  }

  #numberOutOfOrder(target: ModelReport, paperNumber: string): boolean {
    const number = numberInDossier(paperNumber);
    return this.reports.some((other) => {
      if (other === target || other.paperNumber === null) return false;
      const theirs = numberInDossier(other.paperNumber);
      return theirs === number || (other.letterDate! < target.letterDate! && theirs >= number) || (other.letterDate! > target.letterDate! && theirs <= number);
    });
  }

  /** From now on the letter is public, and so are the deliveries it is the first to list. */
  #published(report: FinalReport): void {
    report.published = true;
    this.#publishedFigures.set(report.id, this.#finalSnapshots.get(report.id)!);
  }

  /** Published letters: the only ones a public surface may show. */
  #publishedReports(): FinalReport[] {
    return this.#finals().filter((report) => report.published);
  }

  /**
   * The item the deliveries decided public at once are: the one they all are already when they are all of it (not
   * removed), else a new one.
   */
  #itemFor(targets: ModelDelivery[]): string {
    const [shared, ...others] = new Set(targets.map((target) => target.publicItem));
    const known = this.deliveries.filter((delivery) => delivery.publicItem === shared && shared !== null && !delivery.deleted);
    return shared && others.length === 0 && known.every((delivery) => targets.includes(delivery)) ? shared : `item-${this.#serial++}`;
  }

  /** The deliveries a public item is made of: those of it decided public, not removed. */
  #members(item: string): ModelDelivery[] {
    return this.deliveries.filter((delivery) => delivery.publicItem === item && delivery.state === 'public' && !delivery.deleted);
  }

  /** The public items, each with its deliveries: every delivery decided public is in one. */
  #publicItems(): Map<string, ModelDelivery[]> {
    const items = new Map<string, ModelDelivery[]>();
    for (const delivery of this.deliveries) if (delivery.state === 'public' && !delivery.deleted) items.set(delivery.publicItem!, [...(items.get(delivery.publicItem!) ?? []), delivery]);
    return items;
  }

  /**
   * What open data gives as an item's value: what its decision made public of its deliveries, summed; null where it
   * kept them back, and once a delivery decided with them left the item (the rest's sum would tell the leaver's).
   */
  #itemValue(members: ModelDelivery[]): number | null {
    const left = members.some((member) => member.decidedWith.some((together) => !members.includes(together)));
    return left || members.some((member) => member.publicValueCents === null) ? null : members.reduce((sum, member) => sum + member.publicValueCents!, 0);
  }

  /**
   * Whether a value public over the selection would, beside a sum made public before, tell a value never made
   * public: unless no sum touched its deliveries, it is refused where one of them was in none, or one outside it
   * was in the same sums as one in it.
   */
  #valueTellsAnother(targets: ModelDelivery[]): boolean {
    const part = (delivery: ModelDelivery) => this.#valueSums.flatMap((sum, index) => (sum.includes(delivery) ? [index] : [])).join(' ');
    const parts = new Set(targets.map(part));
    if (parts.size === 1 && parts.has('')) return false;
    return parts.has('') || this.deliveries.some((delivery) => !targets.includes(delivery) && parts.has(part(delivery)));
  }

  /** The items on public surfaces: decided public and listed by a published letter. */
  #visibleItems(): ModelDelivery[][] {
    const published = this.#publishedReports();
    return [...this.#publicItems()].filter(([item]) => published.some((report) => report.final.overviewItems.has(item))).map(([, members]) => members);
  }

  #targets(picks: number[]): ModelDelivery[] {
    if (this.deliveries.length === 0) return [];
    return [...new Set(picks.map((choice) => this.#delivery(choice)!))];
  }

  /** Realised by the date as the figures count it: stock handed over, anything else paid (nothing is withdrawn here). */
  #realisedBy(delivery: ModelDelivery, date: string): boolean {
    if (delivery.supportType === 'stock') return delivery.realisedAt !== null && delivery.realisedAt <= date;
    return delivery.payments.some((payment) => payment.paidOn <= date);
  }

  /** What the delivery counts for today: stock its latest valuation, anything else the sum of its payments. */
  #currentValue(delivery: ModelDelivery): number {
    if (delivery.supportType !== 'stock') return delivery.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
    return this.#latestValuation(delivery, '9999-12-31')?.amountCents ?? 0;
  }

  /** The valuation in force on the date: the latest effective by then, the one recorded last on a day with two. */
  #latestValuation(delivery: ModelDelivery, date: string) {
    return delivery.valuations.map((valuation, order) => ({ ...valuation, order }))
      .filter((valuation) => valuation.effectiveDate <= date)
      .sort((a, b) => (a.effectiveDate === b.effectiveDate ? a.order - b.order : a.effectiveDate < b.effectiveDate ? -1 : 1)).at(-1);
  }

  #firstPaidOn(delivery: ModelDelivery): string | null {
    return delivery.payments.map((payment) => payment.paidOn).sort()[0] ?? null;
  }

  #blocks(spec: BlocksSpec): NarrativeBlock[] {
    return spec.map((block, index) => ({
      key: `b${index}`,
      heading: block.heading === null ? null : `Kop ${this.#draftToken(block.heading)}`,
      text: block.paragraphs
        .map((paragraph) => {
          if (paragraph.kind === 'table') return '{{figuresTable}}';
          const figure = paragraph.figure === null ? '' : ` {{${this.#figureName(paragraph.figure, paragraph.pick)}}}`;
          const footnote = paragraph.footnote ? `[^Voetnoot ${this.#draftToken(paragraph.salt + 1)}]` : '';
          return `${paragraph.bullet ? '· ' : ''}Tekst ${this.#draftToken(paragraph.salt)}${figure}${footnote}`;
        })
        .join('\n\n'),
    }));
  }

  #figureName(choice: FigureChoice, choiceIndex: number): string {
    if (choice === 'delivery') return `delivery:${this.#delivery(choiceIndex)?.id ?? uuidFrom(`none:${choiceIndex}`)}`;
    if (choice === 'unknownDelivery') return `delivery:${uuidFrom(`unknown:${this.#runSalt}:${choiceIndex}`)}`;
    return choice;
  }

  /** Whether a letter at this reference date, after this previous letter, can place the figure. */
  #knownFigure(name: string, referenceDate: string, previous: FinalReport | undefined): boolean {
    if (BASE_FIGURES.has(name)) return true;
    if (FIGURES_AFTER_A_LETTER.has(name)) return previous !== undefined;
    if (name === 'increasePercent') return previous !== undefined && previous.final.totalCents !== 0;
    if (name.startsWith('delivery:')) {
      const id = name.slice('delivery:'.length);
      // A delivery is named at its value on the reference date, when its decision makes that value public and it
      // was realised by then: one it had no value for yet cannot be named.
      // The value public is its item's: one delivery of several decided public at once is not named apart, whatever its value.
      return UUID.test(id) && this.deliveries.some((delivery) =>
        delivery.id === id && delivery.state === 'public' && !delivery.deleted && this.#itemValue(this.#members(delivery.publicItem!)) !== null &&
        this.#members(delivery.publicItem!).length === 1 && this.#realisedBy(delivery, referenceDate) &&
        this.#latestValuation(delivery, referenceDate)?.amountCents === delivery.publicValueCents);
    }
    return false;
  }

  /** Whether the text of the letter cannot be finalised at this letter date (what approving checks too). */
  #textRefused(target: ModelReport, letterDate: string | null): boolean {
    return (
      this.#authorMustFix(target, letterDate) ||
      // Letters are finalised in the order of their reference dates.
      this.#finals().some((report) => report.referenceDate > target.referenceDate) ||
      // What the letter counts has been decided on, each delivery.
      this.#undecidedBy(target.referenceDate).length > 0
    );
  }

  /** What only the letter's author can put right: it refuses the draft's submission as it refuses its approval. */
  #authorMustFix(target: ModelReport, letterDate: string | null): boolean {
    const previous = this.#previousFinal(target.referenceDate);
    const names = target.blocks.flatMap((block) =>
      block.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph !== '{{figuresTable}}')
        .flatMap((paragraph) => [...paragraph.matchAll(FIGURE)].map((match) => match[1]!)),
    );
    return (
      !letterDate ||
      letterDate < target.referenceDate ||
      this.#datedBeforePrevious(target.referenceDate, letterDate) ||
      // A letter is final only with some text.
      target.blocks.every((block) => block.text.trim() === '') ||
      names.some((name) => !this.#knownFigure(name, target.referenceDate, previous))
    );
  }

  /** The deliveries realised on or before the date that still wait for a disclosure decision. */
  #undecidedBy(date: string): ModelDelivery[] {
    return this.deliveries.filter((delivery) => !delivery.deleted && delivery.state === 'undecided' && delivery.realisedAt !== null && delivery.realisedAt <= date);
  }

  /** Mostly a draft; now and then any letter, a final one too (which is refused). */
  #draft(choice: number): ModelReport | undefined {
    const drafts = this.reports.filter((report) => report.status === 'draft');
    return drafts.length > 0 && choice % 4 !== 0 ? drafts[choice % drafts.length] : this.#report(choice);
  }

  async #approve(step: Extract<Step, { kind: 'approve' }>): Promise<void> {
    const target = this.#draft(step.target);
    if (!target) return this.#stats.count(step.kind, 'skipped');
    return this.#approveReport(target, step.stale);
  }

  /**
   * The cycle is submit, then approve: a draft not submitted yet is refused its approval, then its author submits it
   * (refused while it lacks what only its author can put right).
   */
  async #approveReport(target: ModelReport, stale: boolean): Promise<void> {
    const db = this.#harness.handle.db;
    if (target.status === 'draft' && !target.submitted) {
      const unasked = await this.#attempt(() => approve(db, this.#context, target.id, target.version));
      this.#expect('Validation', unasked, 'approveUnsubmitted');
      if (unasked.outcome === 'Validation' && unasked.detail !== 'notSubmitted') this.#fail(`approving a draft not submitted was refused for ${unasked.detail}`);
      const submitted = await this.#attempt(() => submitForApproval(db, this.#context, target.id, target.version));
      if (this.#authorMustFix(target, target.letterDate)) return void this.#expect('Validation', submitted, 'submitRefused');
      if (!this.#expect('ok', submitted, 'submit')) return;
      target.version++;
      target.submitted = true;
    }
    // A text approved already, as it reads now, is not approved twice.
    const approvedAsItReads = async () => target.approval !== null && sealed((await getLetter(db, target.id, new Date())).letter).sha256 === target.approval.sha256;
    const expected =
      target.status === 'final' ? 'Validation' : stale ? 'Conflict' : this.#textRefused(target, target.letterDate) || (await approvedAsItReads()) ? 'Validation' : 'ok';
    const attempt = await this.#attempt(() => approve(db, this.#context, target.id, stale ? target.version - 1 : target.version));
    if (!this.#expect(expected, attempt, 'approve')) return;
    const { approval, letter } = attempt.value;
    if (!approval || sealed(letter).sha256 !== approval.sha256) this.#fail(`the approval ${JSON.stringify(approval)} is not of the letter as it reads`);
    target.version++;
    target.approval = { sha256: approval.sha256, epoch: this.#epoch, letterDate: target.letterDate! };
  }

  async #finalise(step: Extract<Step, { kind: 'finalise' }>): Promise<void> {
    const target = this.#draft(step.target);
    if (!target) return this.#stats.count(step.kind, 'skipped');
    const undecided = this.#undecidedBy(target.referenceDate);
    if (step.decideRestFirst && undecided.length > 0) {
      const decision = { state: 'confidential', ground: 'operationalSecurity', reviewOn: null, note: `Afweging ${this.#canary(step.target)}` } as const;
      const decided = await this.#attempt(() => decide(this.#harness.handle.db, this.#context, undecided.map((delivery) => delivery.id), decision));
      if (this.#expect('ok', decided, 'decideConfidential')) for (const delivery of undecided) Object.assign(delivery, { state: 'confidential', publicValueCents: null });
      this.#epoch++;
    }
    if (step.approveFirst) await this.#approveReport(target, false);
    const db = this.#harness.handle.db;
    const letterDate = step.letterDate ?? target.letterDate;
    const previous = this.#previousFinal(target.referenceDate);
    const approval = target.approval;
    let refused =
      target.status === 'final' ||
      this.#textRefused(target, letterDate) ||
      // Only what the disclosure officer approved, at the letter date it was approved with.
      approval === null ||
      approval.letterDate !== letterDate ||
      // One final letter per reference date.
      this.#finals().some((report) => report.referenceDate === target.referenceDate);
    if (!refused && approval && approval.epoch !== this.#epoch) {
      // The register changed since the approval: it holds if the letter still reads as approved.
      refused = sealed((await getLetter(db, target.id, new Date())).letter).sha256 !== approval.sha256;
    }
    const attempt = await this.#attempt(() => finalise(db, this.#context, target.id, target.version, step.letterDate));
    if (!this.#expect(refused ? 'Validation' : 'ok', attempt)) return;
    const view = attempt.value;
    if (view.publicSha256 !== approval!.sha256) this.#fail(`finalised ${view.publicSha256}, but the disclosure officer approved ${approval!.sha256}`);

    // Each public item once, when every delivery of it is realised by the reference date.
    const listedBefore = new Set(this.#finals().filter((report) => report.referenceDate < target.referenceDate).flatMap((report) => [...report.final.overviewItems]));
    const listed = [...this.#publicItems()].filter(
      ([item, members]) => !listedBefore.has(item) && members.every((delivery) => delivery.realisedAt !== null && delivery.realisedAt <= target.referenceDate),
    );
    const listedAs = new Map(listed.map(([item, [delivery]]): [string, OverviewEntry] => {
      const { title, detail, category, quantity } = delivery!.presentation!;
      return [item, { title, detail, category, quantity, supportType: delivery!.publicSupportType! }];
    }));
    const snapshot = view.letter;
    target.status = 'final';
    target.version++;
    target.letterDate = letterDate!;
    target.final = {
      sha256: view.publicSha256!,
      previousId: previous?.id ?? null,
      totalCents: snapshot.figures.lines.at(-1)!.currentCents,
      // A section without text is left out, heading and all.
      draftTokens: found(JSON.stringify(target.blocks.filter((block) => block.text.trim() !== '').map((block) => [block.heading, block.text])), DRAFT),
      overview: [...listedAs.values()],
      overviewItems: new Set(listedAs.keys()),
      listedAs,
      // A letter names a value only as its decision makes it public.
      namedDeliveries: new Map(figureNames(target.blocks).filter((name) => name.startsWith('delivery:')).map((name) => name.slice('delivery:'.length))
        .map((id) => [id, this.deliveries.find((delivery) => delivery.id === id)?.publicValueCents ?? null])),
      publicTokens: new Set(listed.flatMap(([, [delivery]]) => delivery!.presentation!.tokens)),
    };
    this.#stats.lettersFinalised++;
    this.#finalSnapshots.set(target.id, snapshot);
    if (step.thenPublish === 'no') return;
    await this.#send(target, 'send');
    const paperNumber = `Kamerstuk 22 054, nr. ${numberInDateOrder(target.letterDate!, this.#finals().length)}`;
    const scheduled = step.thenPublish === 'scheduled';
    const reconsider = async () => {
      const index = this.deliveries.findIndex((delivery) => delivery.publicItem !== null && listedAs.has(delivery.publicItem));
      if (step.reconsider && index >= 0) await this.#apply({ ...step.reconsider, targets: [index] });
    };
    if (!scheduled) await reconsider();
    // Now and then the paper number is first typed without its space (refused), then as parliament gives it.
    if (this.#finals().length % 3 === 1) await this.#publish(target, { paperNumber: paperNumber.replace('22 054', '22054'), publishedOn: target.letterDate, scheduled }, 'publish');
    await this.#publish(target, { paperNumber, publishedOn: target.letterDate, scheduled }, 'publish');
    if (scheduled && step.reconsider) {
      await reconsider();
      await this.#apply({ kind: 'wait' });
    }
    this.#countExposures(target.referenceDate);
  }

  // -- money: what the published letters show, and what no surface may show ---------------------------

  readonly #publishedFigures = new Map<string, PublicLetterSnapshot>();
  readonly #finalSnapshots = new Map<string, PublicLetterSnapshot>();

  #closureCache: { letters: number; closure: Set<number> } | undefined;

  /** The approved aggregates: every figure of a published letter, and the difference of any two. */
  #closure(): Set<number> {
    if (this.#closureCache?.letters === this.#publishedFigures.size) return this.#closureCache.closure;
    const figures = [...this.#publishedFigures.values()].flatMap((snapshot) => [
      ...snapshot.figures.lines.flatMap((line) => [line.currentCents, line.reportedPreviousCents, line.restatedPreviousCents]),
      snapshot.figures.increaseCents,
    ]).filter((value): value is number => value !== null).map(Math.abs);
    const closure = new Set(figures);
    for (const a of figures) for (const b of figures) closure.add(Math.abs(a - b));
    this.#closureCache = { letters: this.#publishedFigures.size, closure };
    return closure;
  }

  #countExposures(referenceDate: string): void {
    const closure = this.#closure();
    for (const state of ['undecided', 'confidential'] as const) {
      const exposed = this.deliveries.some(
        (delivery) =>
          delivery.state === state && !delivery.deleted && delivery.fundingSource !== 'epf' && delivery.realisedAt !== null && delivery.realisedAt <= referenceDate &&
          [...delivery.valuations.map((valuation) => valuation.amountCents), ...delivery.payments.map((payment) => payment.amountCents), delivery.payments.reduce((sum, payment) => sum + payment.amountCents, 0)]
            .some((amount) => amount !== 0 && closure.has(amount)),
      );
      if (exposed) this.#stats.aggregateExposures[state]++;
    }
  }

  // -- the public surfaces --------------------------------------------------------------------------

  async #get(path: string, expectedStatus?: number): Promise<PublicResponse> {
    const response = await this.#harness.request(path);
    if (expectedStatus !== undefined && response.status !== expectedStatus) {
      this.#fail(`GET ${path} answered ${response.status}, not ${expectedStatus}: ${response.text.slice(0, 300)}`);
    }
    return response;
  }

  async #json<T = any>(path: string): Promise<{ response: PublicResponse; body: T }> {
    const response = await this.#get(path, 200);
    return { response, body: JSON.parse(response.text) as T };
  }

  /**
   * The checks every text of every surface gets: no canary, no draft text that was not finalised, no
   * public text that is not approved (now, or in a final letter), no internal id, no exact amount of a
   * delivery that is not an approved aggregate. `echo` is an id the request itself named (an error
   * answer may repeat it).
   */
  #scan(surface: string, text: string, amounts: Set<number>, echo?: string, options: { ids: boolean } = { ids: true }): void {
    this.#stats.surfacesChecked++;
    const flat = squeezed(echo ? text.replaceAll(echo, '') : text);
    const canary = /CANARY/.exec(flat);
    if (canary) this.#fail(`${surface} shows confidential text: …${flat.slice(Math.max(0, canary.index - 60), canary.index + 80)}…`);
    const published = this.#publishedReports();
    const finalised = new Set(published.flatMap((report) => [...report.final.draftTokens]));
    for (const draft of found(flat, DRAFT)) if (!finalised.has(draft)) this.#fail(`${surface} shows the text of a letter that is not published: ${draft}`);
    const approved = new Set([
      ...published.flatMap((report) => [...report.final.publicTokens]),
      ...this.#visibleItems().flatMap((members) => members[0]!.presentation!.tokens),
      ...this.companies.flatMap((company) => (company.publicName === null ? [] : [company.publicName])),
    ]);
    for (const text of found(flat, PUBLIC)) if (!approved.has(text)) this.#fail(`${surface} shows a presentation that is not approved (any more): ${text}`);
    if (options.ids) for (const delivery of this.deliveries) if (flat.includes(delivery.id)) this.#fail(`${surface} shows the internal id of a delivery: ${delivery.id}`);
    if (options.ids) for (const report of this.reports) if (!report.published && flat.includes(report.id)) this.#fail(`${surface} shows the id of a letter that is not published: ${report.id}`);
    const closure = this.#closure();
    // The value a decision made public, of an item on public surfaces: open data gives it.
    const publicValues = new Set(this.#visibleItems().map((members) => this.#itemValue(members)));
    for (const amount of this.#amounts) {
      if (amounts.has(amount) && !closure.has(amount) && !publicValues.has(amount)) this.#fail(`${surface} shows ${amount} cents, an amount of a delivery that no published letter shows`);
    }
  }

  #scanResponse(response: PublicResponse, json?: unknown, echo?: string): void {
    const amounts = json === undefined ? amountsInText(response.text) : amountsInJson(json);
    this.#scan(`GET ${response.path}`, `${response.headers}\n${response.text}`, amounts, echo);
  }

  /** Every public surface, checked against the model. With `full`, every error answer too. */
  async inspect(full: boolean): Promise<void> {
    const errors = this.#harness.takeErrors();
    if (errors.length > 0) this.#fail(`the API failed unexpectedly: ${errors.map(String).join('; ')}`);

    const finals = this.#publishedReports();
    const letters = await this.#json<{ items: { id: string; sha256: string; referenceDate: string; letterDate: string; paperNumber: string | null; publishedOn: string | null }[] }>('/public/letters');
    this.#scanResponse(letters.response, letters.body);
    const listed = letters.body.items;
    if (JSON.stringify(listed.map((item) => item.id).sort()) !== JSON.stringify(finals.map((report) => report.id).sort())) {
      this.#fail(`/public/letters lists ${listed.length} letters, the model has ${finals.length} published ones`);
    }
    const snapshots: PublicLetterSnapshot[] = [];
    for (const item of listed) {
      const report = finals.find((candidate) => candidate.id === item.id)!;
      const expected = { sha256: report.final.sha256, referenceDate: report.referenceDate, letterDate: report.letterDate, paperNumber: report.paperNumber, publishedOn: report.publishedOn };
      const actual = { sha256: item.sha256, referenceDate: item.referenceDate, letterDate: item.letterDate, paperNumber: item.paperNumber, publishedOn: item.publishedOn };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) this.#fail(`/public/letters says ${JSON.stringify(actual)}, the model ${JSON.stringify(expected)}`);
      const letter = await this.#json<{ letter: PublicLetterSnapshot; sha256: string }>(`/public/letters/${item.id}`);
      this.#scanResponse(letter.response, letter.body);
      if (sealed(letter.body.letter).sha256 !== report.final.sha256) this.#fail(`the final letter ${item.id} changed: it no longer hashes to ${report.final.sha256}`);
      snapshots.push(letter.body.letter);
      if (!this.#lettersRead.has(item.id)) {
        this.#checkLetter(report, letter.body.letter);
        this.#lettersRead.add(item.id);
      }
      const renderingKey = `${item.sha256}|${item.paperNumber}`;
      if (!this.#renderingsRead.has(renderingKey)) {
        await this.#checkRenderings(report, letter.body.letter);
        this.#renderingsRead.add(renderingKey);
      }
    }

    await this.#checkPublicDeliveries(full);

    const figures = await this.#json<{ items: unknown[] }>('/public/figures');
    this.#scanResponse(figures.response, figures.body);
    const expectedFigures = [...snapshots]
      .sort((a, b) => b.referenceDate.localeCompare(a.referenceDate))
      .map((snapshot) => ({
        letterId: snapshot.id,
        referenceDate: snapshot.referenceDate,
        isDemonstration: snapshot.isDemonstration,
        lines: snapshot.figures.lines.map((line) => ({ key: line.key, label: line.label, cents: line.currentCents, printed: formatPublishedFigure(line.currentCents) })),
      }));
    if (JSON.stringify(figures.body.items) !== JSON.stringify(expectedFigures)) this.#fail(`/public/figures shows other figures than the letters published: ${JSON.stringify(figures.body.items)}`);

    await this.#checkComparisons(finals, full);
    await this.#probeErrors(finals, full);
    if (full) this.#scanResponse(await this.#get('/public/letter-stylesheet', 200));

    // The log names the paths this run asked for, internal ids among them (the error probes): those are
    // the caller's own words, so the log is searched for everything but ids.
    const logs = this.#harness.takeLogs().join('');
    this.#scan('the request log', logs, new Set(), undefined, { ids: false });
  }

  /** A final letter holds exactly what the model expects from the moment it was finalised. */
  #checkLetter(report: FinalReport, letter: PublicLetterSnapshot): void {
    const overview = letter.overview.flatMap((group) => group.items.map(({ title, detail, category, quantity, supportType }) => ({ title, detail, category, quantity, supportType })));
    if (JSON.stringify(sortedJson(overview)) !== JSON.stringify(sortedJson(report.final.overview))) {
      this.#fail(`the letter ${report.id} lists ${JSON.stringify(overview)}; the model expects ${JSON.stringify(report.final.overview)}`);
    }
    if ((letter.previousLetter?.id ?? null) !== report.final.previousId) this.#fail(`the letter ${report.id} follows ${letter.previousLetter?.id}, the model expects ${report.final.previousId}`);
    const text = JSON.stringify([letter.sections, letter.footnotes]);
    this.#sameTokens(`the letter ${report.id}`, found(text, DRAFT), report.final.draftTokens, 'author’s text');
    this.#sameTokens(`the letter ${report.id}`, found(JSON.stringify(letter), PUBLIC), report.final.publicTokens, 'public overview');
  }

  #sameTokens(surface: string, actual: Set<string>, expected: Set<string>, what: string): void {
    const missing = [...expected].filter((item) => !actual.has(item));
    const extra = [...actual].filter((item) => !expected.has(item));
    if (missing.length > 0 || extra.length > 0) this.#fail(`${surface}: its ${what} misses ${missing.join(', ') || 'nothing'} and adds ${extra.join(', ') || 'nothing'}`);
  }

  /** The snapshot as hashed and the letter in every format, read as a reader reads them. */
  async #checkRenderings(report: FinalReport, letter: PublicLetterSnapshot): Promise<void> {
    const base = `/public/letters/${report.id}`;
    const snapshot = await this.#get(`${base}/snapshot`, 200);
    if (snapshot.text !== sealed(letter).text) this.#fail(`${base}/snapshot is not the text that hashes to the letter's sha256`);
    this.#scanResponse(snapshot, JSON.parse(snapshot.text));
    for (const format of ['html', 'markdown', 'docx', 'pdf'] as const) {
      const response = await this.#get(`${base}/renderings/${format}`, 200);
      const text = await readableText(format, response);
      const pageText = format === 'pdf' ? text.slice(0, text.lastIndexOf('\n%PDF')) : text;
      const surface = `GET ${response.path}`;
      this.#scan(surface, `${response.headers}\n${text}`, amountsInText(pageText));
      const flat = squeezed(text);
      this.#sameTokens(surface, found(flat, DRAFT), report.final.draftTokens, 'author’s text');
      this.#sameTokens(surface, found(flat, PUBLIC), report.final.publicTokens, 'public overview');
      if (report.paperNumber && !flat.includes(squeezed(report.paperNumber))) this.#fail(`${surface} does not show its paper number ${report.paperNumber}`);
      // Public text is text: markup in an approved title is shown, not obeyed.
      if ((format === 'html' || format === 'markdown') && response.text.includes(MARKUP)) this.#fail(`${surface} passes the markup ${MARKUP} of a public text through unescaped`);
    }
    this.#stats.letterRenderingsChecked++;
  }

  /** The open data holds exactly the approved presentations of the deliveries public now. */
  async #checkPublicDeliveries(full: boolean): Promise<void> {
    const expected = this.#visibleItems().map(([delivery]) => {
      const { title, detail, category, quantity } = delivery!.presentation!;
      return { title, detail, category, quantity, supportType: delivery!.publicSupportType! };
    });
    const companies = await this.#json<{ items: { name: string; isDemonstration: boolean }[] }>('/public/companies');
    this.#scanResponse(companies.response, companies.body);
    const publicNames = this.companies.flatMap((company) => (company.publicName === null ? [] : [company.publicName])).sort();
    if (JSON.stringify(companies.body.items.map((item) => item.name).sort()) !== JSON.stringify(publicNames)) {
      this.#fail(`/public/companies lists ${JSON.stringify(companies.body.items)}, the model approved ${JSON.stringify(publicNames)}`);
    }
    const json = await this.#json<{ items: (OverviewEntry & { publicId: string; isDemonstration: boolean })[] }>('/public/deliveries');
    this.#scanResponse(json.response, json.body);
    if (json.body.items.some((item) => item.isDemonstration !== false)) this.#fail('/public/deliveries calls a delivery of this register demonstration data');
    const items = json.body.items.map(({ title, detail, category, quantity, supportType }) => ({ title, detail, category, quantity, supportType }));
    if (JSON.stringify(sortedJson(items)) !== JSON.stringify(sortedJson(expected))) {
      this.#fail(`/public/deliveries holds ${JSON.stringify(items)}; the model approved ${JSON.stringify(expected)}`);
    }
    if (new Set(json.body.items.map((item) => item.publicId)).size !== items.length) this.#fail('/public/deliveries gives two deliveries the same public id');

    // Each file of the open data after every step would make the runs too slow: after a step one of them in
    // turn, at the end of a run all of them.
    const turn = this.#stepNumber + this.#runSalt;
    const dialects = (['excel-nl', 'rfc4180'] as const).filter((_, index) => full || index === turn % 2);
    for (const dialect of dialects) {
      const csv = await this.#get(`/public/deliveries?format=csv&dialect=${dialect}`, 200);
      this.#scanResponse(csv);
      const [header, ...rows] = parseCsv(csv.text, dialect === 'excel-nl' ? ';' : ',');
      if (header?.join(',') !== OPEN_DATA_HEADER) this.#fail(`the CSV has the header ${header?.join(',')}`);
      const cell = (row: string[], column: string) => row[header.indexOf(column)];
      const csvItems = rows.map((row) => ({
        title: cell(row, 'title'),
        detail: cell(row, 'detail'),
        category: cell(row, 'categoryCode'),
        quantity: cell(row, 'quantity'),
        supportType: cell(row, 'supportTypeCode'),
        isDemonstration: cell(row, 'isDemonstration'),
      }));
      this.#sameCsvItems(csvItems, expected);
    }
    // The other files of the open data: the Kiel-compatible file (its workbook read as the text in it), the
    // figures of the letters and the catalogue. A value no decision made public is an exact amount of a delivery.
    const files = ['/public/kiel', '/public/kiel?format=csv&dialect=excel-nl', '/public/letter-figures', '/public/letter-figures?format=csv', '/public/catalog', '/public/kiel?format=xlsx'];
    for (const path of files.filter((_, index) => full || index === turn % files.length)) {
      const response = await this.#get(path, 200);
      if (!path.endsWith('xlsx')) this.#scanResponse(response);
      else {
        const text = await readableText('docx', response);
        this.#scan(`GET ${path}`, text, amountsInText(text));
      }
    }
  }

  #sameCsvItems(csvItems: Record<string, string | undefined>[], expected: OverviewEntry[]): void {
    const csvExpected = expected.map((item) => ({
      title: csvText(item.title),
      detail: csvText(item.detail),
      category: item.category,
      quantity: csvText(item.quantity),
      supportType: item.supportType,
      isDemonstration: 'false',
    }));
    if (JSON.stringify(sortedJson(csvItems)) !== JSON.stringify(sortedJson(csvExpected))) {
      this.#fail(`the CSV holds ${JSON.stringify(csvItems)}; the model approved ${JSON.stringify(csvExpected)}`);
    }
  }

  /** Comparisons show nothing but figures of the letters and their differences. */
  async #checkComparisons(finals: FinalReport[], full: boolean): Promise<void> {
    if (finals.length === 0) return;
    const pairs: [string, string][] = [];
    if (full || finals.length !== this.#lettersCompared) {
      for (const from of finals) for (const to of finals) pairs.push([from.id, to.id]);
      this.#lettersCompared = finals.length;
    } else {
      const index = (this.#stepNumber * 7 + this.#runSalt) % (finals.length * finals.length);
      pairs.push([finals[Math.floor(index / finals.length)]!.id, finals[index % finals.length]!.id]);
    }
    const closure = this.#closure();
    for (const [from, to] of pairs) {
      const comparison = await this.#json(`/public/letter-comparison?from=${from}&to=${to}`);
      this.#scanResponse(comparison.response, comparison.body);
      const numbers: number[] = [];
      JSON.stringify(comparison.body, (_key, value: unknown) => (typeof value === 'number' && numbers.push(value), value));
      const unexplained = numbers.filter((value) => value !== 0 && !closure.has(Math.abs(value)));
      if (unexplained.length > 0) this.#fail(`${comparison.response.path} shows ${unexplained.join(', ')}, which no published letter shows`);
    }
  }

  /**
   * Error answers say nothing about what exists behind them: asking for a draft letter or a delivery by
   * its internal id answers exactly as asking for an id nobody has. Bad input gets a problem answer
   * that shows nothing confidential either.
   */
  async #probeErrors(finals: FinalReport[], full: boolean): Promise<void> {
    const letter = finals[0]?.id ?? uuidFrom(`no letter:${this.#runSalt}`);
    const paths: ((id: string) => string)[] = [
      (id) => `/public/letters/${id}`,
      (id) => `/public/letters/${id}/snapshot`,
      (id) => `/public/letters/${id}/renderings/pdf`,
      (id) => `/public/letters/${id}/renderings/markdown`,
      (id) => `/public/letter-comparison?from=${id}&to=${letter}`,
      (id) => `/public/letter-comparison?from=${letter}&to=${id}`,
    ];
    const drafts = this.reports.filter((report) => !report.published).map((report) => report.id);
    const deliveries = this.deliveries.map((delivery) => delivery.id);
    const hidden = [...drafts, ...deliveries];
    const invalid = [
      '/public/letters/not-a-uuid',
      '/public/deliveries?format=xml',
      `/public/letters/${letter}/renderings/xml`,
      `/public/letters/${letter}/renderings/PDF`,
      `/public/letter-comparison?from=${letter}`,
      '/public/letter',
      `/public/letters/${letter}/snapshots`,
    ];
    const probes: [(id: string) => string, string][] = [];
    if (full) {
      const someHidden = [drafts.at(-1), this.deliveries.find((delivery) => delivery.deleted)?.id, deliveries[0]].filter((id): id is string => id !== undefined);
      if (someHidden.length > 0) paths.forEach((path, index) => probes.push([path, someHidden[index % someHidden.length]!]));
    } else if (hidden.length > 0) {
      const turn = this.#stepNumber + this.#runSalt;
      probes.push([paths[turn % paths.length]!, hidden[turn % hidden.length]!]);
    }
    const normalised = (response: PublicResponse, named: string) => ({
      status: response.status,
      contentType: response.contentType,
      body: response.text.replaceAll(named, '<id>').replace(/"requestId":"[^"]*"/, ''),
    });
    for (const [path, id] of probes) {
      this.#stats.errorProbes++;
      const answer = await this.#get(path(id));
      if (answer.status < 400) this.#fail(`GET ${answer.path} answered ${answer.status}: a letter under embargo, a draft or a delivery is readable as a letter`);
      this.#scanResponse(answer, undefined, id);
      // What an id nobody has gets depends on nothing in the register but the letter the path names.
      const baselinePath = path(this.#baselineId);
      let baseline = this.#baselines.get(baselinePath);
      if (!baseline) this.#baselines.set(baselinePath, (baseline = normalised(await this.#get(baselinePath), this.#baselineId)));
      if (JSON.stringify(normalised(answer, id)) !== JSON.stringify(baseline)) {
        this.#fail(`GET ${answer.path} answers otherwise than for an id nobody has: ${answer.status} ${answer.text} versus ${JSON.stringify(baseline)}`);
      }
    }
    if (!full) return;
    for (const path of invalid) {
      this.#stats.errorProbes++;
      const answer = await this.#get(path);
      if (answer.status < 400 || answer.status >= 500) this.#fail(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      this.#scanResponse(answer);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The property

/**
 * The property both the test and the campaign check: any sequence of steps, on an emptied register,
 * leaves every public surface showing what was approved and nothing else.
 */
export function canaryProperty(harness: Harness, stats: CanaryStats, options: { minSteps?: number; maxSteps?: number; afterRun?: () => void } = {}) {
  return fc.asyncProperty(stepsArbitrary(options), fc.nat(), async (steps, runSalt) => {
    await harness.reset();
    harness.takeLogs();
    harness.takeErrors();
    await new CanaryRun(harness, stats, runSalt).execute(steps);
    stats.runs++;
    options.afterRun?.();
  });
}

