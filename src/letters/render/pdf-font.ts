/**
 * The font of the letter's and the annex's PDFs: DejaVu Sans Condensed (regular, bold, oblique), which
 * has the Latin, Greek and Cyrillic alphabets and many symbols, embedded (only the glyphs used) so that a
 * title prints as it was written; condensed, it sets text as wide as Helvetica did, so the layout holds.
 * It comes with the dejavu-fonts-ttf package, so it is there wherever `npm ci` ran.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import anyAscii from 'any-ascii';
import * as fontkit from 'fontkit';
import { countryName } from '../../../common/countries.ts';

export type FontStyle = 'regular' | 'bold' | 'italic';

const require = createRequire(import.meta.url);
const FILES: Record<FontStyle, string> = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Oblique.ttf'),
};

const files = new Map<FontStyle, Buffer>();
const faces = new Map<FontStyle, fontkit.Font>();

/** The font file of a style, read once. */
export function fontFile(style: FontStyle): Buffer {
  let file = files.get(style);
  if (file === undefined) {
    file = readFileSync(FILES[style]);
    files.set(style, file);
  }
  return file;
}

/** The font of a style, parsed once. */
export function fontFace(style: FontStyle): fontkit.Font {
  let face = faces.get(style);
  if (face === undefined) {
    face = fontkit.create(fontFile(style)) as fontkit.Font;
    faces.set(style, face);
  }
  return face;
}

/** Per code point of the Basic Multilingual Plane: 0 not yet known, 1 in every style of the font, 2 not. */
const coverage = new Uint8Array(0x10000);

function covered(code: number): boolean {
  if (code > 0xffff) return false;
  if (coverage[code] === 0) {
    const inAll = (['regular', 'bold', 'italic'] as const).every((style) => fontFace(style).hasGlyphForCodePoint(code));
    coverage[code] = inAll ? 1 : 2;
  }
  return coverage[code] === 1;
}

/** Text every font of the PDFs has each character of as it stands: printable Latin-1, nearly all of the letter and the annex. */
const PRINTABLE_LATIN1 = /^[\x20-\x7e\xa0-\xff]*$/;
/** What is not seen: variation selectors (the ️ after ✈), joiners, direction marks, control characters. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;

/**
 * The text as a font that `has` some characters prints it, one rule for every font of the PDFs: each
 * character it has as it is, spaces as plain or non-breaking spaces, invisible marks left out, a flag as its
 * country's name, and any other character (an emoji, a script the font lacks) as it is written in Latin letters, so that nothing
 * prints as "?" or as an empty box. Every font has printable Latin-1.
 */
export function printableIn(text: string, has: (char: string) => boolean): string {
  if (PRINTABLE_LATIN1.test(text)) return text;
  let result = '';
  for (const char of flagsInWords(text.normalize('NFC'))) {
    if (/\s/u.test(char)) result += char === '\u00a0' || char === '\u202f' ? '\u00a0' : ' ';
    else if (INVISIBLE.test(char)) continue;
    else if (has(char)) result += char;
    else result += anyAscii(char).replace(/[^\x20-\x7e]/g, '');
  }
  return result;
}

/** A flag: two regional indicator symbols, which spell the code of its country (🇺🇦 is 🇺 and 🇦, UA). */
const FLAG = /(\p{Regional_Indicator}{2})/u;
const REGIONAL_INDICATOR_A = 0x1f1e6;
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Each flag as its country's Dutch name, as a screen reader says it ("Oekraïne" for 🇺🇦; a flag of no country,
 * 🇪🇺, as its letters), set apart from a word beside it: "Steun🇺🇦🇳🇱" is "Steun Oekraïne Nederland", where
 * the font's lack of flags printed "SteunUANL".
 */
function flagsInWords(text: string): string {
  if (!FLAG.test(text)) return text;
  let result = '';
  text.split(FLAG).forEach((part, index) => {
    const isFlag = index % 2 === 1;
    const words = isFlag ? countryName(String.fromCharCode(...Array.from(part, (char) => char.codePointAt(0)! - REGIONAL_INDICATOR_A + 65))) : part;
    const afterFlag = !isFlag && index > 0;
    if ((isFlag || afterFlag) && WORD_END.test(result) && WORD_START.test(words)) result += ' ';
    result += words;
  });
  return result;
}

/** The text as the embedded font prints it (printableIn), in characters of the Basic Multilingual Plane only. */
export const printable = (text: string): string => printableIn(text, (char) => covered(char.codePointAt(0)!));

const advances = new Map<FontStyle, Float64Array>();

/** The advance width of a code point in thousandths of the font size (the code points of `printable`'s text). */
export function advance(style: FontStyle, code: number): number {
  let table = advances.get(style);
  if (table === undefined) {
    table = new Float64Array(0x10000).fill(-1);
    advances.set(style, table);
  }
  let width = table[code]!;
  if (width < 0) {
    const face = fontFace(style);
    width = (face.glyphForCodePoint(code).advanceWidth * 1000) / face.unitsPerEm;
    table[code] = width;
  }
  return width;
}
