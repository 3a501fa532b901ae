/**
 * A small PDF writer for long documents: pages are written (compressed) as soon as they are full, text
 * is measured from the font's advance widths, and the font is embedded at the end with only the glyphs
 * used. What pdfkit does for the letter, it does for the annex in a fraction of the time and memory.
 *
 * The document is tagged (its structure tree is what a screen reader reads) and everything else drawn is
 * marked as an artifact. A long table has hundreds of thousands of structure elements: they go into
 * compressed object streams, listed by a cross-reference stream.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { EmbeddedFont, FONT_OBJECTS } from './pdf-embedded-font.ts';
import { advance, printable, type FontStyle } from './pdf-font.ts';
import { STANDARD_FONTS, standardFonts, type CanvasFonts } from './pdf-standard-font.ts';

export type { FontStyle } from './pdf-font.ts';
const STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic'];
/** The embedded font's resource names; F1–F3 are the standard fonts that the stamp draws with. */
const EMBEDDED_KEYS: Record<FontStyle, string> = { regular: 'E1', bold: 'E2', italic: 'E3' };

/** The width of encoded text at a size, in the embedded font. */
export function textWidth(encoded: string, style: FontStyle, size: number): number {
  let width = 0;
  for (let index = 0; index < encoded.length; index++) width += advance(style, encoded.charCodeAt(index));
  return (width * size) / 1000;
}

/** Encoded text broken into lines no wider than `width`: at spaces, and inside words too long for a line. */
export function wrapText(encoded: string, style: FontStyle, size: number, maximum: number): string[] {
  // A column as wide as its widest cell must hold that cell whatever the rounding of the sums.
  const width = maximum + 0.001;
  if (textWidth(encoded, style, size) <= width) return [encoded];
  const lines: string[] = [];
  const space = textWidth(' ', style, size);
  let line = '';
  let lineWidth = 0;
  for (const word of encoded.split(' ')) {
    let rest = word;
    let restWidth = textWidth(rest, style, size);
    if (line !== '' && lineWidth + space + restWidth <= width) {
      line += ` ${rest}`;
      lineWidth += space + restWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    while (restWidth > width && rest.length > 1) {
      let cut = 1;
      while (cut < rest.length && textWidth(rest.slice(0, cut + 1), style, size) <= width) cut++;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
      restWidth = textWidth(rest, style, size);
    }
    line = rest;
    lineWidth = restWidth;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A PDF text string for the document's information: UTF-16BE, so that any character survives. */
function textString(text: string): string {
  return `<FEFF${Array.from(text, (char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
}

/** Drawing operators for one page, in the page's own top-down coordinates. */
export class PageCanvas {
  private readonly parts: string[] = [];
  readonly height: number;
  /** The page's object, when the canvas is a page of a document (the stamp is not). */
  readonly pageObject: number | undefined;
  /** The structure element of each marked-content sequence on the page, by its MCID. */
  readonly owners: number[] = [];
  private readonly fonts: CanvasFonts;

  /** A page of a document draws with its embedded font; the stamp, without a document, with the standard fonts. */
  constructor(height: number, page?: { object: number; fonts: CanvasFonts }) {
    this.height = height;
    this.pageObject = page?.object;
    this.fonts = page?.fonts ?? standardFonts;
  }

  /** The width of encoded text in the canvas's fonts. */
  textWidth(encoded: string, style: FontStyle, size: number): number {
    return this.fonts.width(encoded, style, size);
  }

  /** Draws content that belongs to a structure element; its marked-content id. */
  tagged(owner: StructElement, draw: () => void): number {
    const mcid = this.owners.push(owner.number) - 1;
    this.parts.push(`/${owner.role} <</MCID ${mcid}>> BDC`);
    draw();
    this.parts.push('EMC');
    return mcid;
  }

  /** Draws what is not content: rules, shading, page marks, a repeated table header, a watermark. */
  artifact(draw: () => void, kind = ''): void {
    this.parts.push(kind ? `/Artifact << ${kind} >> BDC` : '/Artifact BMC');
    draw();
    this.parts.push('EMC');
  }

  text(encoded: string, x: number, top: number, style: FontStyle, size: number, colour = '0 0 0'): void {
    const baseline = this.height - top - size * 0.8;
    this.parts.push(`BT ${colour} rg /${this.fonts.key(style)} ${size} Tf ${x.toFixed(2)} ${baseline.toFixed(2)} Td ${this.fonts.operand(encoded, style)} Tj ET`);
  }

  rule(x: number, y: number, width: number, weight: number, colour: string): void {
    const at = (this.height - y).toFixed(2);
    this.parts.push(`${weight} w ${colour} RG ${x.toFixed(2)} ${at} m ${(x + width).toFixed(2)} ${at} l S`);
  }

  fill(x: number, top: number, width: number, height: number, colour: string): void {
    this.parts.push(`${colour} rg ${x.toFixed(2)} ${(this.height - top - height).toFixed(2)} ${width.toFixed(2)} ${height.toFixed(2)} re f`);
  }

  /** The number of pages, known only at the end: drawn from a form written then. */
  pageCount(x: number, top: number, size: number, colour: string): void {
    this.parts.push(`q ${colour} rg 1 0 0 1 ${x.toFixed(2)} ${(this.height - top - size * 0.8).toFixed(2)} cm /PageCount Do Q`);
  }

  /** Translucent text centred on the page's centre, along a line at `angle` (radians, anticlockwise), `offset` off it. */
  translucentLine(encoded: string, style: FontStyle, size: number, angle: number, offset: number, width: number): void {
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)].map((value) => value.toFixed(5));
    const centre = `${(width / 2).toFixed(2)} ${(this.height / 2).toFixed(2)}`;
    const x = (-this.fonts.width(encoded, style, size) / 2).toFixed(2);
    this.parts.push(
      `q /Translucent gs 0 0 0 rg ${cos} ${sin} ${-Number(sin)} ${cos} ${centre} cm BT /${this.fonts.key(style)} ${size} Tf ${x} ${(offset - size / 2).toFixed(2)} Td ${this.fonts.operand(encoded, style)} Tj ET Q`,
    );
  }

  operators(): string {
    return this.parts.join('\n');
  }
}

const CATALOG = 1;
const PAGES = 2;
const RESOURCES = 3;
/** The standard fonts the stamp draws with: 4, 5, 6. */
const FIRST_FONT = 4;
const TRANSLUCENT = 7;
const PAGE_COUNT = 8;
const INFO = 9;
/** The object that is written only when the document is opened: the reader's stamp over every page. */
const STAMP = 10;
const STRUCT_TREE_ROOT = 11;
const PARENT_TREE = 12;
const DOCUMENT_ELEMENT = 13;
const FIRST_FREE_OBJECT = 14;
/** Objects per compressed object stream. */
const OBJECTS_PER_STREAM = 500;

/** An element of the structure tree, open while its children are added. */
export interface StructElement {
  readonly number: number;
  readonly role: string;
  readonly parent: number;
  /** Its children: element references, or marked-content ids on `page`. */
  readonly kids: string[];
  page?: number;
  /** Its attributes, a PDF dictionary such as `<< /O /Table /Scope /Column >>`. */
  readonly attributes?: string;
}

/** Where an object is: at an offset in the file, or at an index in an object stream. */
type XrefEntry = { offset: number } | { stream: number; index: number };

/**
 * A PDF kept without its stamp: `bytes` is everything but the stamp object, which goes in at `slot`, and
 * the final offset of the cross-reference table, which follows.
 */
export interface StampablePdf {
  bytes: Uint8Array;
  slot: number;
}

/**
 * Writes a tagged PDF page by page. Every page draws, over its own content, one shared object that is left
 * out: `stampPdf` puts it in (a reader's watermark), so that the pages are rendered once and stamped many
 * times. The file is a hybrid: a cross-reference stream before the stamp lists every object but the
 * stamp; a one-entry table after it lists the stamp and points to the stream, so that putting the stamp in
 * moves nothing but the final offset.
 */
export class StreamingPdf {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly entries = new Map<number, XrefEntry>();
  private readonly pageObjects: number[] = [];
  /** Per page, in order, the object that lists the structure element of each of its MCIDs. */
  private readonly parentTree: number[] = [];
  private pending: { number: number; text: string }[] = [];
  private nextObject = FIRST_FREE_OBJECT;
  private readonly size: { width: number; height: number };
  private readonly info: { title: string; createdAt: Date };
  /** The embedded font's styles, each with the object number of its Type0 font. */
  private readonly embedded: { style: FontStyle; font: EmbeddedFont; object: number }[];
  private readonly fonts: CanvasFonts;
  /** The root of the document's structure: everything else is in it. */
  readonly document: StructElement = { number: DOCUMENT_ELEMENT, role: 'Document', parent: STRUCT_TREE_ROOT, kids: [] };

  constructor(size: { width: number; height: number }, info: { title: string; createdAt: Date }) {
    this.size = size;
    this.info = info;
    this.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    this.object(
      CATALOG,
      `<< /Type /Catalog /Pages ${PAGES} 0 R /Lang (nl-NL) /MarkInfo << /Marked true >> /StructTreeRoot ${STRUCT_TREE_ROOT} 0 R /ViewerPreferences << /DisplayDocTitle true >> >>`,
    );
    this.embedded = STYLES.map((style) => {
      const object = this.nextObject;
      this.nextObject += FONT_OBJECTS;
      return { style, font: new EmbeddedFont(style), object };
    });
    const embedded = new Map(this.embedded.map(({ style, font }) => [style, font]));
    this.fonts = {
      key: (style) => EMBEDDED_KEYS[style],
      operand: (encoded, style) => embedded.get(style)!.show(encoded),
      width: textWidth,
    };
    const fonts = [
      ...STANDARD_FONTS.map(({ key }, index) => `/${key} ${FIRST_FONT + index} 0 R`),
      ...this.embedded.map(({ style, object }) => `/${EMBEDDED_KEYS[style]} ${object} 0 R`),
    ].join(' ');
    this.object(RESOURCES, `<< /Font << ${fonts} >> /ExtGState << /Translucent ${TRANSLUCENT} 0 R >> /XObject << /PageCount ${PAGE_COUNT} 0 R >> >>`);
    STANDARD_FONTS.forEach(({ baseFont }, index) => {
      this.object(FIRST_FONT + index, `<< /Type /Font /Subtype /Type1 /BaseFont /${baseFont} /Encoding /WinAnsiEncoding >>`);
    });
    this.object(TRANSLUCENT, '<< /Type /ExtGState /ca 0.14 >>');
    const date = info.createdAt.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    this.object(INFO, `<< /Title ${textString(info.title)} /Creator (Steunregister) /Producer (Steunregister) /CreationDate (D:${date}Z) >>`);
  }

  /** A blank page to draw on; it is written by addPage. */
  newPage(): PageCanvas {
    return new PageCanvas(this.size.height, { object: this.nextObject++, fonts: this.fonts });
  }

  addPage(canvas: PageCanvas): void {
    const page = canvas.pageObject!;
    const content = this.nextObject++;
    const parents = this.nextObject++;
    this.stream(content, Buffer.from(canvas.operators(), 'latin1'));
    this.object(
      page,
      `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${this.size.width} ${this.size.height}] /Resources ${RESOURCES} 0 R /Contents [${content} 0 R ${STAMP} 0 R] /StructParents ${this.pageObjects.length} /Tabs /S >>`,
    );
    this.compressed(parents, `[${canvas.owners.map((owner) => `${owner} 0 R`).join(' ')}]`);
    this.pageObjects.push(page);
    this.parentTree.push(parents);
  }

  get pageCount(): number {
    return this.pageObjects.length;
  }

  /** A structure element in `parent`, open until `close`; its content is drawn with `PageCanvas.tagged`. */
  open(role: string, parent: StructElement, attributes?: string): StructElement {
    const element: StructElement = { number: this.nextObject++, role, parent: parent.number, kids: [], ...(attributes ? { attributes } : {}) };
    parent.kids.push(`${element.number} 0 R`);
    return element;
  }

  /** Draws `element`'s content on the canvas: marked content that the element owns. */
  content(element: StructElement, canvas: PageCanvas, draw: () => void): void {
    element.page = canvas.pageObject;
    element.kids.push(String(canvas.tagged(element, draw)));
  }

  close(element: StructElement): void {
    const page = element.page === undefined ? '' : ` /Pg ${element.page} 0 R`;
    const attributes = element.attributes ? ` /A ${element.attributes}` : '';
    this.compressed(element.number, `<< /S /${element.role} /P ${element.parent} 0 R${page} /K [${element.kids.join(' ')}]${attributes} >>`);
  }

  /** Ends the document, leaving room for the stamp. */
  finish(): StampablePdf {
    const count = this.fonts.operand(printable(this.pageCount.toLocaleString('nl-NL')), 'regular');
    const form = Buffer.from(`BT /${EMBEDDED_KEYS.regular} 7 Tf 0 0 Td ${count} Tj ET`, 'latin1');
    this.entries.set(PAGE_COUNT, { offset: this.length });
    this.write(`${PAGE_COUNT} 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources ${RESOURCES} 0 R /Length ${form.length} >>\nstream\n`);
    this.write(form);
    this.write('\nendstream\nendobj\n');
    for (const { font, object } of this.embedded) {
      for (const [number, written] of font.objects(object)) {
        if ('dictionary' in written) this.object(number, written.dictionary);
        else this.stream(number, written.stream, written.entries);
      }
    }
    this.object(PAGES, `<< /Type /Pages /Kids [${this.pageObjects.map((page) => `${page} 0 R`).join(' ')}] /Count ${this.pageCount} >>`);
    this.close(this.document);
    this.compressed(STRUCT_TREE_ROOT, `<< /Type /StructTreeRoot /K [${DOCUMENT_ELEMENT} 0 R] /ParentTree ${PARENT_TREE} 0 R /ParentTreeNextKey ${this.pageCount} >>`);
    this.compressed(PARENT_TREE, `<< /Nums [${this.parentTree.map((list, page) => `${page} ${list} 0 R`).join(' ')}] >>`);
    this.flushCompressed();

    const id = createHash('sha256').update(`${this.info.title}\n${this.info.createdAt.toISOString()}`).digest('hex').slice(0, 32);
    const trailer = `/Size ${this.nextObject + 1} /Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${id}> <${id}>]`;
    const xrefStream = this.nextObject;
    const xrefOffset = this.length;
    this.entries.set(xrefStream, { offset: xrefOffset });
    const numbers = [...this.entries.keys()].sort((a, b) => a - b);
    const rows = Buffer.alloc(numbers.length * 7);
    numbers.forEach((number, row) => {
      const entry = this.entries.get(number)!;
      const at = row * 7;
      rows[at] = 'offset' in entry ? 1 : 2;
      rows.writeUInt32BE('offset' in entry ? entry.offset : entry.stream, at + 1);
      rows.writeUInt16BE('offset' in entry ? 0 : entry.index, at + 5);
    });
    const compressedRows = deflateSync(rows, { level: 6 });
    const index = runs(numbers).map(([start, count]) => `${start} ${count}`).join(' ');
    this.write(`${xrefStream} 0 obj\n<< /Type /XRef ${trailer} /W [1 4 2] /Index [${index}] /Filter /FlateDecode /Length ${compressedRows.length} >>\nstream\n`);
    this.write(compressedRows);
    this.write('\nendstream\nendobj\n');

    const slot = this.length;
    this.write(`xref\n0 1\n0000000000 65535 f \n${STAMP} 1\n${String(slot).padStart(10, '0')} 00000 n \ntrailer\n<< ${trailer} /XRefStm ${xrefOffset} >>\nstartxref\n`);
    return { bytes: new Uint8Array(Buffer.concat(this.chunks, this.length)), slot };
  }

  private object(number: number, dictionary: string): void {
    this.entries.set(number, { offset: this.length });
    this.write(`${number} 0 obj\n${dictionary}\nendobj\n`);
  }

  /** An object written into the next object stream, with the others around it; ASCII only (names, numbers, references). */
  private compressed(number: number, text: string): void {
    this.pending.push({ number, text });
    if (this.pending.length >= OBJECTS_PER_STREAM) this.flushCompressed();
  }

  private flushCompressed(): void {
    if (this.pending.length === 0) return;
    const stream = this.nextObject++;
    let offset = 0;
    const header: string[] = [];
    this.pending.forEach(({ number, text }, index) => {
      header.push(`${number} ${offset}`);
      offset += text.length + 1;
      this.entries.set(number, { stream, index });
    });
    const first = `${header.join(' ')}\n`;
    const body = Buffer.from(first + this.pending.map(({ text }) => `${text}\n`).join(''), 'latin1');
    const compressed = deflateSync(body, { level: 6 });
    this.entries.set(stream, { offset: this.length });
    this.write(`${stream} 0 obj\n<< /Type /ObjStm /N ${this.pending.length} /First ${first.length} /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`);
    this.write(compressed);
    this.write('\nendstream\nendobj\n');
    this.pending = [];
  }

  private stream(number: number, data: Buffer, entries = ''): void {
    const compressed = deflateSync(data, { level: 6 });
    this.entries.set(number, { offset: this.length });
    this.write(`${number} 0 obj\n<< /Length ${compressed.length} /Filter /FlateDecode${entries ? ` ${entries}` : ''} >>\nstream\n`);
    this.write(compressed);
    this.write('\nendstream\nendobj\n');
  }

  private write(data: string | Buffer): void {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** Ascending numbers as runs of consecutive ones: [first, count] each. */
function runs(numbers: readonly number[]): [number, number][] {
  const found: [number, number][] = [];
  for (const number of numbers) {
    const last = found.at(-1);
    if (last && last[0] + last[1] === number) last[1] += 1;
    else found.push([number, 1]);
  }
  return found;
}

/** The kept PDF with its stamp drawn over every page: the stamp object, the cross-reference table, its offset. */
export function stampPdf(pdf: StampablePdf, stamp: PageCanvas): Uint8Array<ArrayBuffer> {
  const operators = Buffer.from(stamp.operators(), 'latin1');
  const object = Buffer.concat([Buffer.from(`${STAMP} 0 obj\n<< /Length ${operators.length} >>\nstream\n`, 'latin1'), operators, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
  const head = pdf.bytes.subarray(0, pdf.slot);
  const tail = pdf.bytes.subarray(pdf.slot);
  const end = Buffer.from(`${pdf.slot + object.length}\n%%EOF\n`, 'latin1');
  const stamped = new Uint8Array(head.length + object.length + tail.length + end.length);
  stamped.set(head, 0);
  stamped.set(object, head.length);
  stamped.set(tail, head.length + object.length);
  stamped.set(end, head.length + object.length + tail.length);
  return stamped;
}
