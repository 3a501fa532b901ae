import { z } from 'zod';
import { labelOf } from '../../common/vocabulary/index.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { SUPPORT_TYPES } from '../domain/delivery.ts';
import { formatLetterAmount, formatLetterDate, REFERENCE_PRECISION } from '../../common/letter-format.ts';
import type { Cents } from '../../common/money.ts';
import type { AnnexDocument, AnnexSection, LetterDocument, LetterOverview } from './letter-document.ts';
import { readinessSection, ReadinessAnnexRowSchema, trainingSection, TrainingAnnexRowSchema } from './annex-domain-sections.ts';
import { CentsSchema, LETTER_SUBJECT, OVERVIEW_EMPTY, OVERVIEW_HEADING, overviewItemText, type LetterheadFields, type PublicLetterSnapshot } from './snapshot.ts';

const RETURN_ADDRESS = 'Postbus 20701 2500 ES Den Haag';
const ADDRESSEE = ['de Voorzitter van de Tweede Kamer', 'der Staten-Generaal', 'Bezuidenhoutseweg 67', '2594 AC Den Haag'];
const SENDER = ['Ministerie van Defensie', 'Plein 4', 'MPC 58 B', 'Postbus 20701', '2500 ES Den Haag'];
/** The confidential annex: the one enclosure every letter has. */
const ENCLOSURES = '1';
const CLASSIFICATION = 'DEPARTEMENTAAL VERTROUWELIJK';

/**
 * The house style's defaults: a neutral placeholder wordmark (never the protected Rijkslogo) and the minister's
 * title; the signatory's name is the author's to give (without one, the title alone signs). Letters finalised
 * before the letterhead was kept print these.
 */
export const DEFAULT_LETTERHEAD: LetterheadFields = { wordmark: 'Ministerie van Defensie', signatoryTitle: 'DE MINISTER VAN DEFENSIE', signatoryName: '' };

/** "Onze referentie": one final letter per reference date, so the date names it. */
function letterReference(referenceDate: string): string {
  return `SR-${referenceDate}`;
}

/** The public letter as a document, from its snapshot; while a draft it says so on every page. */
export function letterDocument(snapshot: PublicLetterSnapshot, options: { paperNumber: string | null; isDraft: boolean }): LetterDocument {
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
    draftNotice: options.isDraft ? 'CONCEPT – niet verzonden; cijfers kunnen nog veranderen' : null,
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
  title: z.string(),
  category: z.string(),
  supportType: z.enum(SUPPORT_TYPES),
  fundingSource: z.string(),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  realisedAt: z.iso.date(),
  valueCents: CentsSchema,
  disclosureState: z.string(),
});
export type AnnexRow = z.infer<typeof AnnexRowSchema>;

/** One line of the annex's industry section: a government-to-business contract with its company. */
const IndustryAnnexRowSchema = z.object({
  company: z.string(),
  country: z.string(),
  disclosureState: z.string(),
  reference: z.string(),
  subject: z.string(),
  signedOn: z.iso.date(),
  amountCents: CentsSchema,
  milestones: z.number().int(),
  milestonesCompleted: z.number().int(),
});
export type IndustryAnnexRow = z.infer<typeof IndustryAnnexRowSchema>;

/** The confidential annex as frozen with a final letter (or computed for a draft). */
export const AnnexSnapshotSchema = z.object({
  format: z.literal('steunregister-annex/1'),
  letterId: z.string(),
  referenceDate: z.iso.date(),
  isDemonstration: z.boolean(),
  rows: z.array(AnnexRowSchema),
  totalCents: CentsSchema,
  /** Contracts per company; absent in annexes frozen before the register kept industry data. */
  contractsByCompany: z.array(IndustryAnnexRowSchema).optional(),
  /** Trainers and trainees per programme, and readiness and replacement per stock delivery; absent in annexes frozen before. */
  trainingByProgramme: z.array(TrainingAnnexRowSchema).optional(),
  readinessByDelivery: z.array(ReadinessAnnexRowSchema).optional(),
});
export type AnnexSnapshot = z.infer<typeof AnnexSnapshotSchema>;

const ANNEX_HEADER = ['Levering', 'Categorie', 'Type steun', 'Financiering', 'Aantal', 'Gerealiseerd', 'Waarde', 'Openbaarmaking'];

/** The annex for one reader: the watermark names who opened it and when. */
export function annexDocument(annex: AnnexSnapshot, reader: { name: string; username: string }, openedAt: Date): AnnexDocument {
  const stamp = openedAt.toISOString().slice(0, 16).replace('T', ' ');
  const amount = (cents: Cents) => formatLetterAmount(cents, REFERENCE_PRECISION, { unit: 'mln.' });
  return {
    classification: CLASSIFICATION,
    title: `Vertrouwelijke bijlage bij de brief “${LETTER_SUBJECT}”`,
    subtitle: `Totaaloverzicht tot en met ${formatLetterDate(annex.referenceDate)}: ${annex.rows.length} leveringen, samen ${amount(annex.totalCents)}`,
    header: ANNEX_HEADER,
    rows: annex.rows.map((row) => [
      row.title,
      labelOf(nl.categories, row.category),
      nl.supportTypes[row.supportType],
      labelOf(nl.fundingSources, row.fundingSource),
      row.quantity === null ? '' : `${row.quantity}${row.unit ? ` ${row.unit}` : ''}`,
      row.realisedAt,
      amount(row.valueCents),
      labelOf(nl.disclosureStates, row.disclosureState),
    ]),
    numericColumns: [4, 6],
    sections: [
      ...(annex.contractsByCompany ? [contractsSection(annex.contractsByCompany, amount)] : []),
      ...(annex.trainingByProgramme ? [trainingSection(annex.trainingByProgramme)] : []),
      ...(annex.readinessByDelivery ? [readinessSection(annex.readinessByDelivery, amount)] : []),
    ],
    watermark: `Geopend door ${reader.name} (${reader.username}) op ${stamp} UTC`,
    isDemonstration: annex.isDemonstration,
  };
}


const CONTRACTS_HEADER = ['Bedrijf', 'Land', 'Openbaarmaking', 'Contract', 'Onderwerp', 'Getekend', 'Bedrag', 'Mijlpalen afgerond'];

/** Contracts per company: commercially confidential, so kept back from the public letter and listed here. */
function contractsSection(rows: readonly IndustryAnnexRow[], amount: (cents: Cents) => string): AnnexSection {
  return {
    heading: 'Industrie: contracten per bedrijf',
    header: CONTRACTS_HEADER,
    rows: rows.map((row) => [
      row.company,
      row.country,
      labelOf(nl.disclosureStates, row.disclosureState),
      row.reference,
      row.subject,
      row.signedOn,
      amount(row.amountCents),
      `${row.milestonesCompleted} van ${row.milestones}`,
    ]),
    numericColumns: [6, 7],
  };
}
