import { createHash } from 'node:crypto';
import { keepFiguresTogether } from '../../../common/letter-format.ts';
import type { AnnexDocument, AnnexSection, Block, Inline, LetterDocument, LetterOverview, LetterTable } from '../letter-document.ts';
import { LETTER_CSS } from './html-style.ts';
import { renderInline } from './inline.ts';
import { LABELS, returnAddressLine } from './labels.ts';

export { LETTER_CSS };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const NEEDS_ESCAPING_OR_BREAKS = /[&<>"']|\S{30}/u;

/** Escaped text, with break opportunities inside words too long for a line (a code, a pasted URL). */
function textHtml(value: string): string {
  // Most text needs neither: the annex writes hundreds of thousands of cells.
  if (!NEEDS_ESCAPING_OR_BREAKS.test(value)) return value;
  return value
    .split(/(\S{30,})/u)
    .map((part, index) => (index % 2 === 0 ? escapeHtml(part) : chunks(part, 20).map(escapeHtml).join('<wbr>')))
    .join('');
}

/** The letter's running text, escaped, with no line break within a figure, a date or a paper's reference. */
const letterTextHtml = (value: string) => textHtml(keepFiguresTogether(value));

function chunks(word: string, size: number): string[] {
  const characters = Array.from(word);
  return Array.from({ length: Math.ceil(characters.length / size) }, (_, index) =>
    characters.slice(index * size, (index + 1) * size).join(''));
}

/** A complete, self-contained HTML document of the letter, for screen and for printing on A4. */
export function renderLetterHtml(doc: LetterDocument): string {
  const references = new FootnoteReferences();
  const body = [
    letterhead(doc),
    `<p class="salutation">${textHtml(doc.salutation)}</p>`,
    ...doc.sections.map((section, index) => {
      const blocks = section.blocks.map((block) => renderBlock(block, references)).join('\n');
      if (section.heading === null) return `<div class="opening">\n${blocks}\n</div>`;
      const id = `paragraaf-${index + 1}`;
      return `<section aria-labelledby="${id}">\n<h2 id="${id}">${textHtml(section.heading)}</h2>\n${blocks}\n</section>`;
    }),
    `<div class="closing">\n${doc.closing.map((line) => `<p>${textHtml(line)}</p>`).join('\n')}\n</div>`,
    footnoteList(doc, references),
    overviewHtml(doc.overview),
  ].join('\n');
  return page({
    title: doc.subject,
    bodyClass: 'letter',
    top: [
      doc.draftNotice === null ? '' : `<p class="draft-notice">${textHtml(doc.draftNotice)}</p>`,
      demonstrationMark(doc.isDemonstration),
    ].join(''),
    bottom: '',
    content: `<main class="sheet">\n${body}\n</main>`,
  });
}

export interface AnnexHtmlOptions {
  /** Who opened it and when; or, for the rendering that is kept, WATERMARK_SLOT, replaced on each opening. */
  watermark: string;
  /** Where "back" leads: the reader's list of annexes. */
  backHref: string;
}

/** Stands for the reader's watermark in the kept HTML: it can never come from text, which is escaped. */
export const WATERMARK_SLOT = '<!--watermark-->';

/**
 * The confidential annex: its marking at the top and bottom of the screen and of every printed page, the
 * reader's watermark across every page, a way back and a list of its sections.
 */
export function renderAnnexHtml(annex: AnnexDocument, options: AnnexHtmlOptions): string {
  const marking = `<p class="marking">${textHtml(annex.classification)}</p>`;
  const watermark = options.watermark === WATERMARK_SLOT ? WATERMARK_SLOT : textHtml(options.watermark);
  const sectionId = (index: number) => `onderdeel-${index + 1}`;
  const content = [
    `<div class="watermark" aria-hidden="true">${`<span>${watermark}</span>`.repeat(9)}</div>`,
    '<main class="sheet annex-sheet">',
    `<nav class="annex-nav" aria-label="Bijlage"><a href="${escapeHtml(options.backHref)}">← Terug naar de vertrouwelijke bijlagen</a></nav>`,
    `<h1>${textHtml(annex.title)}</h1>`,
    `<p class="subtitle">${textHtml(annex.subtitle)}</p>`,
    `<p class="opened-by">${watermark}</p>`,
    ...annex.summary.map((line) => `<p>${textHtml(line)}</p>`),
    `<nav class="annex-contents" aria-label="Onderdelen"><ul>${annex.sections.map((section, index) => `<li><a href="#${sectionId(index)}">${textHtml(section.heading)}</a></li>`).join('')}</ul></nav>`,
    ...annex.sections.map((section, index) => annexSectionHtml(section, sectionId(index))),
    '</main>',
  ].join('\n');
  return page({
    title: `${annex.classification}: ${annex.title}`,
    bodyClass: 'annex',
    top: marking + demonstrationMark(annex.isDemonstration),
    bottom: marking,
    content,
  });
}

function annexSectionHtml(section: AnnexSection, id: string): string {
  const width = section.header.length;
  const numeric = (column: number): string => (section.numericColumns.includes(column) ? ' class="numeric"' : '');
  const head = section.header.map((heading, column) => `<th scope="col"${numeric(column)}>${textHtml(heading)}</th>`).join('');
  const rows = section.rows.map((row) => {
    const line = Array.isArray(row) ? { cells: row } : row;
    if (line.kind === 'group') return `<tr class="group"><th scope="rowgroup" colspan="${width}">${textHtml(line.cells[0] ?? '')}</th></tr>`;
    if (line.kind === 'note') return `<tr class="note"><td colspan="${width}">${textHtml(line.cells[0] ?? '')}</td></tr>`;
    const cells = line.cells.map((cell, column) => (column === 0 ? `<th scope="row">${textHtml(cell)}</th>` : `<td${numeric(column)}>${textHtml(cell)}</td>`));
    const classes = [line.kind === 'subtotal' ? 'subtotal' : '', line.marked ? 'marked' : ''].filter((name) => name !== '').join(' ');
    return `<tr${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
  });
  return [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}">${textHtml(section.heading)}</h2>`,
    ...(section.intro ?? []).map((line) => `<p>${textHtml(line)}</p>`),
    '<table class="annex-table">',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

const [STYLE_OPEN, STYLE_CLOSE, HEAD_CLOSE] = ['<style>', '</style>', '</head>'];

/**
 * The source a Content-Security-Policy allows the page's style element by: "'sha256-…'" of its text. Null for
 * a page without one (an annex kept before pages carried their stylesheet links it). Only the head is read:
 * text in the body is escaped, so no element of it is taken for the stylesheet.
 */
export function inlineStyleSource(html: string): string | null {
  const head = html.slice(0, html.indexOf(HEAD_CLOSE));
  const start = head.indexOf(STYLE_OPEN);
  const end = head.indexOf(STYLE_CLOSE, start);
  if (start < 0 || end < 0) return null;
  return sha256Source(head.slice(start + STYLE_OPEN.length, end));
}

const sha256Source = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/** The source that allows the stylesheet as the pages rendered now carry it. */
export const LETTER_STYLE_SOURCE = sha256Source(LETTER_CSS);

interface PageParts {
  title: string;
  bodyClass: string;
  /** Marks printed at the top and the bottom of every page. */
  top: string;
  bottom: string;
  content: string;
}

/**
 * The page carries its stylesheet, so that a page saved from the browser keeps its style; the answer's
 * Content-Security-Policy allows that one style element by its hash (inlineStyleSource), no other.
 * Browsers repeat a table's thead and tfoot on every printed page, so the page marks go there; the table is
 * only a frame, hidden from assistive technology as a table, its marks still read once.
 */
function page(parts: PageParts): string {
  const frameRow = (cellClass: string, html: string): string =>
    `<tr><td class="${cellClass}">${html}</td></tr>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `${STYLE_OPEN}${LETTER_CSS}${STYLE_CLOSE}`,
    '</head>',
    `<body class="${parts.bodyClass}">`,
    '<table class="page-frame" role="presentation">',
    parts.top === '' ? '' : `<thead>${frameRow('page-marks page-marks-top', parts.top)}</thead>`,
    `<tbody>${frameRow('page-body', parts.content)}</tbody>`,
    parts.bottom === '' ? '' : `<tfoot>${frameRow('page-marks page-marks-bottom', parts.bottom)}</tfoot>`,
    '</table>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}

function demonstrationMark(isDemonstration: boolean): string {
  if (!isDemonstration) return '';
  return `<p class="demonstration-mark"><strong>${LABELS.demonstrationMark}</strong> ${escapeHtml(LABELS.demonstrationNote)}</p>`;
}

function letterhead(doc: LetterDocument): string {
  const { letterhead: head } = doc;
  const [organisation, ...address] = head.sender;
  return [
    '<header class="letterhead">',
    `<p class="wordmark">${textHtml(head.wordmark)}</p>`,
    '<div class="sender-column">',
    `<p><strong>${textHtml(organisation ?? '')}</strong><br>${address.map(textHtml).join('<br>')}</p>`,
    `<p><strong>${LABELS.ourReference}</strong><br>${textHtml(head.reference)}</p>`,
    `<p class="when-answering">${LABELS.whenAnswering}</p>`,
    `<p><strong>${LABELS.enclosures}</strong><br>${textHtml(head.enclosures)}</p>`,
    '</div>',
    doc.paperNumber === null ? '' : `<p class="paper-number">${textHtml(doc.paperNumber)}</p>`,
    `<p class="return-address">${textHtml(returnAddressLine(doc.returnAddress))}</p>`,
    `<p class="addressee">${doc.addressee.map(textHtml).join('<br>')}</p>`,
    `<p class="letter-meta"><span class="meta-label">${LABELS.date}</span> <span class="meta-value">${textHtml(doc.dateText)}</span></p>`,
    `<h1 class="letter-meta"><span class="meta-label">${LABELS.subject}</span> <span class="meta-value">${textHtml(doc.subject)}</span></h1>`,
    '</header>',
  ].filter((line) => line !== '').join('\n');
}

/** The public overview after the signature: each category a subheading, as in the PDF and on the public pages. */
function overviewHtml(overview: LetterOverview | null): string {
  if (overview === null) return '';
  const groups = overview.groups.map((group) =>
    `<h3>${textHtml(group.label)}</h3>\n<ul>\n${group.items.map((item) => `<li>${textHtml(item)}</li>`).join('\n')}\n</ul>`);
  return [
    '<section class="public-overview" aria-labelledby="openbaar-overzicht">',
    `<h2 id="openbaar-overzicht">${textHtml(overview.heading)}</h2>`,
    overview.emptyText === null ? '' : `<p>${textHtml(overview.emptyText)}</p>`,
    ...groups,
    '</section>',
  ].filter((line) => line !== '').join('\n');
}

/** Numbers each reference to a footnote, so every reference has an id of its own to come back to. */
class FootnoteReferences {
  private readonly counts = new Map<number, number>();

  mark(footnote: number): string {
    const count = (this.counts.get(footnote) ?? 0) + 1;
    this.counts.set(footnote, count);
    const id = referenceId(footnote, count);
    return `<sup class="footnote-ref"><a href="#voetnoot-${footnote}" id="${id}" role="doc-noteref" aria-label="Voetnoot ${footnote}">${footnote}</a></sup>`;
  }

  referenced(footnote: number): boolean {
    return this.counts.has(footnote);
  }
}

function referenceId(footnote: number, count: number): string {
  return count === 1 ? `verwijzing-${footnote}` : `verwijzing-${footnote}-${count}`;
}

function inlineHtml(content: readonly Inline[], references: FootnoteReferences): string {
  return renderInline(content, letterTextHtml, (n) => references.mark(n));
}

function renderBlock(block: Block, references: FootnoteReferences): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlineHtml(block.content, references)}</p>`;
    case 'bullets':
      return `<ul>\n${block.items.map((item) => `<li>${inlineHtml(item, references)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return tableHtml(block.table, references, 'figures');
  }
}

function tableHtml(table: LetterTable, references: FootnoteReferences, className: string): string {
  const numeric = (column: number): string => (table.numericColumns.includes(column) ? ' class="numeric"' : '');
  const head = table.header
    .map((heading, column) => `<th scope="col"${numeric(column)}>${textHtml(heading)}</th>`)
    .join('');
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((cell, column) => {
      const html = inlineHtml(cell, references);
      return column === 0 ? `<th scope="row">${html}</th>` : `<td${numeric(column)}>${html}</td>`;
    });
    return `<tr${row.emphasis === true ? ' class="emphasis"' : ''}>${cells.join('')}</tr>`;
  });
  return [
    `<table class="${className}">`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function footnoteList(doc: LetterDocument, references: FootnoteReferences): string {
  if (doc.footnotes.length === 0) return '';
  const items = doc.footnotes.map((note) => {
    const back = references.referenced(note.number)
      ? ` <a href="#${referenceId(note.number, 1)}" role="doc-backlink" aria-label="Terug naar verwijzing ${note.number}">↩</a>`
      : '';
    return `<li id="voetnoot-${note.number}" value="${note.number}">${letterTextHtml(note.text)}${back}</li>`;
  });
  return [
    '<section class="footnotes" role="doc-endnotes" aria-labelledby="voetnoten">',
    `<h2 id="voetnoten" class="visually-hidden">${LABELS.footnotes}</h2>`,
    `<ol>\n${items.join('\n')}\n</ol>`,
    '</section>',
  ].join('\n');
}
