import type { AnnexDocument, Inline } from '../letter-document.ts';
import { LABELS, pageLabel } from './labels.ts';
import { createPdf, pdfBytes, type PdfOptions } from './pdf-document.ts';
import { writeInline } from './pdf-inline.ts';
import { pageLine, stampPages, watermark, type Margins } from './pdf-pages.ts';
import { drawTable } from './pdf-table.ts';

export type { PdfOptions } from './pdf-document.ts';

const ANNEX_MARGINS: Margins = { top: 58, right: 40, bottom: 58, left: 40 };
const BODY = { size: 9.5, lineGap: 3.6 } as const;
const SMALL = 7;
const MUTED = '#555555';
const MARKING = '#a90011';

const ANNEX_TABLE_STYLE = (x: number, width: number) => ({ x, width, size: 8, lineGap: 1.5, padding: { x: 4, y: 3.5 }, fill: true, rowRules: true });

/**
 * The confidential annex on A4 landscape: the classification at the top and the bottom of every page, the
 * reader's watermark diagonally across every page, the table's header row repeated on each page.
 */
export async function renderAnnexPdf(annex: AnnexDocument, options: PdfOptions = {}): Promise<Buffer> {
  const doc = createPdf({ ...options, title: `${annex.classification}: ${annex.title}`, layout: 'landscape', margins: ANNEX_MARGINS });
  const left = ANNEX_MARGINS.left;
  const width = doc.page.width - ANNEX_MARGINS.left - ANNEX_MARGINS.right;

  writeInline(doc, [annex.title], left, ANNEX_MARGINS.top, { size: 13, lineGap: 2, width, bold: true });
  writeInline(doc, [annex.subtitle], left, doc.y + 2, { size: 10, lineGap: 2, width });
  doc.fillColor(MUTED);
  writeInline(doc, [annex.watermark], left, doc.y + 4, { size: 8, lineGap: 2, width });
  doc.fillColor('#000000');
  doc.y += 10;
  drawTable(doc, {
    header: annex.header,
    rows: annex.rows.map((cells) => ({ cells: cells.map((cell): Inline[] => [cell]) })),
    numericColumns: annex.numericColumns,
  }, ANNEX_TABLE_STYLE(left, width));
  for (const section of annex.sections) {
    doc.y += 14;
    keepSpace(doc, 4 * lineHeight());
    writeInline(doc, [section.heading], left, doc.y, { size: 11, lineGap: 2, width, bold: true });
    doc.y += 4;
    drawTable(doc, {
      header: section.header,
      rows: section.rows.map((cells) => ({ cells: cells.map((cell): Inline[] => [cell]) })),
      numericColumns: section.numericColumns,
    }, ANNEX_TABLE_STYLE(left, width));
  }

  stampPages(doc, (page, pages) => {
    const marking = { size: 10, bold: true, color: MARKING, align: 'center' } as const;
    pageLine(doc, annex.classification, 22, ANNEX_MARGINS, marking);
    if (annex.isDemonstration) demonstrationLine(doc, 36, ANNEX_MARGINS);
    pageLine(doc, annex.classification, doc.page.height - 34, ANNEX_MARGINS, marking);
    pageLine(doc, pageLabel(page, pages), doc.page.height - 32, ANNEX_MARGINS, { size: SMALL, color: MUTED, align: 'right' });
    watermark(doc, annex.watermark);
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
