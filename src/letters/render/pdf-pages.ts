import { FONT } from './pdf-document.ts';
import { printable } from './pdf-font.ts';

/**
 * Runs `stamp` on every page once the content is laid out, with the page's margins lifted so that text written
 * in them does not start a new page.
 */
export function stampPages(doc: PDFKit.PDFDocument, stamp: (page: number, pages: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, right: 0, bottom: 0, left: 0 };
    stamp(index - range.start + 1, range.count);
    doc.page.margins = margins;
  }
}

export interface LineStyle {
  size: number;
  bold?: boolean;
  color?: string;
  align: 'left' | 'center' | 'right';
}

/** One line of text across the page's text width at height `y`, cut short with an ellipsis when too long. */
export function pageLine(doc: PDFKit.PDFDocument, text: string, y: number, margins: Margins, style: LineStyle): void {
  doc
    .font(style.bold === true ? FONT.bold : FONT.regular)
    .fontSize(style.size)
    .fillColor(style.color ?? '#000000')
    .text(printable(text), margins.left, y, {
      width: doc.page.width - margins.left - margins.right,
      height: style.size * 1.3,
      align: style.align,
      ellipsis: true,
    });
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
