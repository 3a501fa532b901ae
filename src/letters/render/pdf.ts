import type { Block, Inline, LetterDocument } from '../letter-document.ts';
import { LABELS, pageLabel, returnAddressLine } from './labels.ts';
import { FONT, createPdf, pdfBytes, winAnsi, type PdfOptions } from './pdf-document.ts';
import { inlineHeight, writeInline, type TextStyle } from './pdf-inline.ts';
import { pageLine, stampPages, type Margins } from './pdf-pages.ts';
import { drawTable } from './pdf-table.ts';

export type { PdfOptions } from './pdf-document.ts';

const LETTER_MARGINS: Margins = { top: 68, right: 57, bottom: 68, left: 77 };
const BODY = { size: 9.5, lineGap: 3.6 } as const;
const SMALL = 7;
const PARAGRAPH_GAP = 9;
const MUTED = '#555555';
/** Where the addressee sits, so that it shows through the window of an envelope. */
const ADDRESSEE_TOP = 136;
const META_LABEL_WIDTH = 52;

/**
 * The letter on A4 in the seed letter's layout. Its footnotes follow the closing, at the end of the letter;
 * the draft notice and the demonstration mark head every page, and every page is numbered.
 */
export async function renderLetterPdf(letter: LetterDocument, options: PdfOptions = {}): Promise<Buffer> {
  const doc = createPdf({ ...options, title: letter.subject, layout: 'portrait', margins: LETTER_MARGINS });
  const left = LETTER_MARGINS.left;
  const width = doc.page.width - LETTER_MARGINS.left - LETTER_MARGINS.right;
  const body: TextStyle = { ...BODY, width };

  letterhead(doc, letter, width);
  paragraph(doc, [letter.salutation], body);
  for (const section of letter.sections) {
    if (section.heading !== null) {
      keepSpace(doc, inlineHeight(doc, [section.heading], { ...body, bold: true }) + 3 * lineHeight());
      writeInline(doc, [section.heading], left, doc.y + 4, { ...body, bold: true });
    }
    for (const block of section.blocks) writeBlock(doc, block, body);
  }
  closing(doc, letter.closing, body);
  footnotes(doc, letter.footnotes, width);

  stampPages(doc, (page, pages) => {
    let y = 24;
    if (letter.draftNotice !== null) {
      pageLine(doc, letter.draftNotice, y, LETTER_MARGINS, { size: 8.5, bold: true, color: '#8a5a00', align: 'center' });
      y += 12;
    }
    if (letter.isDemonstration) demonstrationLine(doc, y, LETTER_MARGINS);
    pageLine(doc, pageLabel(page, pages), doc.page.height - 42, LETTER_MARGINS, { size: SMALL, color: MUTED, align: 'right' });
  });
  return pdfBytes(doc);
}

function lineHeight(): number {
  return BODY.size * 1.15 + BODY.lineGap;
}

/** Starts a new page unless `height` still fits on this one. */
function keepSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

function demonstrationLine(doc: PDFKit.PDFDocument, y: number, margins: Margins): void {
  pageLine(doc, `${LABELS.demonstrationMark}  ${LABELS.demonstrationNote}`, y, margins, {
    size: SMALL,
    bold: true,
    color: '#154273',
    align: 'center',
  });
}

function letterhead(doc: PDFKit.PDFDocument, letter: LetterDocument, width: number): void {
  const left = LETTER_MARGINS.left;
  const small = (text: string, y: number, align: 'left' | 'right'): void => {
    doc.font(FONT.regular).fontSize(SMALL).fillColor(MUTED).text(winAnsi(text), left, y, { width, align });
    doc.fillColor('#000000');
  };
  if (letter.paperNumber !== null) small(letter.paperNumber, LETTER_MARGINS.top, 'right');
  small(returnAddressLine(letter.returnAddress), ADDRESSEE_TOP - 16, 'left');
  doc.y = ADDRESSEE_TOP;
  for (const line of letter.addressee) writeInline(doc, [line], left, doc.y, { ...BODY, width });
  doc.y = Math.max(doc.y + 3 * lineHeight(), ADDRESSEE_TOP + 7 * lineHeight());
  for (const [label, value] of [[LABELS.date, letter.dateText], [LABELS.subject, letter.subject]] as const) {
    const top = doc.y;
    small(label, top + 2, 'left');
    writeInline(doc, [value], left + META_LABEL_WIDTH, top, { ...BODY, width: width - META_LABEL_WIDTH });
  }
  doc.y += 2.5 * lineHeight();
}

function paragraph(doc: PDFKit.PDFDocument, content: readonly Inline[], style: TextStyle): void {
  keepSpace(doc, 2 * lineHeight());
  writeInline(doc, content, LETTER_MARGINS.left, doc.y, style);
  doc.y += PARAGRAPH_GAP;
}

function writeBlock(doc: PDFKit.PDFDocument, block: Block, style: TextStyle): void {
  const left = LETTER_MARGINS.left;
  switch (block.kind) {
    case 'paragraph':
      paragraph(doc, block.content, style);
      return;
    case 'bullets': {
      const indent = 14;
      for (const item of block.items) {
        keepSpace(doc, 2 * lineHeight());
        const top = doc.y;
        doc.font(FONT.regular).fontSize(style.size).text('•', left + 2, top, { lineBreak: false });
        writeInline(doc, item, left + indent, top, { ...style, width: style.width - indent });
        doc.y += PARAGRAPH_GAP / 2;
      }
      doc.y += PARAGRAPH_GAP / 2;
      return;
    }
    case 'table':
      drawTable(doc, block.table, {
        x: left - 6,
        width: style.width * 0.85,
        size: style.size,
        lineGap: 2,
        padding: { x: 6, y: 2.5 },
        fill: false,
        rowRules: false,
      });
      doc.x = left;
      doc.y += PARAGRAPH_GAP * 1.5;
  }
}

function closing(doc: PDFKit.PDFDocument, lines: readonly string[], style: TextStyle): void {
  doc.y += PARAGRAPH_GAP;
  keepSpace(doc, lines.length * (lineHeight() + 2 * PARAGRAPH_GAP));
  for (const line of lines) {
    writeInline(doc, [line], LETTER_MARGINS.left, doc.y, style);
    doc.y += 2 * PARAGRAPH_GAP;
  }
}

function footnotes(doc: PDFKit.PDFDocument, notes: LetterDocument['footnotes'], width: number): void {
  if (notes.length === 0) return;
  const left = LETTER_MARGINS.left;
  const indent = 12;
  const style: TextStyle = { size: 7.5, lineGap: 2, width: width - indent };
  keepSpace(doc, 2 * lineHeight());
  doc.y += PARAGRAPH_GAP;
  doc.save().moveTo(left, doc.y).lineTo(left + 120, doc.y).lineWidth(0.5).strokeColor('#000000').stroke().restore();
  doc.y += 5;
  for (const note of notes) {
    keepSpace(doc, inlineHeight(doc, [note.text], style));
    const top = doc.y;
    doc.font(FONT.regular).fontSize(style.size).text(String(note.number), left, top, { lineBreak: false });
    writeInline(doc, [note.text], left + indent, top, style);
    doc.y += 3;
  }
}
