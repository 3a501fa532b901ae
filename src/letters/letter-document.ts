/**
 * A letter and its annex as documents, independent of format: what the renderers (HTML, Markdown,
 * DOCX, PDF) lay out. Everything in a LetterDocument is public by construction: it is built only from
 * the public snapshot of a letter.
 */

/** A run of text, or a reference to a footnote by its number. */
export type Inline = string | { footnote: number };

export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'table'; table: LetterTable };

export interface LetterTable {
  /** Column headings; the first column holds the row labels. */
  header: string[];
  rows: { cells: Inline[][]; emphasis?: boolean }[];
  /** Which columns hold amounts (right-aligned). */
  numericColumns: number[];
}

export interface LetterSection {
  /** Null for the opening paragraphs, which have no heading. */
  heading: string | null;
  blocks: Block[];
}

export interface LetterDocument {
  returnAddress: string;
  addressee: string[];
  /** As printed, e.g. "10 september 2025"; "(concept)" while a draft. */
  dateText: string;
  subject: string;
  /** e.g. "Kamerstuk 22 054, nr. 460", once parliament has assigned it. */
  paperNumber: string | null;
  salutation: string;
  sections: LetterSection[];
  footnotes: { number: number; text: string }[];
  closing: string[];
  /** Shown at the top of every page while the letter is not final. */
  draftNotice: string | null;
  /** The register holds demonstration data: every rendering says so. */
  isDemonstration: boolean;
}

/** The confidential annex: the full overview up to the reference date, marked and watermarked per reader. */
export interface AnnexDocument {
  classification: string;
  title: string;
  /** e.g. "Totaaloverzicht tot en met 31 augustus 2025". */
  subtitle: string;
  header: string[];
  rows: string[][];
  numericColumns: number[];
  /** Printed diagonally on every page: who opened it, and when. */
  watermark: string;
  isDemonstration: boolean;
}
