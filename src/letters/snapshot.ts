import { z } from 'zod';
import { LETTER_BUDGET_FIGURE_KINDS, TRAINING_MEASURES, type EpfParameterisedFigure, type LetterBudgetFigureKind, type LetterFigureName, type ReadinessEffect } from '../../common/vocabulary/codes.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { sha256Hex } from '../audit/event.ts';
import { canonicalJson } from '../canonical-json.ts';
import { CATEGORIES, SUPPORT_TYPES, type SupportType } from '../domain/delivery.ts';
import type { IndustryFacts } from '../domain/industry.ts';
import { headlineSentence, SUPPORT_TYPE_COLUMN_LABEL } from '../domain/figures.ts';
import type { EpfOverview } from '../domain/epf.ts';
import { overallEffect } from '../domain/readiness.ts';
import { GIVEN_TRAINING, trainingCountedUpTo, trainingCountedUpToByEach, trainingFigureAt, type Contribution } from '../domain/training.ts';
import {
  COMPARISON_PRECISION,
  comparedFigureCents,
  countInWords,
  countedUpToInWords,
  formatComparedFigure,
  formatCount,
  formatLetterAmount,
  formatLetterAmountInWords,
  formatLetterDate,
  formatLetterMonth,
  formatRunningAmount,
  formatPublishedFigure,
  formatTableDate,
  printedCents,
  printedIncrease,
  publishedFigureCents,
  changeSizeInWords,
  statedChange,
  type LetterWording,
  type PrintedIncrease,
  REFERENCE_PRECISION,
} from '../../common/letter-format.ts';
import { centsOfTotal, sumCents, type Cents } from '../../common/money.ts';
import type { IsoDate } from '../../common/dates.ts';
import { FootnoteSchema, LetterSectionSchema, type LetterSection } from './letter-document.ts';
import type { UnnameableDelivery } from './named-deliveries.ts';
import { composeNarrative, figureNames, nameParts, typedFiguresIn, type BlockMarkupFault, type BlockTypedFigure, type NarrativeBlock, type TextTable } from './narrative.ts';
import { compareTitles } from '../../common/title-order.ts';
import { EXACT_SNAPSHOT_FORMAT, PRINTED_SNAPSHOT_FORMAT, SNAPSHOT_FORMAT, SNAPSHOT_FORMATS, wordingOf, type SnapshotFormat } from '../../common/letter-snapshot-format.ts';

export const LETTER_SUBJECT = 'Leveringen militaire goederen aan Oekraïne';

export type Totals = Readonly<Record<SupportType, Cents>>;

/** A public delivery as the letter's public overview lists it. */
export const OverviewItemSchema = z.object({
  publicId: z.string(),
  title: z.string(),
  detail: z.string(),
  category: z.enum(CATEGORIES),
  supportType: z.enum(SUPPORT_TYPES),
  quantity: z.string().nullable(),
});
export type OverviewItem = z.infer<typeof OverviewItemSchema>;

interface PreviousLetter {
  id: string;
  referenceDate: string;
  letterDate: string;
  paperNumber: string | null;
  /** The totals that letter published, to the cent (as frozen with it; it printed them rounded). */
  reportedTotals: Totals;
}

/** Everything a letter is made of, gathered from the register at its reference date. */
export interface LetterInputs {
  id: string;
  referenceDate: string;
  letterDate: string;
  isDemonstration: boolean;
  previous: PreviousLetter | null;
  totals: Totals;
  /** The previous letter's totals recomputed today: where they differ, the letter says so. */
  restatedPreviousTotals: Totals | null;
  blocks: readonly NarrativeBlock[];
  /** Values of the public deliveries the text may name (`{{delivery:ID}}`), by internal id; others may not be named. */
  publicDeliveryValues: ReadonlyMap<string, { publicId: string; cents: Cents }>;
  /** Why the text may not name each other delivery it names, by the id it uses. */
  refusedDeliveries: ReadonlyMap<string, UnnameableDelivery>;
  overview: readonly OverviewItem[];
  /** The European Peace Facility at the reference date. */
  epf: EpfOverview;
  /** The budget at the reference date: its total, and the decisions, shifts and commitments the text names. */
  budget: LetterBudgetInputs;
  /** The industry register at the reference date (the Industrie section's figures). */
  industry: IndustryFacts;
  /** Every training programme by the short name the text uses, with all its contributions. */
  training: readonly { key: string; contributions: readonly Contribution[] }[];
  /** The effect on readiness of each stock delivery realised by the reference date, as judged by then. */
  readinessEffects: readonly (ReadinessEffect | null)[];
  /** The deliveries that needed an export licence and left by the reference date, and those of them no licence covered when they left. */
  exportShipments: LetterShipments;
  letterhead: LetterheadFields;
}

export interface LetterBudgetInputs {
  totalCents: Cents;
  /** Per kind, the amounts by id of those known at the reference date (and, for commitments, public). */
  named: Readonly<Record<LetterBudgetFigureKind, ReadonlyMap<string, Cents>>>;
  /** The commitments named that the text may not name: each for a delivery public as one of several, whose part its amount would tell. */
  commitmentsOfPartOfItem: ReadonlySet<string>;
  /** Their years by figure name: a decision's period (`budgetDecision:ID.period`, "2025-2027"), a shift's years (`.fromYear`, `.toYear`), a commitment's budget year (`.year`). */
  years: ReadonlyMap<`${LetterBudgetFigureKind}:${string}`, string>;
}

/** An amount in euro cents, as the snapshots hold it. */
export const CentsSchema = z.number().int();

/**
 * A row of the letter's table. In a snapshot (format 2) each amount is the one the letter prints: the current
 * figure as its own column ("€ 8,7 mld." is 870000000000), the previous letter's as the column beside it
 * ("€ 5,88 mld."), the restated one as its footnote, only where the letter prints one. Exact cents, from which
 * a confidential delivery's value could be read as a difference, are only in the confidential annex (and in
 * snapshots of format 1, which the public reads as asPublished makes them).
 */
export const FigureLineSchema = z.object({
  key: z.enum([...SUPPORT_TYPES, 'total']),
  label: z.string(),
  currentCents: CentsSchema.describe('The figure at the reference date as the letter prints it: € 8,7 mld. is 870000000000'),
  reportedPreviousCents: CentsSchema.nullable().describe('The previous letter’s figure as this letter prints it beside it: € 5,88 mld. is 588000000000'),
  restatedPreviousCents: CentsSchema.nullable().describe('The previous letter’s figure recomputed, as this letter’s footnote prints it; null where it prints none'),
});
export type FigureLine = z.infer<typeof FigureLineSchema>;

/** What a letter's author sets of the house style: the wordmark at the top, and who signs. */
const LetterheadFieldsSchema = z.object({ wordmark: z.string(), signatoryName: z.string(), signatoryTitle: z.string() });
export type LetterheadFields = z.infer<typeof LetterheadFieldsSchema>;

/** The public letter exactly as sent: hashed, frozen, and the only source of every public rendering of it. */
export const PublicLetterSnapshotSchema = z.object({
  format: z.enum(SNAPSHOT_FORMATS),
  id: z.string(),
  subject: z.string(),
  referenceDate: z.iso.date(),
  letterDate: z.iso.date(),
  isDemonstration: z.boolean(),
  previousLetter: z.object({ id: z.string(), referenceDate: z.iso.date(), letterDate: z.iso.date(), paperNumber: z.string().nullable() }).nullable(),
  figures: z.object({
    lines: z.array(FigureLineSchema),
    increaseCents: CentsSchema.nullable().describe('The increase since the previous letter as the letter prints it: €2,82 mld. is 282000000000, a fall below zero'),
    increaseLessThan: z
      .literal(true)
      .optional()
      .describe('Where the change is less than the printed totals show: it is less than increaseCents, in its direction ("minder dan €10 mln."); absent otherwise'),
    increasePercentText: z.string().nullable(),
  }),
  sections: z.array(LetterSectionSchema),
  footnotes: z.array(FootnoteSchema),
  overview: z.array(z.object({ category: z.enum(CATEGORIES), label: z.string(), items: z.array(OverviewItemSchema) })),
  /**
   * Each named figure the text places, as printed: what `letter verify` recomputes (absent in letters
   * finalised before). Each is named by its public name here (a delivery by its public id, a budget or EPF
   * record by its place among those of its kind the text names): internal ids never reach the public.
   */
  namedFigures: z.record(z.string(), z.string()).optional(),
  /** The wordmark and the signatory, frozen with the letter (absent in letters finalised before: the defaults). */
  letterhead: LetterheadFieldsSchema.optional(),
});
export type PublicLetterSnapshot = z.infer<typeof PublicLetterSnapshotSchema>;

/**
 * A figure the text names (`delivery:ID`) that the letter does not know or may not print; for a delivery, a
 * year after the reference date's, a change in the direction the total did not go (`{{increase}}` of a
 * total that fell), a commitment for a delivery public as one of several, or a count of training given that
 * its programme counted only after the date the letter takes training at (with that date), why.
 */
type FigureProblem =
  | { name: string; why?: UnnameableDelivery | 'yearAfterReferenceDate' | ChangeDirection | 'commitmentPartOfPublicItem' }
  | { name: string; why: 'trainingCountedOnlyLater'; params: { trainingCountsUpTo: IsoDate } }
  /** A record that exists but counts only from a day after the reference date (found by the register: the inputs hold only what counts by then). */
  | { name: string; why: 'recordAfterReferenceDate'; params: { date: IsoDate } };

/** Why the text may not name a change of the total: it went the other way. */
type ChangeDirection = 'totalFell' | 'totalDidNotFall';

/** What keeps a letter from being finalised: a figure it may not name, markup that is not whole, or an amount or percentage typed by hand. */
export type LetterProblem = FigureProblem | BlockMarkupFault | BlockTypedFigure;

/** A delivery that needed an export licence and left (stock at hand-over, the rest at delivery) without one covering its goods then. */
export interface ShipmentWithoutLicence {
  deliveryId: string;
  title: string;
  shippedOn: IsoDate;
}

/**
 * How many deliveries that needed an export licence left by the reference date, how many of them had no licence
 * covering them when they left (as the shipment gate judges it), and the first of those, earliest shipped first.
 */
export interface LetterShipments {
  needed: number;
  uncovered: number;
  listed: readonly ShipmentWithoutLicence[];
}

/**
 * What the author and the signatory should know of the letter but that does not keep it from being finalised:
 * the stock deliveries realised by the reference date that no one had judged the effect on readiness of by
 * then, which the letter's judgement of the effects (Effecten krijgsmacht) does not weigh; and the deliveries
 * that left by then without a licence covering them, though the section on export control (Toetsing) says every
 * delivery that needed one had one, named for the staff who review the draft (never in the public letter).
 */
type LetterNote =
  | { field: 'readiness'; code: 'stockDeliveriesNotJudged'; params: { count: string; of: string; referenceDate: string } }
  | {
      field: 'exportAssessment';
      code: 'shipmentsWithoutLicence';
      params: { count: string; of: string; referenceDate: string };
      deliveries: readonly ShipmentWithoutLicence[];
    };

export interface BuiltLetter {
  snapshot: PublicLetterSnapshot;
  /** What the letter's author should know before finalising, which does not keep it from being finalised. */
  notes: LetterNote[];
  /** What keeps it from being finalised: figures the text names that are unknown or not public, placeholders and footnotes that are not whole, amounts and percentages typed by hand. */
  problems: LetterProblem[];
  /** Every figure the text may name at the reference date, as it would print (deliveries only where the text names them). */
  figures: ReadonlyMap<string, string>;
}

export const OVERVIEW_HEADING = 'Openbaar overzicht van nieuwe leveringen';

/**
 * The public letter, and its figures to the cent, which the confidential annex keeps; built as a letter of
 * the format given words its figures (a letter finalised before in the wording of then, to verify it).
 */
export function buildPublicLetter(inputs: LetterInputs, format: SnapshotFormat = SNAPSHOT_FORMAT): BuiltLetter & { exactLines: FigureLine[] } {
  const wording = wordingOf(format);
  const lines = figureLines(inputs);
  const printedLines = lines.map(withPrintedRestatement);
  const total = lines.at(-1)!;
  const increase = total.reportedPreviousCents === null ? null : printedIncrease(total.currentCents, total.reportedPreviousCents, wording);
  const increaseCents = increase && centsOfTotal(increase.difference);
  const increasePercentText = increase?.percentText ?? null;

  const figures = namedFigures(inputs, lines, increase, wording);
  const narrative = composeNarrative(inputs.blocks, (name) => figures.get(name), figuresTextTable(inputs, printedLines, wording));
  const overview = groupOverview(inputs.overview);
  const snapshot: PublicLetterSnapshot = {
    format,
    id: inputs.id,
    subject: LETTER_SUBJECT,
    referenceDate: inputs.referenceDate,
    letterDate: inputs.letterDate,
    isDemonstration: inputs.isDemonstration,
    previousLetter: inputs.previous && {
      id: inputs.previous.id,
      referenceDate: inputs.previous.referenceDate,
      letterDate: inputs.previous.letterDate,
      paperNumber: inputs.previous.paperNumber,
    },
    figures: printedFigures({ lines: printedLines, increaseCents, ...(increase?.lessThan ? { increaseLessThan: true } : {}), increasePercentText }, comparedFigureCents),
    sections: [...narrative.sections, overviewSection(overview)],
    footnotes: narrative.footnotes,
    overview,
    namedFigures: printedNames(inputs, figures),
    letterhead: inputs.letterhead,
  };
  const problems = [...narrative.unknownFigures.map((name) => problemOf(inputs, figures, name, wording)), ...narrative.markupFaults, ...typedFiguresIn(inputs.blocks)];
  return { snapshot, problems, notes: [...readinessNotes(inputs), ...exportNotes(inputs)], figures, exactLines: lines };
}

/** A note's counts in digits, which its message groups as its reader does (20.000, 20,000): grouped here, 1.234 would read as a decimal. */
const countParams = (inputs: LetterInputs, count: number, of: number) => ({ count: String(count), of: String(of), referenceDate: inputs.referenceDate });

function readinessNotes(inputs: LetterInputs): LetterNote[] {
  const count = inputs.readinessEffects.filter((effect) => effect === null).length;
  return count === 0 ? [] : [{ field: 'readiness', code: 'stockDeliveriesNotJudged', params: countParams(inputs, count, inputs.readinessEffects.length) }];
}

function exportNotes(inputs: LetterInputs): LetterNote[] {
  const { needed, uncovered, listed } = inputs.exportShipments;
  if (uncovered === 0) return [];
  return [{ field: 'exportAssessment', code: 'shipmentsWithoutLicence', params: countParams(inputs, uncovered, needed), deliveries: listed }];
}

function problemOf(inputs: LetterInputs, figures: ReadonlyMap<string, string>, name: string, wording: LetterWording): FigureProblem {
  if (name.startsWith('delivery:')) return { name, why: inputs.refusedDeliveries.get(name.slice('delivery:'.length)) ?? 'unknown' };
  const takenAt = trainingCountedOnlyAfter(inputs, name, wording);
  if (takenAt !== null) return { name, why: 'trainingCountedOnlyLater', params: { trainingCountsUpTo: takenAt } };
  if (name.startsWith('budgetCommitment:') && inputs.budget.commitmentsOfPartOfItem.has(figureId(name.slice('budgetCommitment:'.length)))) {
    return { name, why: 'commitmentPartOfPublicItem' };
  }
  const change = CHANGES.find((candidate) => (candidate.names as readonly string[]).includes(name));
  if (change && figures.has(change.opposite)) return { name, why: change.why };
  const year = yearOfFigure(name);
  return year !== null && year > referenceYear(inputs) ? { name, why: 'yearAfterReferenceDate' } : { name };
}

/**
 * The letter as the public reads it: a snapshot of format 1 with its figures as the letter printed them, so
 * that no difference of two letters' figures tells a confidential delivery's value to the cent. A snapshot of
 * format 2 holds nothing else and is read as it is.
 */
export function asPublished(snapshot: PublicLetterSnapshot): PublicLetterSnapshot {
  if (snapshot.format !== EXACT_SNAPSHOT_FORMAT) return snapshot;
  // Its frozen footnotes printed a restated figure in the unit of its size ("€179,53 mln.").
  return { ...snapshot, format: PRINTED_SNAPSHOT_FORMAT, figures: printedFigures(snapshot.figures, (cents) => printedCents(cents, COMPARISON_PRECISION)) };
}

/** The figures as the letter prints them, a restated one as its footnote prints it (`restatedAsPrinted`). */
function printedFigures(figures: PublicLetterSnapshot['figures'], restatedAsPrinted: (cents: Cents) => Cents): PublicLetterSnapshot['figures'] {
  return {
    lines: figures.lines.map((line) => ({
      ...line,
      currentCents: publishedFigureCents(line.currentCents),
      reportedPreviousCents: line.reportedPreviousCents === null ? null : comparedFigureCents(line.reportedPreviousCents),
      restatedPreviousCents: isRestated(line) ? restatedAsPrinted(line.restatedPreviousCents!) : null,
    })),
    increaseCents: figures.increaseCents === null ? null : printedCents(figures.increaseCents, COMPARISON_PRECISION),
    ...(figures.increaseLessThan ? { increaseLessThan: figures.increaseLessThan } : {}),
    increasePercentText: figures.increasePercentText,
  };
}

/** Whether the letter restates the previous letter's figure in a footnote: recomputed today, it differs. */
export function isRestated(line: FigureLine): boolean {
  return line.reportedPreviousCents !== null && line.restatedPreviousCents !== null && line.restatedPreviousCents !== line.reportedPreviousCents;
}

/**
 * A previous figure as the footnote that restates it prints it: at the precision of the table's column of the
 * previous letter, in mld. to two decimals ("€5,88 mld.", "€0,18 mld."), never finer than the table prints it;
 * both figures at both decimals ("€5,90 mld., niet €5,88 mld."), where before format 7 a trailing zero was dropped.
 */
const restatementText = (cents: Cents, wording: LetterWording) =>
  formatLetterAmount(cents, COMPARISON_PRECISION, { unit: 'mld.', runningText: true, allDecimals: wording.restatementAllDecimals });

/**
 * The footnote that restates the previous column's figure: "Herzien: volgens de huidige gegevens bedroeg dit op
 * 30 juni 2025 €5,10 mld., niet €4,99 mld. (in de vorige brief afgerond €5 mld.)." The column gives the previous
 * letter's figure to two decimals, as the seed letter's column does, which that letter may have printed
 * rounded further in its own column: the note then quotes what it printed rather than claim it printed the
 * column's figure. Where it printed the same amount ("€0,1 mld."), "zoals in de vorige brief" says so.
 */
function restatementNote(previousReferenceDate: string, line: FigureLine, wording: LetterWording): string {
  const reported = line.reportedPreviousCents!;
  const column = restatementText(reported, wording);
  const printedThen = formatLetterAmount(reported, REFERENCE_PRECISION, { unit: 'mld.', runningText: true });
  const source = publishedFigureCents(reported) === comparedFigureCents(reported) ? ' zoals in de vorige brief' : ` (in de vorige brief afgerond ${printedThen})`;
  return `Herzien: volgens de huidige gegevens bedroeg dit op ${formatLetterDate(previousReferenceDate)} ${restatementText(line.restatedPreviousCents!, wording)}, niet ${column}${source}.`;
}

/**
 * The line as the letter prints it: restated only where the footnote can tell the two figures apart. A
 * recomputation that differs by less than the footnote prints would read "€5,88 mld., niet €5,88 mld.";
 * the figure to the cent stays in the annex.
 */
function withPrintedRestatement(line: FigureLine): FigureLine {
  if (!isRestated(line) || comparedFigureCents(line.restatedPreviousCents!) !== comparedFigureCents(line.reportedPreviousCents!)) return line;
  return { ...line, restatedPreviousCents: null };
}

/** The exact text that is hashed and kept, and its SHA-256. */
export function sealed(snapshot: unknown): { text: string; sha256: string } {
  const text = canonicalJson(snapshot);
  if (text === undefined) throw new Error('a snapshot must be JSON');
  return { text, sha256: sha256Hex(text) };
}

function figureLines(inputs: LetterInputs): FigureLine[] {
  const line = (key: FigureLine['key'], label: string, pick: (totals: Totals) => Cents): FigureLine => ({
    key,
    label,
    currentCents: pick(inputs.totals),
    reportedPreviousCents: inputs.previous ? pick(inputs.previous.reportedTotals) : null,
    restatedPreviousCents: inputs.restatedPreviousTotals ? pick(inputs.restatedPreviousTotals) : null,
  });
  const sum = (totals: Totals) => sumCents(SUPPORT_TYPES.map((type) => totals[type]));
  return [...SUPPORT_TYPES.map((type) => line(type, nl.figureRows[type], (totals) => totals[type])), line('total', nl.figureRows.total, sum)];
}

/** An amount in the running text: "€8,7 mld.", "€52,8 mln.", under a million in euro ("€7.000"). */
const inText = (cents: Cents, wording: LetterWording) => formatRunningAmount(cents, REFERENCE_PRECISION, wording);

/** The id a figure's name is about, without what of it the name places: `ID` of `ID.period`. */
export const figureId = (about: string): string => about.split('.')[0]!;

/** A delivery's value as the text of a letter of the format names it (`{{delivery:ID}}`): "€7 mln.", "€7.000". */
export const deliveryValueText = (cents: Cents, format: SnapshotFormat = SNAPSHOT_FORMAT): string => inText(cents, wordingOf(format));

/** A name the text may use: one of the common list, or a kind with what it is about (`delivery:ID`). */
type FigureName = LetterFigureName | `${'delivery' | 'training' | LetterBudgetFigureKind | EpfParameterisedFigure}:${string}` | CountWordsName;
/** The words with a count (`{{training:stc.trainers|trainer|trainers}}`, see countWords). */
type CountWordsName = `${string}|${string}|${string}`;

/** The figures by the names the text uses; only names of the common list, and public deliveries, are set. */
function namedFigures(inputs: LetterInputs, lines: FigureLine[], increase: PrintedIncrease | null, wording: LetterWording): ReadonlyMap<string, string> {
  const figures = new Map<FigureName, string>();
  for (const line of lines) figures.set(line.key, inText(line.currentCents, wording));
  figures.set('referenceDate', formatLetterDate(inputs.referenceDate));
  figures.set('letterDate', formatLetterDate(inputs.letterDate));
  figures.set('headline', headlineSentence(inputs.referenceDate, lines.at(-1)!.currentCents, lines.at(-1)!.reportedPreviousCents, wording));
  if (inputs.previous) {
    figures.set('previousReferenceDate', formatLetterDate(inputs.previous.referenceDate));
    const dated = `dd. ${formatLetterDate(inputs.previous.letterDate)}`;
    figures.set('previousLetter', inputs.previous.paperNumber ? `${inputs.previous.paperNumber}, ${dated}` : `de brief ${dated}`);
  }
  if (increase !== null) for (const [name, value] of changeFigures(increase, wording)) figures.set(name, value);
  for (const [id, value] of inputs.publicDeliveryValues) figures.set(`delivery:${id}`, inText(value.cents, wording));
  for (const [name, value] of epfFigures(inputs.epf, referenceYear(inputs), wording)) figures.set(name, value);
  for (const name of emptyYears(inputs, figures)) figures.set(name, inText(0, wording));
  figures.set('budgetTotal', inText(inputs.budget.totalCents, wording));
  for (const [kind, amounts] of Object.entries(inputs.budget.named) as [LetterBudgetFigureKind, ReadonlyMap<string, Cents>][]) {
    for (const [id, value] of amounts) figures.set(`${kind}:${id}`, inText(value, wording));
  }
  for (const [name, years] of inputs.budget.years) figures.set(name, years);
  figures.set('industry.contractValue', inText(inputs.industry.contractValueCents, wording));
  for (const [name, value] of trainingFigures(inputs, wording)) figures.set(name, value);
  const counts = countFigures(inputs, wording);
  for (const [name, { count, inWords }] of counts) figures.set(name, inWords ? countInWords(count) : formatCount(count));
  for (const [name, words] of countWords(inputs.blocks, counts)) figures.set(name, words);
  const judgement = overallEffect(inputs.readinessEffects.filter((effect) => effect !== null));
  if (judgement !== null) figures.set('readiness.judgement', nl.readinessEffects[judgement]);
  return figures;
}

/**
 * The change of the total since the previous letter, by its direction: `{{increase}}` and `{{increasePercent}}`
 * ("€2,82 mld.", "48 procent", or where it is less than the printed totals show "minder dan €10 mln.") where it
 * rose or stayed, `{{decrease}}` and `{{decreasePercent}}` where it fell, so that "een toename van {{increase}}"
 * cannot say a total rose that fell: the other pair is not known, and names why (CHANGES). The earlier wording
 * gave the increase's size whichever way it went.
 */
function changeFigures(increase: PrintedIncrease, wording: LetterWording): Map<LetterFigureName, string> {
  const change = statedChange(increase.difference, increase.compare, increase.lessThan, wording);
  const fell = change.direction === 'decrease' && wording.fallAsDecrease;
  const [amount, percent] = fell ? (['decrease', 'decreasePercent'] as const) : (['increase', 'increasePercent'] as const);
  const figures = new Map<LetterFigureName, string>([[amount, changeSizeInWords(change)]]);
  if (increase.percentText) figures.set(percent, increase.percentText);
  return figures;
}

/** The names of each direction of the change, the figure that is known instead when the total went the other way, and why. */
const CHANGES: readonly { names: readonly LetterFigureName[]; opposite: LetterFigureName; why: ChangeDirection }[] = [
  { names: ['increase', 'increasePercent'], opposite: 'decrease', why: 'totalFell' },
  { names: ['decrease', 'decreasePercent'], opposite: 'increase', why: 'totalDidNotFall' },
];

/**
 * Each programme's estimated cost at the reference date as an amount ("€5 mln."; its counts are among
 * countFigures). And up to when the training given was counted, for "tot en met augustus 2025", and the day
 * after it, for "Tot september 2025" (trainingCountedUpToInWords).
 */
function trainingFigures(inputs: LetterInputs, wording: LetterWording): Map<`training:${string}` | 'trainingCountsUpTo' | 'trainingCountsBefore', string> {
  const figures = new Map<`training:${string}` | 'trainingCountsUpTo' | 'trainingCountsBefore', string>();
  const countedUpTo = trainingCountedUpToInWords(inputs, wording);
  if (countedUpTo !== null) {
    figures.set('trainingCountsUpTo', countedUpTo.upTo);
    figures.set('trainingCountsBefore', countedUpTo.before);
  }
  for (const programme of inputs.training) {
    const figure = trainingFigureAt(programme.contributions, 'costEstimate', inputs.referenceDate);
    if (figure !== null) figures.set(`training:${programme.key}.costEstimate`, inText(figure.value, wording));
  }
  return figures;
}

/**
 * Up to when the training given was counted, as the letter says it: of the programmes whose training given the
 * text names a count of (all where it names none), the earliest of their counts, which the annex dates each of,
 * so that it holds for every count the letter gives; a month only where the count reaches its last day
 * (countedUpToInWords). Before format 7, the month of the latest count of any programme, though others were
 * counted up to earlier.
 */
function trainingCountedUpToInWords(inputs: LetterInputs, wording: LetterWording): { upTo: string; before: string } | null {
  if (!wording.trainingCountedByEach) {
    const latest = trainingCountedUpTo(inputs.training.flatMap((programme) => programme.contributions), inputs.referenceDate);
    return latest === null ? null : { upTo: formatLetterMonth(latest), before: formatLetterMonth(firstOfNextMonth(latest)) };
  }
  const earliest = trainingGivenCountedUpTo(inputs);
  return earliest === null ? null : countedUpToInWords(earliest);
}

/**
 * Up to when a letter of format 7 says the training given was counted, and takes every count of it the text
 * names at: the earliest of the latest counts of the programmes whose counts the text names (all where it
 * names none), so that each count holds at the date the letter says; null where none was counted by the
 * reference date.
 */
function trainingGivenCountedUpTo(inputs: LetterInputs): IsoDate | null {
  const named = programmesNamed(inputs);
  return trainingCountedUpToByEach((named.length > 0 ? named : inputs.training).map((programme) => programme.contributions), inputs.referenceDate);
}

/**
 * The date the letter takes each programme's training given at (trainers, trainees, courses): in format 7 the
 * date it says they were counted up to (trainingGivenCountedUpTo), a programme's latest count up to that date,
 * though the annex gives a later one with its own date; before, its latest count up to the reference date. A
 * text that names no count of training takes each at the reference date, as it would print named alone.
 */
function trainingGivenTakenAt(inputs: LetterInputs, wording: LetterWording): IsoDate {
  if (!wording.trainingCountedByEach || programmesNamed(inputs).length === 0) return inputs.referenceDate;
  return trainingGivenCountedUpTo(inputs) ?? inputs.referenceDate;
}

/**
 * Of a count of training given the text names that the letter does not know (`training:specialist.courses`,
 * in words or with its words), where its programme counted it by the reference date: the date the letter takes
 * it at, which it was counted only after; otherwise null.
 */
function trainingCountedOnlyAfter(inputs: LetterInputs, name: string, wording: LetterWording): IsoDate | null {
  const [, key, measure] = /^training:([^.]+)\.(\w+)(?::inWords)?$/.exec(nameParts(name)[0]!) ?? [];
  const programme = inputs.training.find((candidate) => candidate.key === key);
  const given = GIVEN_TRAINING.find((candidate) => candidate === measure);
  if (programme === undefined || given === undefined || trainingFigureAt(programme.contributions, given, inputs.referenceDate) === null) return null;
  return trainingGivenTakenAt(inputs, wording);
}

/** The programmes of whose training given the text names a count (`{{training:stc.trainers}}`, in words or with its words). */
function programmesNamed(inputs: LetterInputs): LetterInputs['training'] {
  const named = new Set(figureNames(inputs.blocks).map((name) => nameParts(name)[0]!.replace(/:inWords$/, '')));
  return inputs.training.filter(({ key }) => GIVEN_TRAINING.some((measure) => named.has(`training:${key}.${measure}`)));
}

function firstOfNextMonth(date: IsoDate): IsoDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

const INDUSTRY_COUNTS = ['contracts', 'companies', 'ukrainianCompanies', 'milestonesCompleted', 'coproductionProjects', 'demandBundles'] as const satisfies readonly (keyof IndustryFacts)[];

/** A count the text may name: in digits ("71") or written out ("twee"). */
interface CountFigure {
  count: number;
  inWords: boolean;
}

/**
 * The counts at the reference date: each programme's (`training:stc.trainers` in digits, "71", with `:inWords`
 * written out, "twintig"; its training given at the date the letter takes it at, trainingGivenTakenAt), the
 * number of windfall-profit tranches of the EPF, written out ("twee"), and the industry's (in digits).
 */
function countFigures(inputs: LetterInputs, wording: LetterWording): Map<FigureName, CountFigure> {
  const counts = new Map<FigureName, CountFigure>();
  const givenTakenAt = trainingGivenTakenAt(inputs, wording);
  for (const programme of inputs.training) {
    for (const measure of TRAINING_MEASURES) {
      const at = (GIVEN_TRAINING as readonly string[]).includes(measure) ? givenTakenAt : inputs.referenceDate;
      const figure = measure === 'costEstimate' ? null : trainingFigureAt(programme.contributions, measure, at);
      if (figure === null) continue;
      counts.set(`training:${programme.key}.${measure}`, { count: figure.value, inWords: false });
      counts.set(`training:${programme.key}.${measure}:inWords`, { count: figure.value, inWords: true });
    }
  }
  const windfallTranches = inputs.epf.tranches.filter((tranche) => tranche.kind === 'windfallProfits').length;
  if (windfallTranches > 0) counts.set('epfWindfallTranches', { count: windfallTranches, inWords: true });
  for (const key of INDUSTRY_COUNTS) counts.set(`industry.${key}`, { count: inputs.industry[key], inWords: false });
  return counts;
}

/**
 * The words the text puts with a count in its number, `{{COUNT|one|many}}`: the first for one, the second for
 * any other count ("{{epfWindfallTranches}} {{epfWindfallTranches|tranche|tranches}}" is "een tranche", "twee
 * tranches"), as the annex says "1 levering" and "2 leveringen"; as typed, a footnote in them too, which the
 * text composes as one. A name that is no count has none.
 */
function countWords(blocks: readonly NarrativeBlock[], counts: ReadonlyMap<string, CountFigure>): Map<CountWordsName, string> {
  return new Map(
    figureNames(blocks).flatMap((name): [CountWordsName, string][] => {
      const [count = '', one, many, ...more] = nameParts(name);
      const figure = counts.get(count);
      return figure && one && many && more.length === 0 ? [[name as CountWordsName, figure.count === 1 ? one : many]] : [];
    }),
  );
}

/**
 * The EPF's figures, rounded as the letter rounds them: "€3,3 mld.", "€52,8 mln."; the EU's commitment, the
 * number of windfall-profit tranches and the implementing-actor work written out, as the letter writes them
 * ("6 miljard euro", "twee", "€100 miljoen").
 * A figure with nothing behind it at the reference date (no claim yet) has no value, so a text naming it
 * cannot be finalised.
 */
function epfFigures(epf: EpfOverview, referenceYear: number, wording: LetterWording): Map<LetterFigureName | `${EpfParameterisedFigure}:${string}`, string> {
  const figures = new Map<LetterFigureName | `${EpfParameterisedFigure}:${string}`, string>();
  const ofKind = (kind: EpfOverview['tranches'][number]['kind']) => epf.tranches.filter((tranche) => tranche.kind === kind);
  const euAmount = (kind: EpfOverview['tranches'][number]['kind']) => sumCents(ofKind(kind).map((tranche) => tranche.euAmountCents));
  if (ofKind('assistanceMeasure').length > 0) figures.set('epfCommitted', formatLetterAmountInWords(euAmount('assistanceMeasure'), { significantDigits: 1 }, { sign: false }, wording));
  if (ofKind('windfallProfits').length > 0) {
    figures.set('epfWindfallTotal', inText(euAmount('windfallProfits'), wording));
  }
  for (const tranche of epf.tranches) figures.set(`epfTranche:${tranche.id}`, inText(tranche.euAmountCents, wording));
  if (epf.implementingActorCents > 0) figures.set('epfImplementingActor', formatLetterAmountInWords(epf.implementingActorCents, REFERENCE_PRECISION, { sign: true }, wording));
  if (epf.declaredUntil !== null) {
    figures.set('epfDeclared', inText(epf.declaredCents, wording));
    figures.set('epfDeclaredUntil', formatLetterDate(epf.declaredUntil));
    figures.set('epfCompensated', inText(epf.compensatedCents, wording));
    figures.set('epfOutstanding', inText(epf.outstandingCents, wording));
    figures.set('epfBlocked', inText(epf.blockedCents, wording));
  }
  // Each year received in, and each after it up to the reference date's in which nothing was (€0), as the text may name them.
  const paid = new Map(epf.paidByYear.map(({ year, cents }) => [year, cents]));
  for (let year = Math.min(referenceYear, ...paid.keys()); year <= referenceYear; year += 1) figures.set(`epfPaid:${year}`, inText(paid.get(year) ?? 0, wording));
  if (epf.remainderExpectedBy !== null) figures.set('epfRemainderExpectedBy', String(epf.remainderExpectedBy));
  return figures;
}

/** The figures counted per year (`{{epfPaid:2025}}`): the register lists only the years with something in them. */
const PER_YEAR_FIGURES: readonly string[] = ['epfPaid'] satisfies EpfParameterisedFigure[];

/**
 * The figures per year the text names that nothing was counted in, for a year up to the reference date's:
 * zero, not unknown (those from the first year with something in it on are among the EPF's figures already).
 * A later year is not known yet.
 */
function emptyYears(inputs: LetterInputs, figures: ReadonlyMap<string, string>): `${EpfParameterisedFigure}:${string}`[] {
  return figureNames(inputs.blocks).filter((name): name is `${EpfParameterisedFigure}:${string}` => {
    const year = yearOfFigure(name);
    return year !== null && year <= referenceYear(inputs) && !figures.has(name);
  });
}

/** The year of a figure per year (`epfPaid:2025` is 2025); null for any other name. */
function yearOfFigure(name: string): number | null {
  const [, kind, year] = /^(\w+):(\d{4})$/.exec(name) ?? [];
  return kind !== undefined && PER_YEAR_FIGURES.includes(kind) ? Number(year) : null;
}

const referenceYear = (inputs: LetterInputs) => Number(inputs.referenceDate.slice(0, 4));

/** The named figures the text uses, as printed, each under its public name (`publicFigureNames`). */
function printedNames(inputs: LetterInputs, figures: ReadonlyMap<string, string>): Record<string, string> {
  const printed = figureNames(inputs.blocks).filter((name) => figures.has(name));
  const publicNames = publicFigureNames(printed, inputs.publicDeliveryValues);
  return Object.fromEntries(printed.map((name) => [publicNames.get(name)!, figures.get(name)!]));
}

/** The kinds of figure the text names by a register's own id of a record that has no public id. */
const NUMBERED_KINDS: readonly string[] = [...LETTER_BUDGET_FIGURE_KINDS, 'epfTranche'] satisfies (LetterBudgetFigureKind | EpfParameterisedFigure)[];

/**
 * The name each figure is printed under in public, by the name the text uses (`names` in the order the text
 * first names them): internal ids never reach the public. A delivery is named by its public id; a budget
 * decision, shift or commitment or an EPF tranche, which have none, by its place among those of its kind the
 * text names (`budgetCommitment:ID.year` of the second commitment named is `budgetCommitment:2.year`): it
 * follows from the text frozen with the letter, so `letter verify` finds it again, and tells nothing the
 * text does not.
 */
function publicFigureNames(names: readonly string[], publicDeliveries: LetterInputs['publicDeliveryValues']): Map<string, string> {
  const places = new Map<string, number>();
  const counted = new Map<string, number>();
  const publicName = (name: string): string => {
    const [kind, about] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
    const delivery = kind === 'delivery' ? publicDeliveries.get(about) : undefined;
    if (delivery) return `delivery:${delivery.publicId}`;
    if (!NUMBERED_KINDS.includes(kind)) return name;
    const id = figureId(about);
    const record = `${kind}:${id}`;
    if (!places.has(record)) {
      counted.set(kind, (counted.get(kind) ?? 0) + 1);
      places.set(record, counted.get(kind)!);
    }
    return `${kind}:${places.get(record)}${about.slice(id.length)}`;
  };
  return new Map(names.map((name) => [name, publicName(name)]));
}

/**
 * A final letter's named figure recomputed, by the name it printed. A letter finalised before budget and EPF
 * figures had public names printed these under the name its text uses, which only the figures by that name hold.
 */
export function recomputedNamedFigure(built: BuiltLetter, printedName: string): string | undefined {
  return built.snapshot.namedFigures?.[printedName] ?? built.figures.get(printedName);
}

/**
 * The letter's table: the previous letter's column as that letter published it, the new column as
 * computed now. Where the previous figure has since been restated, a footnote gives both.
 */
function figuresTextTable(inputs: LetterInputs, lines: FigureLine[], wording: LetterWording): TextTable {
  const previous = inputs.previous;
  const header = [SUPPORT_TYPE_COLUMN_LABEL, ...(previous ? [formatTableDate(previous.referenceDate)] : []), formatTableDate(inputs.referenceDate)];
  const rows = lines.map((line) => {
    const restated = previous && isRestated(line) ? `[^${restatementNote(previous.referenceDate, line, wording)}]` : '';
    const cells = [
      `${line.label}${restated}`,
      ...(previous ? [formatComparedFigure(line.reportedPreviousCents!)] : []),
      formatPublishedFigure(line.currentCents),
    ];
    return line.key === 'total' ? { cells, emphasis: true } : { cells };
  });
  return { header, rows, numericColumns: previous ? [1, 2] : [1] };
}

function groupOverview(items: readonly OverviewItem[]) {
  return CATEGORIES.map((category) => ({
    category,
    label: nl.categories[category],
    items: items.filter((item) => item.category === category).sort((a, b) => compareTitles(a.title, b.title) || a.publicId.localeCompare(b.publicId)),
  })).filter((group) => group.items.length > 0);
}

/** What a letter's public overview lists, its groups put together. */
export function listedItems(snapshot: Pick<PublicLetterSnapshot, 'overview'>): OverviewItem[] {
  return snapshot.overview.flatMap((group) => group.items);
}

export const OVERVIEW_EMPTY = 'Sinds het vorige overzicht zijn er geen nieuwe leveringen die openbaar kunnen worden gemaakt.';

/** One line of the public overview, as every rendering prints it: "title (quantity): detail". */
export function overviewItemText(item: OverviewItem): string {
  return [item.title, item.quantity ? ` (${item.quantity})` : '', item.detail ? `: ${item.detail}` : ''].join('');
}

function overviewSection(overview: PublicLetterSnapshot['overview']): LetterSection {
  if (overview.length === 0) {
    return { heading: OVERVIEW_HEADING, blocks: [{ kind: 'paragraph', content: [OVERVIEW_EMPTY] }] };
  }
  return {
    heading: OVERVIEW_HEADING,
    blocks: overview.flatMap((group) => [
      { kind: 'paragraph' as const, content: [group.label] },
      {
        kind: 'bullets' as const,
        items: group.items.map((item) => [overviewItemText(item)]),
      },
    ]),
  };
}
