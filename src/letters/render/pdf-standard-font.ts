/**
 * The standard PDF fonts (Helvetica), which every viewer has and nothing needs to embed: what the
 * reader's watermark is stamped in, over the kept annex of any letter, rendered before the annex embedded
 * its font or after. They know only WinAnsi.
 */
import anyAscii from 'any-ascii';
import PDFDocument from 'pdfkit';
import { INVISIBLE, PRINTABLE_LATIN1, type FontStyle } from './pdf-font.ts';

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

/**
 * The text in WinAnsi, one character per byte: printable Latin-1 as it is, the other characters the
 * standard fonts have by their code, spaces as spaces, invisible marks left out, and any other letter as it
 * is written in Latin letters (a reader's name in the annex's watermark, such as Yeşilgöz, is printed
 * Yesilgöz, and Олена as Olena, not with "?").
 */
export function encodeWinAnsi(text: string): string {
  if (PRINTABLE_LATIN1.test(text)) return text;
  let encoded = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    const winAnsi = WIN_ANSI_CODE.get(char);
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) encoded += char;
    else if (/\s/u.test(char)) encoded += char === '\u202f' ? '\u00a0' : ' ';
    else if (INVISIBLE.test(char)) continue;
    else if (winAnsi !== undefined) encoded += String.fromCharCode(winAnsi);
    else encoded += anyAscii(char).replace(/[^\x20-\x7e]/g, '');
  }
  return encoded;
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
