/**
 * A letter and its annex as documents, independent of format: what the renderers (HTML, Markdown,
 * DOCX, PDF) lay out. Everything in a LetterDocument is public by construction: it is built only from
 * the public snapshot of a letter.
 */

import { z } from 'zod';

/** A run of text, or a reference to a footnote by its number. */
const InlineSchema = z.union([z.string(), z.object({ footnote: z.number().int() })]);
export type Inline = z.infer<typeof InlineSchema>;

const LetterTableSchema = z.object({
  /** Column headings; the first column holds the row labels. */
  header: z.array(z.string()),
  rows: z.array(z.object({ cells: z.array(z.array(InlineSchema)), emphasis: z.boolean().optional() })),
  /** Which columns hold amounts (right-aligned). */
  numericColumns: z.array(z.number().int()),
});
export type LetterTable = z.infer<typeof LetterTableSchema>;

const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), content: z.array(InlineSchema) }),
  z.object({ kind: z.literal('bullets'), items: z.array(z.array(InlineSchema)) }),
  z.object({ kind: z.literal('table'), table: LetterTableSchema }),
]);
export type Block = z.infer<typeof BlockSchema>;

export const LetterSectionSchema = z.object({
  /** Null for the opening paragraphs, which have no heading. */
  heading: z.string().nullable(),
  blocks: z.array(BlockSchema),
});
export type LetterSection = z.infer<typeof LetterSectionSchema>;

export const FootnoteSchema = z.object({ number: z.number().int(), text: z.string() });

/** The house style's head of the first page: the wordmark, and the sender column beside the addressee. */
const LetterheadSchema = z.object({
  /** A neutral placeholder wordmark (never the protected Rijkslogo), e.g. "Ministerie van Defensie". */
  wordmark: z.string(),
  /** The sender's address, one line each. */
  sender: z.array(z.string()),
  /** "Onze referentie". */
  reference: z.string(),
  /** "Bijlage(n)": how many enclosures. */
  enclosures: z.string(),
});

/** The public overview of new deliveries: after the signature, one group per category. */
const LetterOverviewSchema = z.object({
  heading: z.string(),
  /** Said instead of the groups when there are none. */
  emptyText: z.string().nullable(),
  groups: z.array(z.object({ label: z.string(), items: z.array(z.string()) })),
});
export type LetterOverview = z.infer<typeof LetterOverviewSchema>;

/** The public letter as every format lays it out (and as the public pages show its text). */
export const LetterDocumentSchema = z.object({
  letterhead: LetterheadSchema,
  returnAddress: z.string(),
  addressee: z.array(z.string()),
  /** As printed, e.g. "10 september 2025"; "(concept)" while a draft. */
  dateText: z.string(),
  subject: z.string(),
  /** e.g. "Kamerstuk 22 054, nr. 460", once parliament has assigned it. */
  paperNumber: z.string().nullable(),
  salutation: z.string(),
  sections: z.array(LetterSectionSchema),
  footnotes: z.array(FootnoteSchema),
  /** The greeting, the signatory's title and the signatory's name. */
  closing: z.array(z.string()),
  overview: LetterOverviewSchema.nullable(),
  /** Shown at the top of every page while the letter is not final, and once it is withdrawn. */
  draftNotice: z.string().nullable(),
  /** The register holds demonstration data: every rendering says so. */
  isDemonstration: z.boolean(),
});
export type LetterDocument = z.infer<typeof LetterDocumentSchema>;

/**
 * The confidential annex: the full overview up to the reference date, marked on every page. It holds nothing
 * of its reader, so that it is rendered once: each opening stamps the reader's watermark on that rendering.
 */
export interface AnnexDocument {
  classification: string;
  title: string;
  /** e.g. "Totaaloverzicht tot en met 31 augustus 2025: …". */
  subtitle: string;
  /** Short paragraphs under the subtitle: what changed since the previous letter, how to handle the annex. */
  summary: string[];
  /** The deliveries first, then a section per domain that keeps details back from the letter. */
  sections: AnnexSection[];
  isDemonstration: boolean;
}

/** A table of the annex with its own heading; a domain adds one as a compact block of plain rows. */
export interface AnnexSection {
  heading: string;
  /** Paragraphs between the heading and the table. */
  intro?: string[];
  header: string[];
  rows: AnnexTableRow[];
  /** Which columns hold amounts and counts (right-aligned). */
  numericColumns: number[];
}

/**
 * A row of cells, one per column; or a structured line: a group's heading or a note (one cell across the
 * table), a subtotal (set apart in bold). A marked line is new or changed since the previous letter.
 */
export type AnnexTableRow = string[] | { kind?: 'group' | 'subtotal' | 'note'; cells: string[]; marked?: boolean };
