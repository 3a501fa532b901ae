import type { Inline, LetterTable } from '../letter-document.ts';
import { plainText } from './inline.ts';
import { FONT } from './pdf-document.ts';
import { printable } from './pdf-font.ts';
import { inlineHeight, writeInline } from './pdf-inline.ts';

export interface TableStyle {
  x: number;
  /** The widest the table may be. */
  width: number;
  size: number;
  lineGap: number;
  padding: { x: number; y: number };
  /** Stretch the columns to the full width, rather than keep them as wide as their content. */
  fill: boolean;
  /** A thin line under every row, for long lists; without it only the header and emphasised rows are ruled. */
  rowRules: boolean;
  /** In a tagged PDF, the Table element the rows and cells are tagged under (header rows repeated on a new page are artifacts). */
  structure?: PDFKit.PDFStructureElement;
  /** Told of each footnote reference as it is written. */
  onFootnote?: (footnote: number) => void;
}

/**
 * Draws the table from the current y, starting a new page where a row no longer fits, and repeating the
 * header row at the top of each new page.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: LetterTable, style: TableStyle): void {
  const widths = columnWidths(doc, table, style);
  const tableWidth = widths.reduce((sum, width) => sum + width, 0);
  const headerCells: Inline[][] = table.header.map((heading) => [heading]);

  const drawRow = (cells: readonly (readonly Inline[])[], bold: boolean, tag: 'TH' | 'TD' | 'Artifact'): number => {
    const top = doc.y;
    const height = rowHeight(doc, cells, widths, style, bold);
    const row = tag !== 'Artifact' && style.structure ? doc.struct('TR') : undefined;
    if (row) style.structure?.add(row);
    if (tag === 'Artifact' && style.structure) doc.markContent('Artifact', { type: 'Pagination' });
    let x = style.x;
    cells.forEach((cell, column) => {
      const width = widths[column] ?? 0;
      const cellX = x;
      const write = () => writeInline(doc, cell, cellX + style.padding.x, top + style.padding.y, {
        size: style.size,
        lineGap: style.lineGap,
        width: Math.max(width - 2 * style.padding.x, 1),
        bold,
        align: table.numericColumns.includes(column) ? 'right' : 'left',
        ...(style.onFootnote ? { onFootnote: style.onFootnote } : {}),
      });
      if (row) row.add(doc.struct(tag, {}, write));
      else write();
      x += width;
    });
    row?.end();
    if (tag === 'Artifact' && style.structure) doc.endMarkedContent();
    doc.x = style.x;
    doc.y = top + height;
    return top;
  };
  const rule = (y: number, weight: number, colour: string): void => {
    if (style.structure) doc.markContent('Artifact', { type: 'Layout' });
    doc.save().moveTo(style.x, y).lineTo(style.x + tableWidth, y).lineWidth(weight).strokeColor(colour).stroke().restore();
    if (style.structure) doc.endMarkedContent();
  };
  const drawHeader = (repeated: boolean): void => {
    drawRow(headerCells, true, repeated ? 'Artifact' : 'TH');
    rule(doc.y, 0.8, '#000000');
  };

  const headerHeight = rowHeight(doc, headerCells, widths, style, true);
  const firstRowHeight = table.rows[0] === undefined ? 0 : rowHeight(doc, table.rows[0].cells, widths, style, false);
  if (doc.y + headerHeight + firstRowHeight > doc.page.maxY()) doc.addPage();
  drawHeader(false);
  for (const row of table.rows) {
    const bold = row.emphasis === true;
    if (doc.y + rowHeight(doc, row.cells, widths, style, bold) > doc.page.maxY()) {
      doc.addPage();
      drawHeader(true);
    }
    const top = drawRow(row.cells, bold, 'TD');
    if (bold) rule(top, 0.8, '#000000');
    if (style.rowRules) rule(doc.y, 0.3, '#b0b0b0');
  }
}

function rowHeight(
  doc: PDFKit.PDFDocument,
  cells: readonly (readonly Inline[])[],
  widths: readonly number[],
  style: TableStyle,
  bold: boolean,
): number {
  const heights = cells.map((cell, column) =>
    inlineHeight(doc, cell, {
      size: style.size,
      lineGap: style.lineGap,
      width: Math.max((widths[column] ?? 0) - 2 * style.padding.x, 1),
      bold,
    }));
  return Math.max(style.size, ...heights) + 2 * style.padding.y;
}

/**
 * Each column as wide as its widest cell while they fit; when they do not, the narrow columns (amounts, dates)
 * keep their width and the wide ones share what is left equally.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: LetterTable, style: TableStyle): number[] {
  const measure = (content: readonly Inline[], bold: boolean): number => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(style.size);
    return doc.widthOfString(printable(plainText(content))) + 2 * style.padding.x;
  };
  const natural = table.header.map((heading, column) =>
    Math.max(
      measure([heading], true),
      ...table.rows.map((row) => measure(row.cells[column] ?? [], row.emphasis === true)),
    ));
  const widths = natural.map(() => 0);
  let room = style.width;
  let left = natural.length;
  for (const column of natural.map((_, index) => index).sort((a, b) => (natural[a] ?? 0) - (natural[b] ?? 0))) {
    widths[column] = Math.min(natural[column] ?? 0, room / left);
    room -= widths[column] ?? 0;
    left -= 1;
  }
  const total = widths.reduce((sum, width) => sum + width, 0);
  return style.fill && total > 0 ? widths.map((width) => (width * style.width) / total) : widths;
}
