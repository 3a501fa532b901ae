import PDFDocument from 'pdfkit';

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

export interface PdfOptions {
  /**
   * Stamped as the PDF's creation date, and with the title the seed of its file identifier: the same document
   * and date give the same bytes. Without it the current time is stamped.
   */
  createdAt?: Date;
}

export interface PdfSetup extends PdfOptions {
  title: string;
  layout: 'portrait' | 'landscape';
  margins: { top: number; right: number; bottom: number; left: number };
  /** A tagged PDF (structure tree, reading order): every piece of content must then be tagged or an artifact. */
  tagged?: boolean;
}

/** An A4 document whose pages stay in memory, so every page can be stamped once the content is laid out. */
export function createPdf(setup: PdfSetup): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    layout: setup.layout,
    margins: setup.margins,
    bufferPages: true,
    tagged: setup.tagged ?? false,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: setup.title,
      Creator: 'Steunregister',
      Producer: 'Steunregister',
      CreationDate: setup.createdAt ?? new Date(),
    },
  });
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Characters beyond Latin-1 that the standard fonts' WinAnsi encoding still has (€, typographic quotes, dashes). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * The text as the standard PDF fonts can show it: they know only WinAnsi, and pdfkit writes any other
 * character as garbage, so spaces become plain spaces and whatever else is missing becomes "?".
 */
export function winAnsi(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    if (/\s/u.test(char)) return char === '\u00a0' || char === '\u202f' ? '\u00a0' : ' ';
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) return char;
    return '?';
  }).join('');
}
