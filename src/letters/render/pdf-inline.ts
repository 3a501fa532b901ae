import { keepFiguresTogether } from '../../../common/letter-format.ts';
import type { Inline } from '../letter-document.ts';
import { plainText } from './inline.ts';
import { FONT } from './pdf-document.ts';
import { printable } from './pdf-font.ts';

export interface TextStyle {
  size: number;
  lineGap: number;
  width: number;
  bold?: boolean;
  align?: 'left' | 'right';
  /** Told of each footnote reference as it is written (the page it lands on is the current one then). */
  onFootnote?: (footnote: number) => void;
}

/** Footnote numbers are set smaller at the top of the line, which reads as superscript. */
const FOOTNOTE_SCALE = 0.65;

/** Writes a run of inline content from (x, y), wrapping at the style's width (never within a figure) and onto new pages as needed. */
export function writeInline(
  doc: PDFKit.PDFDocument,
  content: readonly Inline[],
  x: number,
  y: number,
  style: TextStyle,
): void {
  const parts = content.filter((part) => part !== '');
  doc.x = x;
  doc.y = y;
  parts.forEach((part, index) => {
    const options = { width: style.width, lineGap: style.lineGap, align: style.align ?? 'left', continued: index < parts.length - 1 };
    if (typeof part === 'string') {
      doc.font(style.bold === true ? FONT.bold : FONT.regular).fontSize(style.size).text(printable(keepFiguresTogether(part)), options);
    } else {
      doc.font(FONT.regular).fontSize(style.size * FOOTNOTE_SCALE).text(String(part.footnote), options);
      style.onFootnote?.(part.footnote);
    }
  });
  doc.font(FONT.regular).fontSize(style.size);
}

/** The height the content takes when written with the style. */
export function inlineHeight(doc: PDFKit.PDFDocument, content: readonly Inline[], style: TextStyle): number {
  const text = printable(keepFiguresTogether(plainText(content)));
  doc.font(style.bold === true ? FONT.bold : FONT.regular).fontSize(style.size);
  return text === '' ? 0 : doc.heightOfString(text, { width: style.width, lineGap: style.lineGap });
}
