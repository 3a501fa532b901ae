import type { Block, Inline, LetterDocument, LetterTable } from '../letter-document.ts';
import { renderInline } from './inline.ts';
import { LABELS, returnAddressLine } from './labels.ts';

/** The letter as GitHub-flavoured Markdown: a pipe table for the figures, footnotes as `[^n]`. */
export function renderLetterMarkdown(doc: LetterDocument): string {
  const parts: string[] = [];
  if (doc.draftNotice !== null) parts.push(`> **${escapeMarkdown(doc.draftNotice)}**`);
  if (doc.isDemonstration) parts.push(`> **${LABELS.demonstrationMark}** ${escapeMarkdown(LABELS.demonstrationNote)}`);
  if (doc.paperNumber !== null) parts.push(escapeMarkdown(doc.paperNumber));
  const [organisation, ...address] = doc.letterhead.sender;
  parts.push(
    `**${escapeMarkdown(doc.letterhead.wordmark)}**`,
    lines([organisation ?? '', ...address].map(escapeMarkdown)),
    lines([`**${LABELS.ourReference}** ${escapeMarkdown(doc.letterhead.reference)}`, escapeMarkdown(LABELS.whenAnswering), `**${escapeMarkdown(LABELS.enclosures)}** ${escapeMarkdown(doc.letterhead.enclosures)}`]),
    `<sub>${escapeMarkdown(returnAddressLine(doc.returnAddress))}</sub>`,
    lines(doc.addressee.map(escapeMarkdown)),
    `**${LABELS.date}** ${escapeMarkdown(doc.dateText)}`,
    `# ${LABELS.subject}: ${escapeMarkdown(doc.subject)}`,
    escapeMarkdown(doc.salutation),
  );
  for (const section of doc.sections) {
    if (section.heading !== null) parts.push(`## ${escapeMarkdown(section.heading)}`);
    parts.push(...section.blocks.map(renderBlock));
  }
  parts.push(lines(doc.closing.map(escapeMarkdown)));
  if (doc.overview !== null) {
    parts.push(`## ${escapeMarkdown(doc.overview.heading)}`);
    if (doc.overview.emptyText !== null) parts.push(escapeMarkdown(doc.overview.emptyText));
    for (const group of doc.overview.groups) parts.push(`### ${escapeMarkdown(group.label)}`, group.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
  }
  parts.push(...doc.footnotes.map((note) => `[^${note.number}]: ${escapeMarkdown(note.text)}`));
  return `${parts.join('\n\n')}\n`;
}

/**
 * Escapes text from the register so it stays text: every character that can start emphasis, a link, HTML, a
 * table cell, math or an entity (parentheses only matter after a bracket, which is escaped), and a list marker at the start; line breaks become spaces, so no line of the
 * data can open a block of its own.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>#|~&$]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2');
}

/** Lines of one paragraph, each on its own line (a hard break). */
function lines(values: readonly string[]): string {
  return values.join('  \n');
}

function inlineMarkdown(content: readonly Inline[]): string {
  return renderInline(content, escapeMarkdown, (n) => `[^${n}]`);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineMarkdown(block.content);
    case 'bullets':
      return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
    case 'table':
      return tableMarkdown(block.table);
  }
}

function tableMarkdown(table: LetterTable): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const alignment = table.header.map((_, column) => (table.numericColumns.includes(column) ? '---:' : '---'));
  const body = table.rows.map((tableRow) =>
    row(tableRow.cells.map((cell) => {
      const text = inlineMarkdown(cell);
      return tableRow.emphasis === true && text !== '' ? `**${text}**` : text;
    })));
  return [row(table.header.map(escapeMarkdown)), row(alignment), ...body].join('\n');
}
