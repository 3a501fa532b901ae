import type { AnnexDocument, AnnexSection, AnnexTableRow } from '../letter-document.ts';
import { LABELS } from './labels.ts';
import { printable } from './pdf-font.ts';
import { encodeWinAnsi } from './pdf-standard-font.ts';
import { PageCanvas, StreamingPdf, stampPdf, textWidth, wrapText, type FontStyle, type StampablePdf, type StructElement } from './pdf-writer.ts';

/** A4 landscape, in points. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGINS = { top: 58, right: 40, bottom: 58, left: 40 };
const CONTENT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const MAX_Y = PAGE.height - MARGINS.bottom;
const TABLE = { size: 8, lineGap: 1.5, padX: 4, padY: 3.5 };
const LINE = TABLE.size * 1.15 + TABLE.lineGap;
const COLOURS = { ink: '0 0 0', muted: '0.333 0.333 0.333', marking: '0.663 0 0.067', accent: '0.082 0.259 0.451', rule: '0.69 0.69 0.69', group: '0.933 0.949 0.969', marked: '1 0.973 0.878' };

/**
 * The confidential annex on A4 landscape, rendered once: the classification at the top and the bottom of
 * every page, each table's header repeated on every page, every cell wrapped once and written as its row
 * is reached. The reader's watermark is not in it: `stampAnnexPdf` adds it to every page on each opening.
 * Tagged: the title, headings, paragraphs and tables (header cells for their columns) are its structure;
 * the marks on every page, the repeated headers, rules and shading are artifacts.
 */
export function renderAnnexPdf(annex: AnnexDocument, options: { createdAt: Date }): StampablePdf {
  const pdf = new StreamingPdf(PAGE, { title: `${annex.classification}: ${annex.title}`, createdAt: options.createdAt });
  const writer = new PageWriter(pdf, annex);
  writer.paragraph(annex.title, 'bold', 13, COLOURS.ink, 'H1');
  writer.paragraph(annex.subtitle, 'regular', 10);
  writer.y += 4;
  for (const line of annex.summary) writer.paragraph(line, 'regular', 8.5, COLOURS.muted);
  for (const section of annex.sections) writer.section(section);
  return writer.finish();
}

/** The kept annex with the reader's watermark over every page, and the reader named under the marking. */
export function stampAnnexPdf(pdf: StampablePdf, watermark: string): Uint8Array<ArrayBuffer> {
  const stamp = new PageCanvas(PAGE.height);
  const text = encodeWinAnsi(watermark);
  stamp.artifact(() => {
    stamp.text(text, (PAGE.width - stamp.textWidth(text, 'regular', 7.5)) / 2, 44, 'regular', 7.5, COLOURS.muted);
    const gap = '        ';
    const length = 2 * Math.hypot(PAGE.width, PAGE.height);
    const copies = Math.max(1, Math.floor(length / stamp.textWidth(text + gap, 'bold', 15)));
    const line = Array.from({ length: copies }, () => text).join(gap);
    for (const offset of [-0.32, -0.16, 0, 0.16, 0.32]) {
      stamp.translucentLine(line, 'bold', 15, Math.atan2(PAGE.height, PAGE.width), offset * PAGE.height, PAGE.width);
    }
  }, '/Type /Pagination /Subtype /Watermark');
  return stampPdf(pdf, stamp);
}

interface Row {
  cells: string[];
  kind: 'cells' | 'group' | 'subtotal' | 'note' | 'header';
  marked: boolean;
}

const asRow = (row: AnnexTableRow): Row => (Array.isArray(row) ? { cells: row, kind: 'cells', marked: false } : { cells: row.cells, kind: row.kind ?? 'cells', marked: row.marked === true });

class PageWriter {
  y = MARGINS.top;
  private canvas: PageCanvas;
  private header: { row: Row; widths: number[]; numeric: readonly number[] } | null = null;
  /** The table being written; null while none is. */
  private table: StructElement | null = null;
  private readonly pdf: StreamingPdf;
  private readonly annex: AnnexDocument;

  constructor(pdf: StreamingPdf, annex: AnnexDocument) {
    this.pdf = pdf;
    this.annex = annex;
    this.canvas = this.newCanvas();
  }

  paragraph(text: string, style: FontStyle, size: number, colour = COLOURS.ink, role = 'P'): void {
    const lines = wrapText(printable(text), style, size, CONTENT_WIDTH);
    const height = size * 1.2;
    this.keep(lines.length * height);
    const element = this.pdf.open(role, this.pdf.document);
    this.pdf.content(element, this.canvas, () => {
      for (const line of lines) {
        this.canvas.text(line, MARGINS.left, this.y, style, size, colour);
        this.y += height;
      }
    });
    this.pdf.close(element);
    this.y += 3;
  }

  section(section: AnnexSection): void {
    const rows = section.rows.map((row) => {
      const line = asRow(row);
      return { ...line, cells: line.cells.map(printable) };
    });
    const widths = columnWidths(section, rows);
    const header: Row = { cells: section.header.map(printable), kind: 'header', marked: false };
    this.header = null;
    this.y += 10;
    // The heading, its introduction, the table's header and its first row begin on one page (unless together
    // they are taller than a page): a heading at the foot of a page, its rows on the next, reads as a section without any.
    const heading = paragraphHeight(section.heading, 'bold', 11);
    const intro = (section.intro ?? []).reduce((sum, line) => sum + paragraphHeight(line, 'regular', 8.5), 0);
    const table = [header, ...rows.slice(0, rows.findIndex((row) => row.kind !== 'group') + 1)].reduce((sum, row) => sum + layoutRow(row, widths).height, 0);
    this.keep(Math.min(heading + intro + table, MAX_Y - MARGINS.top));
    this.paragraph(section.heading, 'bold', 11, COLOURS.ink, 'H2');
    for (const line of section.intro ?? []) this.paragraph(line, 'regular', 8.5, COLOURS.muted);
    this.table = this.pdf.open('Table', this.pdf.document);
    this.header = { row: header, widths, numeric: section.numericColumns };
    this.drawRow(header, widths, section.numericColumns);
    rows.forEach((row, index) => this.drawRow(row, widths, section.numericColumns, false, keptWith(row, rows[index + 1])));
    this.pdf.close(this.table);
    this.table = null;
    this.header = null;
  }

  finish(): StampablePdf {
    this.pdf.addPage(this.canvas);
    return this.pdf.finish();
  }

  /**
   * Wraps each cell once, starts a new page (with the header) when the row, with the row it is kept with,
   * does not fit, and draws it: a row of the table, or (`repeated`) the header again at the top of a page, which is not.
   */
  private drawRow(row: Row, widths: readonly number[], numeric: readonly number[], repeated = false, keptWith?: Row): void {
    const { spanning, style, cellWidths, lines, height } = layoutRow(row, widths);
    if (this.y + height + (keptWith ? layoutRow(keptWith, widths).height : 0) > MAX_Y && this.y > MARGINS.top) {
      this.nextPage();
      if (row.kind !== 'header' && this.header) this.drawRow(this.header.row, this.header.widths, this.header.numeric, true);
    }
    const top = this.y;
    const canvas = this.canvas;
    canvas.artifact(() => {
      if (row.kind === 'group') canvas.fill(MARGINS.left, top + 4, CONTENT_WIDTH, height - 4, COLOURS.group);
      if (row.marked) canvas.fill(MARGINS.left, top, CONTENT_WIDTH, height, COLOURS.marked);
      if (row.kind === 'subtotal') canvas.rule(MARGINS.left, top, CONTENT_WIDTH, 0.8, COLOURS.ink);
      const header = row.kind === 'header';
      canvas.rule(MARGINS.left, top + height, CONTENT_WIDTH, header ? 0.8 : 0.3, header ? COLOURS.ink : COLOURS.rule);
    });
    const tableRow = repeated || !this.table ? null : this.pdf.open('TR', this.table);
    let x = MARGINS.left;
    lines.forEach((cellLines, column) => {
      const width = cellWidths[column] ?? 0;
      const left = x;
      const draw = () =>
        cellLines.forEach((line, index) => {
          const at = !spanning && numeric.includes(column) ? left + width - TABLE.padX - textWidth(line, style, TABLE.size) : left + TABLE.padX;
          canvas.text(line, at, top + TABLE.padY + (row.kind === 'group' ? 4 : 0) + index * LINE, style, TABLE.size, row.kind === 'note' ? COLOURS.muted : COLOURS.ink);
        });
      if (tableRow) {
        const cell = this.pdf.open(row.kind === 'header' ? 'TH' : 'TD', tableRow, cellAttributes(row, widths.length));
        this.pdf.content(cell, canvas, draw);
        this.pdf.close(cell);
      } else canvas.artifact(draw, '/Type /Pagination');
      x += width;
    });
    if (tableRow) this.pdf.close(tableRow);
    this.y = top + height;
  }

  private keep(height: number): void {
    if (this.y + height > MAX_Y) this.nextPage();
  }

  private nextPage(): void {
    this.pdf.addPage(this.canvas);
    this.canvas = this.newCanvas();
    this.y = MARGINS.top;
  }

  /**
   * A page with its marks: the classification at the top and the bottom, the demonstration mark, its
   * number. They are artifacts, except on the first page, where the classification and the demonstration
   * mark are the first things read.
   */
  private newCanvas(): PageCanvas {
    const canvas = this.pdf.newPage();
    const first = this.pdf.pageCount === 0;
    const centred = (text: string, top: number, style: FontStyle, size: number, colour: string) => {
      const draw = () => centredText(canvas, text, top, style, size, colour);
      if (!first) return canvas.artifact(draw, '/Type /Pagination /Subtype /Header');
      const element = this.pdf.open('P', this.pdf.document);
      this.pdf.content(element, canvas, draw);
      this.pdf.close(element);
    };
    centred(this.annex.classification, 22, 'bold', 10, COLOURS.marking);
    if (this.annex.isDemonstration) centred(`${LABELS.demonstrationMark}  ${LABELS.demonstrationNote}`, 34, 'bold', 7, COLOURS.accent);
    canvas.artifact(() => {
      centredText(canvas, this.annex.classification, PAGE.height - 34, 'bold', 10, COLOURS.marking);
      const label = printable(`Pagina ${(this.pdf.pageCount + 1).toLocaleString('nl-NL')} van `);
      const x = PAGE.width - MARGINS.right - 95;
      canvas.text(label, x, PAGE.height - 20, 'regular', 7, COLOURS.muted);
      canvas.pageCount(x + textWidth(label, 'regular', 7), PAGE.height - 20, 7, COLOURS.muted);
    }, '/Type /Pagination /Subtype /Footer');
    return canvas;
  }
}

/** The row a row goes to a new page with: a group's first row, and the note beneath a subtotal. */
function keptWith(row: Row, next: Row | undefined): Row | undefined {
  return next && (row.kind === 'group' || next.kind === 'note') ? next : undefined;
}

/** The height a paragraph takes, the space after it included. */
function paragraphHeight(text: string, style: FontStyle, size: number): number {
  return wrapText(printable(text), style, size, CONTENT_WIDTH).length * size * 1.2 + 3;
}

/** A row as it is drawn: its style, its cells wrapped to their columns (a group's or note's one cell spanning the row), and its height. */
function layoutRow(row: Row, widths: readonly number[]) {
  const spanning = row.kind === 'group' || row.kind === 'note';
  const style: FontStyle = row.kind === 'header' || row.kind === 'group' || row.kind === 'subtotal' ? 'bold' : row.kind === 'note' ? 'italic' : 'regular';
  const cells = spanning ? [row.cells[0] ?? ''] : row.cells;
  const cellWidths = spanning ? [CONTENT_WIDTH] : widths;
  const lines = cells.map((cell, column) => wrapText(cell, style, TABLE.size, Math.max((cellWidths[column] ?? 0) - 2 * TABLE.padX, 1)));
  const height = Math.max(1, ...lines.map((cellLines) => cellLines.length)) * LINE + 2 * TABLE.padY + (row.kind === 'group' ? 4 : 0);
  return { spanning, style, cellWidths, lines, height };
}

function centredText(canvas: PageCanvas, text: string, top: number, style: FontStyle, size: number, colour: string): void {
  const encoded = printable(text);
  canvas.text(encoded, (PAGE.width - textWidth(encoded, style, size)) / 2, top, style, size, colour);
}

/** A header cell heads its column; a group's or a note's single cell spans the row. */
function cellAttributes(row: Row, columns: number): string | undefined {
  if (row.kind === 'header') return '<< /O /Table /Scope /Column >>';
  if (row.kind === 'group' || row.kind === 'note') return `<< /O /Table /ColSpan ${columns} >>`;
  return undefined;
}

/**
 * Each column as wide as its widest cell while they fit; when they do not, the narrow columns (amounts,
 * dates) keep their width and the wide ones share what is left. Measuring is a sum of widths per cell.
 */
function columnWidths(section: AnnexSection, rows: readonly Row[]): number[] {
  const measure = (encoded: string, style: FontStyle) => textWidth(encoded, style, TABLE.size) + 2 * TABLE.padX;
  const natural = section.header.map((heading) => measure(printable(heading), 'bold'));
  for (const row of rows) {
    if (row.kind === 'group' || row.kind === 'note') continue;
    row.cells.forEach((cell, column) => {
      natural[column] = Math.max(natural[column] ?? 0, measure(cell, row.kind === 'subtotal' ? 'bold' : 'regular'));
    });
  }
  const widths = natural.map(() => 0);
  let room = CONTENT_WIDTH;
  let left = natural.length;
  for (const column of natural.map((_, index) => index).sort((a, b) => natural[a]! - natural[b]!)) {
    widths[column] = Math.min(natural[column]!, room / left);
    room -= widths[column];
    left -= 1;
  }
  const total = widths.reduce((sum, width) => sum + width, 0);
  return total > 0 ? widths.map((width) => (width * CONTENT_WIDTH) / total) : widths;
}
