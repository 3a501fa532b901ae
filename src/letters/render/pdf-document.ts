import PDFDocument from 'pdfkit';
import { fontFile } from './pdf-font.ts';

/** The letter's fonts, registered in every document: see pdf-font.ts. */
export const FONT = { regular: 'DejaVuSansCondensed', bold: 'DejaVuSansCondensed-Bold' } as const;

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

/**
 * An A4 document whose pages stay in memory, so every page can be stamped once the content is laid out;
 * its fonts are embedded with the glyphs used. Text is written through `printable` (pdf-font.ts).
 */
export function createPdf(setup: PdfSetup): PDFKit.PDFDocument {
  const doc = new PDFDocument({
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
  doc.registerFont(FONT.regular, fontFile('regular'));
  doc.registerFont(FONT.bold, fontFile('bold'));
  return doc.font(FONT.regular);
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
