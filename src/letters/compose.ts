import { z } from 'zod';
import type { Role } from '../../common/vocabulary/codes.ts';
import { labelOf, roleInWords } from '../../common/vocabulary/index.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { SUPPORT_TYPES } from '../domain/delivery.ts';
import type { LetterStatus } from '../domain/letter.ts';
import { formatCount, formatExactEuros, formatLetterAmount, formatLetterDate, letterAmountIsExact, REFERENCE_PRECISION } from '../../common/letter-format.ts';
import { sumCents, type Cents } from '../../common/money.ts';
import type { AnnexDocument, AnnexSection, AnnexTableRow, LetterDocument, LetterOverview } from './letter-document.ts';
import { contractsSection, IndustryAnnexRowSchema, readinessSection, ReadinessAnnexRowSchema, trainingSection, TrainingAnnexRowSchema } from './annex-domain-sections.ts';
import { CentsSchema, FigureLineSchema, LETTER_SUBJECT, OVERVIEW_EMPTY, OVERVIEW_HEADING, overviewItemText, type LetterheadFields, type PublicLetterSnapshot } from './snapshot.ts';

const RETURN_ADDRESS = 'Postbus 20701 2500 ES Den Haag';
const ADDRESSEE = ['de Voorzitter van de Tweede Kamer', 'der Staten-Generaal', 'Bezuidenhoutseweg 67', '2594 AC Den Haag'];
const SENDER = ['Ministerie van Defensie', 'Plein 4', 'MPC 58 B', 'Postbus 20701', '2500 ES Den Haag'];
/** The confidential annex: the one enclosure every letter has. */
const ENCLOSURES = '1';
const CLASSIFICATION = 'DEPARTEMENTAAL VERTROUWELIJK';

/**
 * The house style's defaults: a neutral placeholder wordmark (never the protected Rijkslogo) and the minister's
 * title; the signatory's name is the author's to give (a draft without one is not submitted: signatoryViolations).
 * Letters finalised before the letterhead was kept print these, the title alone signing.
 */
export const DEFAULT_LETTERHEAD: LetterheadFields = { wordmark: 'Ministerie van Defensie', signatoryTitle: 'DE MINISTER VAN DEFENSIE', signatoryName: '' };

/** "Onze referentie": one final letter per reference date, so the date names it. */
function letterReference(referenceDate: string): string {
  return `SR-${referenceDate}`;
}

/** What every page of a letter says that is not sent as it reads: a draft, or a final letter withdrawn. */
const PAGE_NOTICES: Record<LetterStatus, string | null> = {
  draft: 'CONCEPT – niet verzonden; cijfers kunnen nog veranderen',
  final: null,
  withdrawn: 'INGETROKKEN – niet verzonden en niet openbaar',
};

/** The public letter as a document, from its snapshot; a draft, or a letter withdrawn, says so on every page. */
export function letterDocument(snapshot: PublicLetterSnapshot, options: { paperNumber: string | null; status: LetterStatus }): LetterDocument {
  const letterhead = snapshot.letterhead ?? DEFAULT_LETTERHEAD;
  return {
    letterhead: { wordmark: letterhead.wordmark, sender: SENDER, reference: letterReference(snapshot.referenceDate), enclosures: ENCLOSURES },
    returnAddress: RETURN_ADDRESS,
    addressee: ADDRESSEE,
    dateText: formatLetterDate(snapshot.letterDate),
    subject: snapshot.subject,
    paperNumber: options.paperNumber,
    salutation: 'Geachte voorzitter,',
    // The public overview follows the signature, as in the seed letter.
    sections: snapshot.sections.filter((section) => section.heading !== OVERVIEW_HEADING),
    footnotes: snapshot.footnotes,
    closing: ['Hoogachtend,', letterhead.signatoryTitle, ...(letterhead.signatoryName.trim() === '' ? [] : [letterhead.signatoryName])],
    overview: publicOverview(snapshot),
    draftNotice: PAGE_NOTICES[options.status],
    isDemonstration: snapshot.isDemonstration,
  };
}

function publicOverview(snapshot: PublicLetterSnapshot): LetterOverview {
  return {
    heading: OVERVIEW_HEADING,
    emptyText: snapshot.overview.length === 0 ? OVERVIEW_EMPTY : null,
    groups: snapshot.overview.map((group) => ({ label: group.label, items: group.items.map(overviewItemText) })),
  };
}

/** One line of the confidential annex: a delivery as the register holds it at the reference date. */
export const AnnexRowSchema = z.object({
  /** Absent in annexes frozen before deliveries were compared with the previous letter's annex. */
  deliveryId: z.string().optional(),
  title: z.string(),
  category: z.string(),
  supportType: z.enum(SUPPORT_TYPES),
  fundingSource: z.string(),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  /** Null only in annexes frozen while a purchase paid before it was realised was listed. */
  realisedAt: z.iso.date().nullable(),
  /** What it counts for in the letter's figures at the reference date. */
  valueCents: CentsSchema,
  /** Work for the EU as EPF implementing actor: its value, shown but never in a Dutch total. */
  implementingActorCents: CentsSchema.nullable().optional(),
  disclosureState: z.string(),
  /** Since the previous final letter's annex: not in it, in it at another value, or (in noLongerListed) no longer counted. */
  since: z.enum(['new', 'changed', 'left']).nullable().optional(),
  previousValueCents: CentsSchema.nullable().optional(),
});
export type AnnexRow = z.infer<typeof AnnexRowSchema>;

/** The confidential annex as frozen with a final letter (or computed for a draft). */
export const AnnexSnapshotSchema = z.object({
  format: z.literal('steunregister-annex/1'),
  letterId: z.string(),
  referenceDate: z.iso.date(),
  isDemonstration: z.boolean(),
  rows: z.array(AnnexRowSchema),
  /** The Dutch total: the sum of the rows' values, the letter's total. */
  totalCents: CentsSchema,
  /** The final letter whose annex "new" and "changed" compare with; absent in annexes frozen before. */
  previousLetter: z.object({ id: z.string(), referenceDate: z.iso.date() }).nullable().optional(),
  /**
   * The previous letter's rows that this annex no longer has (the delivery removed, or no longer realised or
   * counted by the reference date after a correction), as that annex had them; absent in annexes frozen before.
   */
  noLongerListed: z.array(AnnexRowSchema).optional(),
  /** Contracts per company; absent in annexes frozen before the register kept industry data. */
  contractsByCompany: z.array(IndustryAnnexRowSchema).optional(),
  /** Trainers and trainees per programme, and readiness and replacement per stock delivery; absent in annexes frozen before. */
  trainingByProgramme: z.array(TrainingAnnexRowSchema).optional(),
  readinessByDelivery: z.array(ReadinessAnnexRowSchema).optional(),
  /**
   * The public letter's table to the cent (the letter prints it rounded): what the next letter compares with
   * and `letter verify` recomputes. Absent in annexes of letters whose public snapshot (format 1) holds it.
   */
  figureLines: z.array(FigureLineSchema).optional(),
});
export type AnnexSnapshot = z.infer<typeof AnnexSnapshotSchema>;

/** How the annex compares with the previous letter's: what the list of annexes shows before it is opened. */
export interface AnnexChanges {
  /** The deliveries its total is the sum of, as its first page counts them: without the work for the EU. */
  inTotal: number;
  /** The deliveries done as implementing actor for the European Peace Facility, outside the total. */
  forTheEu: number;
  newRows: number;
  changedRows: number;
}

export function annexChanges(annex: AnnexSnapshot): AnnexChanges {
  let newRows = 0;
  let changedRows = 0;
  for (const row of annex.rows) {
    if (row.since === 'new') newRows += 1;
    else if (row.since === 'changed') changedRows += 1;
  }
  const forTheEu = annex.rows.filter(isImplementingActorWork).length;
  return { inTotal: annex.rows.length - forTheEu, forTheEu, newRows, changedRows };
}

/**
 * Marks each row against the previous letter's annex: "new" when it was not in it, "changed" when it was
 * at another value. Rows are matched by delivery; an annex frozen before rows had one is matched by title,
 * support type and date.
 */
export function markSincePrevious(rows: readonly AnnexRow[], previous: readonly AnnexRow[]): AnnexRow[] {
  const key = rowKey(previous);
  const before = new Map(previous.map((row) => [key(row), row]));
  return rows.map((row) => {
    const earlier = before.get(key(row));
    if (earlier === undefined) return { ...row, since: 'new', previousValueCents: null };
    if (rowValue(earlier) !== rowValue(row)) return { ...row, since: 'changed', previousValueCents: rowValue(earlier) };
    return { ...row, since: null, previousValueCents: null };
  });
}

/** The previous annex's rows that are not among these: what left the overview since, so that its totals can be followed. */
export function leftSincePrevious(rows: readonly AnnexRow[], previous: readonly AnnexRow[]): AnnexRow[] {
  const key = rowKey(previous);
  const now = new Set(rows.map(key));
  return previous.filter((row) => !now.has(key(row))).map((row) => ({ ...row, since: 'left', previousValueCents: rowValue(row) }));
}

/**
 * Each delivery whose value in the annex (what it counts for, or its work for the EU) differs between the
 * frozen annex and the one the register gives now, named by its id (by its title in an annex frozen before
 * rows had one); a delivery in only one of them is at 0 in the other.
 */
export function annexValueDifferences(frozen: readonly AnnexRow[], now: readonly AnnexRow[]): { delivery: string; published: Cents; recomputed: Cents }[] {
  const key = rowKey(frozen);
  const recomputed = new Map(now.map((row) => [key(row), row]));
  const published = new Map(frozen.map((row) => [key(row), row]));
  return [...frozen, ...now.filter((row) => !published.has(key(row)))].flatMap((row) => {
    const [before, after] = [published.get(key(row)), recomputed.get(key(row))];
    const [publishedCents, recomputedCents] = [before ? rowValue(before) : 0, after ? rowValue(after) : 0];
    return publishedCents === recomputedCents ? [] : [{ delivery: row.deliveryId ?? row.title, published: publishedCents, recomputed: recomputedCents }];
  });
}

/** Rows are matched by delivery; an annex frozen before rows had one is matched by title, support type and date. */
function rowKey(previous: readonly AnnexRow[]): (row: AnnexRow) => string {
  const byIds = previous.every((row) => row.deliveryId !== undefined);
  return (row) => (byIds ? row.deliveryId! : `${row.title}|${row.supportType}|${row.realisedAt ?? ''}`);
}

const rowValue = (row: AnnexRow) => row.implementingActorCents ?? row.valueCents;

/** Work for the EU as implementing actor: listed apart, never in the Dutch total the annex sums. */
const isImplementingActorWork = (row: AnnexRow) => row.implementingActorCents != null;

const CLASSIFICATION_NOTE = 'Alleen ter inzage voor de leden; elke opening wordt vastgelegd.';
const DELIVERY_HEADER = ['Levering', 'Categorie', 'Financiering', 'Aantal', 'Gerealiseerd', 'Waarde', 'Openbaarmaking', 'Sinds vorige brief'];
const DELIVERY_NUMERIC = [3, 5];

const deliveries = (count: number) => `${formatCount(count)} ${count === 1 ? 'levering' : 'leveringen'}`;

/** One million euro in cents: the least the letter ever prints ("€5 mln."), so the least the annex rounds as it does. */
const MILLION_CENTS = 100_000_000;

/**
 * An amount as the letter prints one in its text, and the annex the total its subtitle names: "€ 360 mln.", "€ 3,7 mld.";
 * an amount under a million, which the letter never prints, to the cent ("€ 7.000,00", "€ 0,00") rather than
 * "€ 0,007 mln." or "€ 0 mln.". Every other amount of the annex is to the cent, where members check single records.
 */
const letterAmount = (cents: Cents) => (Math.abs(cents) < MILLION_CENTS ? formatExactEuros(cents) : formatLetterAmount(cents, REFERENCE_PRECISION));
/** An amount as the letter's table prints it: always in mld. */
const tableAmount = (cents: Cents) => formatLetterAmount(cents, REFERENCE_PRECISION, { unit: 'mld.' });

/** An amount kept on one line: the annex's cells break at spaces, never between "€" and its number or within "1 mld.". */
const unbroken = (amount: string) => amount.replaceAll(' ', '\u00a0');
const exactAmount = (cents: Cents) => unbroken(formatExactEuros(cents));
const annexAmount = (cents: Cents) => unbroken(letterAmount(cents));

/**
 * The annex as a document: the deliveries grouped by support type with subtotals that are the letter's
 * table, the implementing-actor work outside the Dutch total, then a section per domain that keeps
 * details back from the letter. It holds nothing of its reader: the watermark is stamped on each opening.
 */
export function annexDocument(annex: AnnexSnapshot): AnnexDocument {
  const changes = annexChanges(annex);
  const previous = annex.previousLetter ?? null;
  const { inTotal, forTheEu } = changes;
  const sections: AnnexSection[] = [
    deliveriesSection(annex),
    implementingActorSection(annex.rows),
    noLongerListedSection(annex.noLongerListed ?? []),
    annex.contractsByCompany ? contractsSection(annex.contractsByCompany, exactAmount) : null,
    annex.trainingByProgramme ? trainingSection(annex.trainingByProgramme) : null,
    annex.readinessByDelivery ? readinessSection(annex.readinessByDelivery, exactAmount) : null,
    // A domain with nothing to show at the reference date has no section.
  ].filter((section): section is AnnexSection => section !== null && section.rows.length > 0);
  return {
    classification: CLASSIFICATION,
    title: `Vertrouwelijke bijlage bij de brief “${LETTER_SUBJECT}”`,
    subtitle: `Totaaloverzicht tot en met ${formatLetterDate(annex.referenceDate)}: ${deliveries(inTotal)}, samen ${annexAmount(annex.totalCents)}${forTheEu > 0 ? `; daarnaast ${deliveries(forTheEu)} als uitvoerder voor de Europese Vredesfaciliteit, buiten dit totaal` : ''}`,
    summary: [
      previous
        ? `${sinceText(previous.referenceDate, changes)}${leftText(annex.noLongerListed?.length ?? 0)}`
        : 'Dit is de eerste brief met een vertrouwelijke bijlage: er is geen vorige om mee te vergelijken.',
      CLASSIFICATION_NOTE,
    ],
    sections,
    isDemonstration: annex.isDemonstration,
  };
}

/** The deliveries that count in the Dutch total, per support type, each type with its subtotal as the letter prints it. */
function deliveriesSection(annex: AnnexSnapshot): AnnexSection {
  const counted = annex.rows.filter((row) => !isImplementingActorWork(row));
  const rows: AnnexTableRow[] = [];
  for (const type of SUPPORT_TYPES) {
    const ofType = counted.filter((row) => row.supportType === type);
    const newCount = ofType.filter((row) => row.since === 'new').length;
    rows.push({ kind: 'group', cells: [`${nl.figureRows[type]}: ${deliveries(ofType.length)}${newCount > 0 ? `, waarvan ${formatCount(newCount)} nieuw` : ''}`] });
    for (const row of ofType) rows.push(deliveryLine(row, row.valueCents));
    rows.push(...subtotal(`Subtotaal ${nl.figureRows[type]}`, sumCents(ofType.map((row) => row.valueCents))));
  }
  rows.push(...subtotal(nl.figureRows.total, annex.totalCents));
  return {
    heading: 'Leveringen per soort steun',
    intro: ['Elke levering en elk subtotaal staat hier tot op de cent; waar de tabel van de brief een subtotaal afrondt, staat eronder hoe de brief het drukt.'],
    header: DELIVERY_HEADER,
    rows,
    numericColumns: DELIVERY_NUMERIC,
  };
}

/** A subtotal to the cent, the sum of the rows above it, and beneath it how the letter's table prints it where it rounds. */
function subtotal(label: string, cents: Cents): AnnexTableRow[] {
  const line: AnnexTableRow = { kind: 'subtotal', cells: [label, '', '', '', '', exactAmount(cents), '', ''] };
  if (letterAmountIsExact(cents, REFERENCE_PRECISION, { unit: 'mld.' })) return [line];
  return [line, { kind: 'note', cells: [`In de tabel van de brief: ${unbroken(tableAmount(cents))}`] }];
}

function deliveryLine(row: AnnexRow, cents: Cents): AnnexTableRow {
  return {
    cells: [
      row.title,
      labelOf(nl.categories, row.category),
      labelOf(nl.fundingSources, row.fundingSource),
      row.quantity === null ? '' : `${formatCount(row.quantity)}${row.unit ? ` ${row.unit}` : ''}`,
      row.realisedAt === null ? 'betaald, nog niet geleverd' : formatLetterDate(row.realisedAt),
      exactAmount(cents),
      labelOf(nl.disclosureStates, row.disclosureState),
      row.since === 'new' ? 'nieuw' : row.since === 'changed' ? `was ${exactAmount(row.previousValueCents ?? 0)}` : row.since === 'left' ? 'telt niet meer mee' : '',
    ],
    ...(row.since ? { marked: true } : {}),
  };
}

/** What is new or at another value since the previous letter, and where it is marked; or that nothing is. */
function sinceText(previousDate: string, changes: AnnexChanges): string {
  const since = `Sinds de vorige brief (peildatum ${formatLetterDate(previousDate)})`;
  const marked = changes.newRows + changes.changedRows;
  if (marked === 0) return `${since} zijn er geen nieuwe leveringen en geen leveringen met een andere waarde.`;
  const parts = [changes.newRows > 0 ? `${deliveries(changes.newRows)} nieuw` : '', changes.changedRows > 0 ? `${deliveries(changes.changedRows)} met een andere waarde` : ''];
  return `${since}: ${parts.filter((part) => part !== '').join(' en ')}. ${marked === 1 ? 'Deze is' : 'Deze zijn'} gemarkeerd in de kolom “Sinds vorige brief”.`;
}

const NO_LONGER_LISTED_HEADING = 'Niet meer in het overzicht sinds de vorige brief';

function leftText(count: number): string {
  if (count === 0) return '';
  return ` ${formatCount(count)} ${count === 1 ? 'levering uit de vorige bijlage staat' : 'leveringen uit de vorige bijlage staan'} er niet meer in; zie “${NO_LONGER_LISTED_HEADING}”.`;
}

/** The previous annex's deliveries this one no longer counts: removed, or corrected to be realised or paid later. */
function noLongerListedSection(rows: readonly AnnexRow[]): AnnexSection | null {
  if (rows.length === 0) return null;
  return {
    heading: NO_LONGER_LISTED_HEADING,
    intro: ['Deze leveringen stonden in de vorige bijlage, maar tellen op deze peildatum niet (meer) mee: verwijderd uit het register, of na een correctie niet (meer) gerealiseerd of betaald op de peildatum. De waarde is die van de vorige bijlage.'],
    header: DELIVERY_HEADER,
    rows: rows.map((row) => deliveryLine(row, row.previousValueCents ?? 0)),
    numericColumns: DELIVERY_NUMERIC,
  };
}

/** Work the Netherlands does for the EU: shown at its value, outside the Dutch total (the letter names it apart). */
function implementingActorSection(all: readonly AnnexRow[]): AnnexSection | null {
  const rows = all.filter(isImplementingActorWork);
  if (rows.length === 0) return null;
  const total = sumCents(rows.map((row) => row.implementingActorCents!));
  return {
    heading: 'Uitvoerder voor de Europese Vredesfaciliteit: buiten het Nederlandse totaal',
    intro: ['Nederland verwerft dit als uitvoerder (implementing actor) voor de EU. Het telt niet mee in de steun van Nederland en staat daarom niet in de subtotalen hierboven.'],
    header: DELIVERY_HEADER,
    rows: [
      ...rows.map((row) => deliveryLine(row, row.implementingActorCents!)),
      { kind: 'subtotal', cells: ['Totaal als uitvoerder (buiten het Nederlandse totaal)', '', '', '', '', exactAmount(total), '', ''] },
    ],
    numericColumns: DELIVERY_NUMERIC,
  };
}

/**
 * "Geopend door J. de Vries (Kamerlid) op 30 november 2026 om 16:55, kenmerk 7KQ2-M9PX": the reader by name and
 * role (by role alone for an account without a name), never by login name; Dutch date and time at the ministry;
 * the opening's own mark, which its audit event keeps, so that a copy names its reader even where the name does not.
 */
export function readerStamp(reader: { name: string; role: Role }, opening: { at: Date; mark: string }): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(opening.at)
      .map((part) => [part.type, part.value]),
  );
  const date = formatLetterDate(`${parts.year}-${parts.month}-${parts.day}`);
  const role = roleInWords(reader.role, nl);
  const who = reader.name.trim() === '' ? role : `${reader.name.trim()} (${role})`;
  return `Geopend door ${who} op ${date} om ${parts.hour}:${parts.minute}, kenmerk ${opening.mark}`;
}
