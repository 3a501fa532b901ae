/**
 * The standard PDF fonts (Helvetica), which every viewer has and nothing needs to embed: what the
 * reader's watermark is stamped in, over the kept annex of any letter, rendered before the annex embedded
 * its font or after. They know only WinAnsi.
 */
import PDFDocument from 'pdfkit';
import { printableIn, type FontStyle } from './pdf-font.ts';

/** How a canvas shows text in a style: the font resource it names, the string operand, and its width. */
export interface CanvasFonts {
  key(style: FontStyle): string;
  operand(encoded: string, style: FontStyle): string;
  width(encoded: string, style: FontStyle, size: number): number;
}

/** The standard fonts by their names, the same in every annex: F1–F3. */
export const STANDARD_FONTS: readonly { key: string; baseFont: string; style: FontStyle }[] = [
  { key: 'F1', baseFont: 'Helvetica', style: 'regular' },
  { key: 'F2', baseFont: 'Helvetica-Bold', style: 'bold' },
  { key: 'F3', baseFont: 'Helvetica-Oblique', style: 'italic' },
];

/** The characters of WinAnsi's codes 0x80–0x9F (€, typographic quotes, dashes…), by code. */
const WIN_ANSI_HIGH: readonly [number, string][] = [
  [0x80, '€'], [0x82, '‚'], [0x83, 'ƒ'], [0x84, '„'], [0x85, '…'], [0x86, '†'], [0x87, '‡'], [0x88, 'ˆ'], [0x89, '‰'],
  [0x8a, 'Š'], [0x8b, '‹'], [0x8c, 'Œ'], [0x8e, 'Ž'], [0x91, '‘'], [0x92, '’'], [0x93, '“'], [0x94, '”'], [0x95, '•'],
  [0x96, '–'], [0x97, '—'], [0x98, '˜'], [0x99, '™'], [0x9a, 'š'], [0x9b, '›'], [0x9c, 'œ'], [0x9e, 'ž'], [0x9f, 'Ÿ'],
];
const WIN_ANSI_CODE = new Map(WIN_ANSI_HIGH.map(([code, char]) => [char, code]));
const isLatin1 = (char: string) => char.length === 1 && char.charCodeAt(0) <= 0xff;

/**
 * The text in WinAnsi, one character per byte: the characters the standard fonts have (printable Latin-1,
 * and the others of WinAnsi by their code), the rest as printableIn says (a reader's name in the annex's
 * watermark, such as Yeşilgöz, is printed Yesilgöz, and Олена as Olena, not with "?").
 */
export function encodeWinAnsi(text: string): string {
  return printableIn(text, (char) => isLatin1(char) || WIN_ANSI_CODE.has(char)).replace(/[^\x00-\xff]/g, (char) => String.fromCharCode(WIN_ANSI_CODE.get(char)!));
}

let widthTables: Record<FontStyle, Float64Array> | undefined;

/** Advance widths in thousandths of the font size per WinAnsi code, read once from pdfkit's font metrics. */
function widthTable(style: FontStyle): Float64Array {
  if (widthTables === undefined) {
    const doc = new PDFDocument({ autoFirstPage: false });
    const table = (font: string) => {
      doc.font(font).fontSize(1000);
      const widths = new Float64Array(256);
      for (let code = 0x20; code < 0x100; code++) {
        const char = code >= 0x80 && code < 0xa0 ? WIN_ANSI_HIGH.find(([high]) => high === code)?.[1] : String.fromCharCode(code);
        widths[code] = char === undefined ? 0 : doc.widthOfString(char);
      }
      return widths;
    };
    widthTables = { regular: table('Helvetica'), bold: table('Helvetica-Bold'), italic: table('Helvetica-Oblique') };
  }
  return widthTables[style];
}

/** A PDF literal string of WinAnsi-encoded text. */
function literal(encoded: string): string {
  return `(${encoded.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

export const standardFonts: CanvasFonts = {
  key: (style) => STANDARD_FONTS.find((font) => font.style === style)!.key,
  operand: (encoded) => literal(encoded),
  width(encoded, style, size) {
    const widths = widthTable(style);
    let width = 0;
    for (let index = 0; index < encoded.length; index++) width += widths[encoded.charCodeAt(index)]!;
    return (width * size) / 1000;
  },
};
