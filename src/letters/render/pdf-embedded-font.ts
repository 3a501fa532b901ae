import { createHash } from 'node:crypto';
import { advance, fontFace, type FontStyle } from './pdf-font.ts';

/** A PDF object the font needs: a dictionary, or a stream with its dictionary's other entries. */
export type FontObject = { dictionary: string } | { stream: Buffer; entries: string };

/**
 * One style of the font as a PDF's composite font (Type0, CIDFontType2), collected while pages are
 * written and embedded when the document ends. Text is shown by its UTF-16 code units, each a CID: the
 * CIDToGIDMap takes a CID to its glyph in the subset, the ToUnicode map back to its character, so the text
 * is written without looking a glyph up and can be searched and copied.
 */
export class EmbeddedFont {
  private readonly style: FontStyle;
  /** The code points shown, each marked once. */
  private readonly used = new Uint8Array(0x10000);
  private readonly codes: number[] = [];

  constructor(style: FontStyle) {
    this.style = style;
  }

  /** The string operand that shows `printable` text (see pdf-font.ts), a hex string. */
  show(text: string): string {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.used[code] === 0) {
        this.used[code] = 1;
        this.codes.push(code);
      }
    }
    const bytes = Buffer.from(text, 'utf16le');
    return `<${bytes.swap16().toString('hex')}>`;
  }

  /**
   * The font's objects, numbered from `first` (the Type0 font, which the pages' resources name): its
   * descendant, descriptor, font program (the glyphs used), CIDToGIDMap and ToUnicode map.
   */
  objects(first: number): Map<number, FontObject> {
    const face = fontFace(this.style);
    const codes = [...this.codes].sort((a, b) => a - b);
    const subset = face.createSubset();
    const glyphs = new Uint16Array((codes.at(-1) ?? 0) + 1);
    // fontkit answers the glyph's number in the subset, where its types say a boolean.
    for (const code of codes) glyphs[code] = subset.includeGlyph(face.glyphForCodePoint(code)) as unknown as number;
    const program = Buffer.from(subset.encode());
    const name = `${tag(program)}+${face.postscriptName}`;
    const [descendant, descriptor, file, map, toUnicode] = [first + 1, first + 2, first + 3, first + 4, first + 5];
    const scale = 1000 / face.unitsPerEm;
    const { bbox } = face;
    const widths = codes.map((code) => `${code} [${Math.round(advance(this.style, code))}]`).join(' ');
    return new Map<number, FontObject>([
      [first, { dictionary: `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>` }],
      [descendant, {
        dictionary: `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 0 /W [${widths}] /CIDToGIDMap ${map} 0 R >>`,
      }],
      [descriptor, {
        dictionary: `<< /Type /FontDescriptor /FontName /${name} /Flags ${this.style === 'italic' ? 96 : 32} /FontBBox [${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => Math.round(value * scale)).join(' ')}] /ItalicAngle ${face.italicAngle} /Ascent ${Math.round(face.ascent * scale)} /Descent ${Math.round(face.descent * scale)} /CapHeight ${Math.round((face.capHeight ?? face.ascent) * scale)} /StemV ${this.style === 'bold' ? 120 : 80} /FontFile2 ${file} 0 R >>`,
      }],
      [file, { stream: program, entries: `/Length1 ${program.length}` }],
      [map, { stream: Buffer.from(glyphs.buffer).swap16(), entries: '' }],
      [toUnicode, { stream: Buffer.from(toUnicodeMap(codes), 'latin1'), entries: '' }],
    ]);
  }
}

/** Objects per font: see `EmbeddedFont.objects`. */
export const FONT_OBJECTS = 6;

/** A subset's tag: six capital letters, the same for the same glyphs. */
function tag(program: Buffer): string {
  const digest = createHash('sha256').update(program).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** The CMap that takes each CID back to its character: CIDs are UTF-16 code units. */
function toUnicodeMap(codes: readonly number[]): string {
  const hex = (code: number) => `<${code.toString(16).padStart(4, '0')}>`;
  const blocks: string[] = [];
  for (let start = 0; start < codes.length; start += 100) {
    const block = codes.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map((code) => `${hex(code)} ${hex(code)}`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
