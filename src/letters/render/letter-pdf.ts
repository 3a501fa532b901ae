import type { Block, Inline, LetterDocument } from '../letter-document.ts';
import { LABELS, pageLabel, returnAddressLine } from './labels.ts';
import { FONT, createPdf, pdfBytes, type PdfOptions } from './pdf-document.ts';
import { printable } from './pdf-font.ts';
import { inlineHeight, writeInline, type TextStyle } from './pdf-inline.ts';
import { pageLine, stampPages, type Margins } from './pdf-pages.ts';
import { drawTable } from './pdf-table.ts';

/**
 * The layout of the Rijksoverheid letter template on A4, in points: the text column on the left, the
 * sender column on the right of the first page (and the date and reference on the following pages).
 */
const MARGINS: Margins = { top: 68, right: 165, bottom: 68, left: 77 };
const SENDER_COLUMN = { x: 452, width: 120 } as const;
const WORDMARK = { x: 298, y: 50, width: 240, size: 12 } as const;
const BODY = { size: 9.5, lineGap: 3.6 } as const;
const SMALL = 7;
const PARAGRAPH_GAP = 9;
const MUTED = '#555555';
/** Where the addressee sits, so that it shows through the window of an envelope. */
const ADDRESSEE_TOP = 136;
const META_LABEL_WIDTH = 52;
/** The lines the closing takes: the greeting, the signatory's title, room to sign, and the name. */
const CLOSING_LINES = 7;
const FOOTNOTE = { size: 7.5, lineGap: 2, indent: 12, gap: 3, rule: 10 } as const;

type Struct = PDFKit.PDFStructureElement;

/**
 * The public letter as a tagged PDF in the seed letter's layout: the wordmark and the sender column, the
 * letter with each footnote at the foot of the page that cites it, the signatory, and after the signature
 * the public overview. The structure tree gives the reading order; page furniture is marked as artifact.
 */
export async function renderLetterPdf(letter: LetterDocument, options: PdfOptions = {}): Promise<Buffer> {
  const doc = createPdf({ ...options, title: letter.subject, layout: 'portrait', margins: MARGINS, tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new LetterLayout(doc, root, letter);

  layout.letterhead();
  layout.paragraph([letter.salutation]);
  const last = letter.sections.at(-1)?.blocks.at(-1);
  for (const section of letter.sections) {
    if (section.heading !== null) layout.heading(section.heading, 'H2');
    for (const block of section.blocks) layout.block(block, block === last);
  }
  layout.closing();
  layout.overview();
  layout.stamp();
  root.end();
  return pdfBytes(doc);
}

class LetterLayout {
  private readonly width: number;
  private readonly body: TextStyle;
  /** Per page (index in the document): the footnotes whose space is kept free at its foot, and those cited on it. */
  private readonly reserved = new Map<number, Set<number>>();
  private readonly cited = new Map<number, number[]>();
  /** The footnotes of the block being written whose reference is not yet on a page. */
  private pending = new Set<number>();
  private readonly notes = new Map<number, Struct>();
  /**
   * Each footnote's height at the foot of a page, measured before anything is written: pdfkit measures text by
   * laying it out, which in the middle of a paragraph's continued text would add it to the paragraph.
   */
  private readonly noteHeights: ReadonlyMap<number, number>;

  private readonly doc: PDFKit.PDFDocument;
  private readonly root: Struct;
  private readonly letter: LetterDocument;

  constructor(doc: PDFKit.PDFDocument, root: Struct, letter: LetterDocument) {
    this.doc = doc;
    this.root = root;
    this.letter = letter;
    this.width = doc.page.width - MARGINS.left - MARGINS.right;
    this.body = { ...BODY, width: this.width };
    const style = footnoteStyle(this.width);
    this.noteHeights = new Map(letter.footnotes.map((note) => [note.number, inlineHeight(doc, [note.text], style) + FOOTNOTE.gap]));
    // A block broken over pages keeps room at the foot of the new page for the notes it has still to cite.
    doc.on('pageAdded', () => this.reserve(this.pending));
  }

  letterhead(): void {
    const { doc, letter } = this;
    this.tag('Figure', () => {
      doc.font(FONT.bold).fontSize(WORDMARK.size).fillColor('#000000');
      doc.text(printable(letter.letterhead.wordmark), WORDMARK.x, WORDMARK.y, { width: WORDMARK.width });
    }, { alt: letter.letterhead.wordmark });
    if (letter.paperNumber !== null) this.tag('P', () => this.small(letter.paperNumber!, MARGINS.left, MARGINS.top, this.width, 'right'));
    this.senderColumn();
    this.tag('P', () => this.small(returnAddressLine(letter.returnAddress), MARGINS.left, ADDRESSEE_TOP - 16, this.width, 'left'));
    this.tag('P', () => {
      doc.y = ADDRESSEE_TOP;
      for (const line of letter.addressee) writeInline(doc, [line], MARGINS.left, doc.y, this.body);
    });
    doc.y = Math.max(doc.y + 3 * lineHeight(), ADDRESSEE_TOP + 7 * lineHeight());
    for (const [label, value, type] of [[LABELS.date, letter.dateText, 'P'], [LABELS.subject, letter.subject, 'H1']] as const) {
      const top = doc.y;
      this.tag(type, () => {
        this.small(label, MARGINS.left, top + 2, META_LABEL_WIDTH, 'left');
        writeInline(doc, [value], MARGINS.left + META_LABEL_WIDTH, top, { ...this.body, width: this.width - META_LABEL_WIDTH });
      });
    }
    doc.y += 2.5 * lineHeight();
  }

  /** The sender's address, the reference, the line on answering and the enclosures, beside the addressee. */
  private senderColumn(): void {
    const { doc } = this;
    const { letterhead } = this.letter;
    const [organisation, ...address] = letterhead.sender;
    const column = doc.struct('Sect');
    this.root.add(column);
    let y = ADDRESSEE_TOP - 16;
    const lines = (texts: readonly string[], bold: boolean, gapAfter: number) => {
      column.add(doc.struct('P', {}, () => {
        doc.font(bold ? FONT.bold : FONT.regular).fontSize(SMALL).fillColor('#000000');
        doc.y = y;
        for (const text of texts) doc.text(printable(text), SENDER_COLUMN.x, doc.y, { width: SENDER_COLUMN.width, lineGap: 1.5 });
        y = doc.y + gapAfter;
      }));
    };
    if (organisation !== undefined) lines([organisation], true, 0);
    lines(address, false, 10);
    lines([LABELS.ourReference], true, 0);
    lines([letterhead.reference], false, 10);
    column.add(doc.struct('P', {}, () => {
      doc.font(FONT.regular).fontSize(SMALL - 0.5).fillColor(MUTED);
      doc.text(printable(LABELS.whenAnswering), SENDER_COLUMN.x, y, { width: SENDER_COLUMN.width, lineGap: 1.5 });
      y = doc.y + 10;
    }));
    lines([LABELS.enclosures], true, 0);
    lines([letterhead.enclosures], false, 0);
    column.end();
    doc.fillColor('#000000');
  }

  heading(text: string, type: 'H2' | 'H3'): void {
    const style = { ...this.body, bold: true };
    this.keepSpace(inlineHeight(this.doc, [text], style) + 3 * lineHeight());
    const top = this.doc.y + (type === 'H2' ? 4 : 2);
    this.tag(type, () => writeInline(this.doc, [text], MARGINS.left, top, style));
  }

  /** A paragraph; the letter's last (`beforeClosing`) starts a new page with the closing rather than leave the closing alone on one. */
  paragraph(content: readonly Inline[], beforeClosing = false): void {
    this.citing([content], () => {
      this.keepSpace(beforeClosing ? this.withClosing(inlineHeight(this.doc, content, this.body)) : 2 * lineHeight());
      const top = this.doc.y;
      this.tag('P', () => writeInline(this.doc, content, MARGINS.left, top, this.withNotes(this.body)));
      this.doc.y += PARAGRAPH_GAP;
    });
  }

  /** A block of the letter's text; the last (`beforeClosing`) keeps its last paragraph or item with the closing. */
  block(block: Block, beforeClosing = false): void {
    switch (block.kind) {
      case 'paragraph':
        this.paragraph(block.content, beforeClosing);
        return;
      case 'bullets':
        this.citing(block.items, () => this.bullets(block.items, this.root, beforeClosing));
        return;
      case 'table':
        this.citing(block.table.rows.flatMap((row) => row.cells), () => {
          const table = this.doc.struct('Table');
          this.root.add(table);
          drawTable(this.doc, block.table, {
            x: MARGINS.left - 6,
            width: this.width,
            size: BODY.size,
            lineGap: 2,
            padding: { x: 6, y: 2.5 },
            fill: false,
            rowRules: false,
            structure: table,
            onFootnote: (footnote) => this.placed(footnote),
          });
          table.end();
          this.doc.x = MARGINS.left;
          this.doc.y += PARAGRAPH_GAP * 1.5;
        });
    }
  }

  private bullets(items: readonly (readonly Inline[])[], parent: Struct = this.root, beforeClosing = false): void {
    const { doc } = this;
    const indent = 14;
    const list = doc.struct('L');
    parent.add(list);
    for (const [index, item] of items.entries()) {
      const style = { ...this.body, width: this.width - indent };
      this.keepSpace(beforeClosing && index === items.length - 1 ? this.withClosing(inlineHeight(doc, item, style)) : 2 * lineHeight());
      const top = doc.y;
      const entry = doc.struct('LI');
      list.add(entry);
      entry.add(doc.struct('Lbl', {}, () => doc.font(FONT.regular).fontSize(BODY.size).text('•', MARGINS.left + 2, top, { lineBreak: false })));
      entry.add(doc.struct('LBody', {}, () => writeInline(doc, item, MARGINS.left + indent, top, this.withNotes(style))));
      entry.end();
      doc.y += PARAGRAPH_GAP / 2;
    }
    list.end();
    doc.y += PARAGRAPH_GAP / 2;
  }

  /** "Hoogachtend,", the signatory's title, room to sign, and the signatory's name. */
  closing(): void {
    const { doc } = this;
    const [greeting, ...signatory] = this.letter.closing;
    doc.y += PARAGRAPH_GAP;
    this.keepSpace(CLOSING_LINES * lineHeight());
    if (greeting !== undefined) {
      const top = doc.y;
      this.tag('P', () => writeInline(doc, [greeting], MARGINS.left, top, this.body));
      doc.y += 2 * PARAGRAPH_GAP;
    }
    signatory.forEach((line, index) => {
      const top = doc.y;
      this.tag('P', () => writeInline(doc, [line], MARGINS.left, top, this.body));
      doc.y += index === 0 ? 4 * lineHeight() : PARAGRAPH_GAP;
    });
  }

  /** The public overview after the signature, on a page of its own, each category a subheading. */
  overview(): void {
    const { overview } = this.letter;
    if (overview === null) return;
    this.doc.addPage();
    this.heading(overview.heading, 'H2');
    if (overview.emptyText !== null) this.paragraph([overview.emptyText]);
    for (const group of overview.groups) {
      this.heading(group.label, 'H3');
      this.bullets(group.items.map((item) => [item]));
    }
  }

  /** The page furniture (artifacts) and the footnotes at the foot of the pages that cite them. */
  stamp(): void {
    const { doc, letter } = this;
    const artifact = (draw: () => void) => {
      doc.markContent('Artifact', { type: 'Pagination' });
      draw();
      doc.endMarkedContent();
    };
    stampPages(doc, (page, pages) => {
      const index = doc.bufferedPageRange().start + page - 1;
      this.footnotesOf(index);
      artifact(() => {
        let y = 24;
        const across = { ...MARGINS, right: MARGINS.left };
        if (letter.draftNotice !== null) {
          pageLine(doc, letter.draftNotice, y, across, { size: 8.5, bold: true, color: '#8a5a00', align: 'center' });
          y += 12;
        }
        if (letter.isDemonstration) {
          pageLine(doc, `${LABELS.demonstrationMark}  ${LABELS.demonstrationNote}`, y, across, { size: SMALL, bold: true, color: '#154273', align: 'center' });
        }
        if (page > 1) this.followingPageColumn();
        pageLine(doc, pageLabel(page, pages), doc.page.height - 42, { ...MARGINS, right: doc.page.width - SENDER_COLUMN.x - SENDER_COLUMN.width }, { size: SMALL, color: MUTED, align: 'right' });
      });
    });
  }

  /** On the pages after the first, the sender column gives the date and the reference, as the template does. */
  private followingPageColumn(): void {
    const { doc, letter } = this;
    let y = ADDRESSEE_TOP - 16;
    for (const [label, value] of [[LABELS.date, letter.dateText], [LABELS.ourReference, letter.letterhead.reference]] as const) {
      doc.font(FONT.bold).fontSize(SMALL).fillColor('#000000').text(printable(label), SENDER_COLUMN.x, y, { width: SENDER_COLUMN.width });
      doc.font(FONT.regular).text(printable(value), SENDER_COLUMN.x, doc.y, { width: SENDER_COLUMN.width });
      y = doc.y + 8;
    }
  }

  /** Writes the footnotes cited on the page at its foot, each in its Note element (placed after the text citing it). */
  private footnotesOf(index: number): void {
    const { doc } = this;
    const numbers = this.cited.get(index) ?? [];
    if (numbers.length === 0) return;
    const style = footnoteStyle(this.width);
    const notes = numbers.map((number) => this.letter.footnotes.find((note) => note.number === number)!);
    let y = doc.page.height - MARGINS.bottom - notes.reduce((sum, note) => sum + this.noteHeights.get(note.number)!, 0);
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save().moveTo(MARGINS.left, y - FOOTNOTE.rule / 2).lineTo(MARGINS.left + 120, y - FOOTNOTE.rule / 2).lineWidth(0.5).strokeColor('#000000').stroke().restore();
    doc.endMarkedContent();
    for (const note of notes) {
      const top = y;
      const element = this.notes.get(note.number)!;
      element.add(doc.struct('Lbl', {}, () => doc.font(FONT.regular).fontSize(style.size).fillColor('#000000').text(String(note.number), MARGINS.left, top, { lineBreak: false })));
      element.add(() => writeInline(doc, [note.text], MARGINS.left + FOOTNOTE.indent, top, style));
      element.end();
      y += this.noteHeights.get(note.number)!;
    }
  }

  /**
   * Writes content that may cite footnotes: room for them is kept at the foot of the page before it is written,
   * and, once written, each note's element follows the content in the reading order.
   */
  private citing(contents: readonly (readonly Inline[])[], write: () => void): void {
    const numbers = contents.flatMap((content) => content.flatMap((part) => (typeof part === 'string' ? [] : [part.footnote])));
    this.pending = new Set(numbers.filter((number) => this.letter.footnotes.some((note) => note.number === number)));
    this.reserve(this.pending);
    write();
    for (const number of this.pending) this.placed(number);
    this.pending = new Set();
    for (const number of numbers) {
      if (this.notes.has(number) || !this.letter.footnotes.some((note) => note.number === number)) continue;
      const note = this.doc.struct('Note');
      this.root.add(note);
      this.notes.set(number, note);
    }
  }

  private withNotes(style: TextStyle): TextStyle {
    return { ...style, onFootnote: (footnote) => this.placed(footnote) };
  }

  /** The reference to a footnote is on the current page: its note is printed at this page's foot. */
  private placed(footnote: number): void {
    if (!this.pending.delete(footnote)) return;
    const index = this.currentPage();
    this.reserve(new Set([footnote]));
    this.cited.set(index, [...(this.cited.get(index) ?? []), footnote]);
  }

  /** Keeps room at the foot of the current page for these footnotes, besides those kept already. */
  private reserve(numbers: ReadonlySet<number>): void {
    if (numbers.size === 0) return;
    const index = this.currentPage();
    const kept = new Set([...(this.reserved.get(index) ?? []), ...numbers]);
    this.reserved.set(index, kept);
    const height = [...kept].reduce((sum, number) => sum + (this.noteHeights.get(number) ?? 0), FOOTNOTE.rule);
    this.doc.page.margins.bottom = MARGINS.bottom + height;
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /**
   * The room to keep for the letter's last text of `height` and the closing after it: all of it, so that the
   * closing is never alone on a page, unless the text is too long to go on one page with the closing, when
   * its first lines start where it is and the closing follows its last lines as they fall.
   */
  private withClosing(height: number): number {
    const together = height + 2 * PARAGRAPH_GAP + CLOSING_LINES * lineHeight();
    return together <= this.doc.page.height - MARGINS.top - MARGINS.bottom ? together : 2 * lineHeight();
  }

  /** Starts a new page unless `height` still fits on this one. */
  private keepSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  private small(text: string, x: number, y: number, width: number, align: 'left' | 'right'): void {
    this.doc.font(FONT.regular).fontSize(SMALL).fillColor(MUTED).text(printable(text), x, y, { width, align });
    this.doc.fillColor('#000000');
  }

  private tag(type: string, draw: () => void, options: { alt?: string } = {}): void {
    this.root.add(this.doc.struct(type, options, draw));
  }
}

function lineHeight(): number {
  return BODY.size * 1.15 + BODY.lineGap;
}

function footnoteStyle(textWidth: number): TextStyle {
  return { size: FOOTNOTE.size, lineGap: FOOTNOTE.lineGap, width: textWidth - FOOTNOTE.indent };
}
