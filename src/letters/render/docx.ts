import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { keepFiguresTogether } from '../../../common/letter-format.ts';
import type { Block, Inline, LetterDocument, LetterOverview, LetterTable } from '../letter-document.ts';
import { LABELS, returnAddressLine } from './labels.ts';

/** Sizes in half-points, as Word counts them. */
const SIZE = { body: 18, small: 13, footnote: 14 } as const;
const FONT = 'Verdana';
const MUTED = '555555';
const PAGE = {
  width: 11906,
  height: 16838,
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(27),
  // The text column of the Rijksoverheid template: the right of the page is the sender column's.
  right: convertMillimetersToTwip(58),
};
/** The sender column beside the addressee, and the wordmark from the middle of the page, measured from its edges. */
const SENDER_COLUMN = { x: convertMillimetersToTwip(159.5), y: convertMillimetersToTwip(42), width: convertMillimetersToTwip(42) };
const WORDMARK_INDENT = convertMillimetersToTwip(78);
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LABEL_TAB = convertMillimetersToTwip(18);
const LINE = 270;
const BULLETS = 'opsomming';
const BULLET_INDENT = 284;
const PARAGRAPH_GAP = 200;
const CREATOR = 'Steunregister';
const LANGUAGE = 'nl-NL';

/**
 * The letter as a Word document in the seed letter's layout: what the ministry edits before sending. Given
 * `createdAt` (a final letter), the document is dated then and the same letter always gives the same bytes.
 */
export async function renderLetterDocx(doc: LetterDocument, options: { createdAt?: Date } = {}): Promise<Buffer> {
  const document = new Document({
    title: doc.subject,
    creator: CREATOR,
    // Without it the library names the last editor "Un-named".
    lastModifiedBy: CREATOR,
    styles: {
      default: {
        // The letter is Dutch whatever Word's own language: its spelling and grammar are checked as Dutch.
        document: { run: { font: FONT, size: SIZE.body, language: { value: LANGUAGE } }, paragraph: { spacing: { line: LINE } } },
        title: { run: { font: FONT, size: SIZE.body, bold: false, color: '000000' } },
        heading1: {
          run: { font: FONT, size: SIZE.body, bold: true, color: '000000' },
          paragraph: { spacing: { before: PARAGRAPH_GAP, after: 0 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: SIZE.body, bold: true, italics: false, color: '000000' },
          paragraph: { spacing: { before: PARAGRAPH_GAP / 2, after: 0 }, keepNext: true },
        },
      },
    },
    numbering: {
      config: [{
        reference: BULLETS,
        levels: [{
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: BULLET_INDENT, hanging: BULLET_INDENT } } },
        }],
      }],
    },
    footnotes: Object.fromEntries(doc.footnotes.map((note) => [
      note.number,
      { children: [new Paragraph({ children: [new TextRun({ text: ` ${keepFiguresTogether(note.text)}`, size: SIZE.footnote })] })] },
    ])),
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { ...PAGE, header: convertMillimetersToTwip(8), footer: convertMillimetersToTwip(10) },
        },
      },
      headers: { first: pageHeader(doc, { wordmark: true }), default: pageHeader(doc, { wordmark: false }) },
      footers: { first: pageFooter(), default: pageFooter() },
      children: [
        ...letterhead(doc),
        paragraph([doc.salutation]),
        ...doc.sections.flatMap((section) => [
          ...(section.heading === null
            ? []
            : [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] })]),
          ...section.blocks.flatMap(renderBlock),
        ]),
        ...doc.closing.map((line, index) =>
          new Paragraph({
            // Room to sign between the signatory's title and name.
            spacing: { before: index === 0 ? PARAGRAPH_GAP * 2 : 0, after: index === 1 ? PARAGRAPH_GAP * 5 : PARAGRAPH_GAP * 1.5 },
            keepNext: index < doc.closing.length - 1,
            children: [new TextRun(line)],
          })),
        ...overview(doc.overview),
      ],
    }],
  });
  if (!options.createdAt) return Packer.toBuffer(document);
  const core = { path: 'docProps/core.xml', data: coreProperties(doc.subject, CREATOR, options.createdAt) };
  return stampZipEntries(await Packer.toBuffer(document, undefined, [core]), options.createdAt);
}

/** The document properties as docx writes them, but dated `date` rather than now. */
function coreProperties(title: string, creator: string, date: Date): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${date.toISOString()}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escape(title)}</dc:title><dc:creator>${escape(creator)}</dc:creator><cp:lastModifiedBy>${escape(creator)}</cp:lastModifiedBy>` +
    `${stamp('created')}${stamp('modified')}</cp:coreProperties>`
  );
}

/**
 * Sets the modification time of every entry of a zip file (which the zip writer takes from the clock) to
 * `date`, in the entry's local header and in the central directory. The time is not part of an entry's
 * checksum, so the archive stays valid.
 */
function stampZipEntries(zip: Buffer, date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((Math.max(date.getUTCFullYear(), 1980) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('not a zip file: broken central directory');
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(day, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('not a zip file: broken local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

/** The draft notice and the demonstration mark on every page; on the first, the wordmark. */
function pageHeader(doc: LetterDocument, options: { wordmark: boolean }): Header {
  const lines: Paragraph[] = [];
  if (doc.draftNotice !== null) {
    lines.push(centred(new TextRun({ text: doc.draftNotice, bold: true, color: '8A5A00' })));
  }
  if (doc.isDemonstration) {
    lines.push(centred(
      new TextRun({ text: LABELS.demonstrationMark, bold: true, color: '154273' }),
      new TextRun({ text: ` ${LABELS.demonstrationNote}`, size: SIZE.small, color: '154273' }),
    ));
  }
  if (options.wordmark) {
    lines.push(new Paragraph({
      indent: { left: WORDMARK_INDENT },
      spacing: { before: 160 },
      children: [new TextRun({ text: doc.letterhead.wordmark, bold: true, size: 24 })],
    }));
  }
  return new Header({ children: lines });
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({
        size: SIZE.small,
        color: MUTED,
        children: [`${LABELS.page} `, PageNumber.CURRENT, ` ${LABELS.of} `, PageNumber.TOTAL_PAGES],
      })],
    })],
  });
}

function centred(...runs: TextRun[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
}

function letterhead(doc: LetterDocument): Paragraph[] {
  const meta = (label: string, value: string, heading?: typeof HeadingLevel.TITLE): Paragraph =>
    new Paragraph({
      ...(heading === undefined ? {} : { heading }),
      tabStops: [{ type: TabStopType.LEFT, position: LABEL_TAB }],
      children: [
        new TextRun({ text: label, size: SIZE.small, color: MUTED }),
        new TextRun({ children: [new Tab(), value] }),
      ],
    });
  return [
    ...senderColumn(doc),
    ...(doc.paperNumber === null
      ? []
      : [new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: doc.paperNumber, size: SIZE.small, color: MUTED })],
      })]),
    new Paragraph({
      spacing: { before: convertMillimetersToTwip(18), after: 160 },
      children: [new TextRun({ text: returnAddressLine(doc.returnAddress), size: SIZE.small, color: MUTED })],
    }),
    ...doc.addressee.map((line, index) =>
      new Paragraph({
        spacing: { after: index === doc.addressee.length - 1 ? convertMillimetersToTwip(20) : 0 },
        children: [new TextRun(line)],
      })),
    meta(LABELS.date, doc.dateText),
    meta(LABELS.subject, doc.subject, HeadingLevel.TITLE),
    new Paragraph({ spacing: { after: PARAGRAPH_GAP * 2 }, children: [] }),
  ];
}

/** The sender's address, the reference, the line on answering and the enclosures: a frame beside the addressee. */
function senderColumn(doc: LetterDocument): Paragraph[] {
  const frame = {
    type: 'absolute',
    position: { x: SENDER_COLUMN.x, y: SENDER_COLUMN.y },
    width: SENDER_COLUMN.width,
    anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
  } as const;
  const line = (text: string, options: { bold?: boolean; muted?: boolean; after?: number } = {}) =>
    new Paragraph({
      frame,
      spacing: { after: options.after ?? 0, line: 220 },
      children: [new TextRun({ text, size: SIZE.small, bold: options.bold ?? false, ...(options.muted ? { color: MUTED } : {}) })],
    });
  const [organisation, ...address] = doc.letterhead.sender;
  return [
    ...(organisation === undefined ? [] : [line(organisation, { bold: true })]),
    ...address.map((text, index) => line(text, { after: index === address.length - 1 ? 160 : 0 })),
    line(LABELS.ourReference, { bold: true }),
    line(doc.letterhead.reference, { after: 160 }),
    line(LABELS.whenAnswering, { muted: true, after: 160 }),
    line(LABELS.enclosures, { bold: true }),
    line(doc.letterhead.enclosures),
  ];
}

/** The public overview after the signature, on a page of its own, each category a subheading. */
function overview(section: LetterOverview | null): (Paragraph | Table)[] {
  if (section === null) return [];
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    ...(section.emptyText === null ? [] : [paragraph([section.emptyText])]),
    ...section.groups.flatMap((group) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(group.label)] }),
      ...renderBlock({ kind: 'bullets', items: group.items.map((item) => [item]) }),
    ]),
  ];
}

function runs(content: readonly Inline[], options: { bold?: boolean } = {}): (TextRun | FootnoteReferenceRun)[] {
  return content.map((part) =>
    typeof part === 'string' ? new TextRun({ text: keepFiguresTogether(part), ...options }) : new FootnoteReferenceRun(part.footnote));
}

function paragraph(content: readonly Inline[]): Paragraph {
  return new Paragraph({ spacing: { after: PARAGRAPH_GAP }, children: runs(content) });
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [paragraph(block.content)];
    case 'bullets':
      return block.items.map((item, index) =>
        new Paragraph({
          numbering: { reference: BULLETS, level: 0 },
          spacing: { after: index === block.items.length - 1 ? PARAGRAPH_GAP : PARAGRAPH_GAP / 2 },
          children: runs(item),
        }));
    case 'table':
      return [figuresTable(block.table), new Paragraph({ spacing: { after: PARAGRAPH_GAP }, children: [] })];
  }
}

const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

function figuresTable(table: LetterTable): Table {
  const columns = table.header.length;
  const width = Math.round(TEXT_WIDTH * 0.85);
  const labelWidth = Math.round(width * (columns > 1 ? 0.5 : 1));
  const amountWidth = columns > 1 ? Math.round((width - labelWidth) / (columns - 1)) : 0;
  const widths = table.header.map((_, column) => (column === 0 ? labelWidth : amountWidth));
  const cell = (content: readonly Inline[], column: number, bold: boolean, borders: object): TableCell =>
    new TableCell({
      width: { size: widths[column] ?? amountWidth, type: WidthType.DXA },
      borders,
      margins: { top: 40, bottom: 40, right: 80 },
      children: [new Paragraph({
        alignment: table.numericColumns.includes(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: runs(content, { bold }),
      })],
    });
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.header.map((heading, column) => cell([heading], column, true, { bottom: RULE })),
      }),
      ...table.rows.map((row) =>
        new TableRow({
          cantSplit: true,
          children: row.cells.map((content, column) =>
            cell(content, column, row.emphasis === true, row.emphasis === true ? { top: RULE } : {})),
        })),
    ],
  });
}
