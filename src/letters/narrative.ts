import { z } from 'zod';
import type { LetterFigureName } from '../../common/vocabulary/codes.ts';
import type { Block, Inline, LetterSection, LetterTable } from './letter-document.ts';

/** A table as text: its cells may carry footnotes (`[^…]`) like any text of the letter. */
export interface TextTable {
  header: string[];
  rows: { cells: string[]; emphasis?: boolean }[];
  numericColumns: number[];
}

/**
 * The editable text of a letter. A block is a section: a heading and text in which
 * - a blank line separates paragraphs, and paragraphs starting with "· " or "- " are bullets;
 * - `{{name}}` places a computed figure by its name, so that it is right whatever the data;
 * - a paragraph that is only `{{figuresTable}}` places the table of realised support;
 * - `[^text]` adds a footnote.
 */
export const NarrativeBlockSchema = z.strictObject({
  key: z.string().min(1).max(100),
  heading: z.string().max(300).nullable(),
  text: z.string().max(50_000),
});
export type NarrativeBlock = z.infer<typeof NarrativeBlockSchema>;
export const NarrativeBlocksSchema = z.array(NarrativeBlockSchema);

const TABLE_PLACEHOLDER: LetterFigureName = 'figuresTable';
const FIGURE = /\{\{\s*([\w:.-]+)\s*\}\}/g;
const FOOTNOTE = /\[\^([^\]]+)\]/g;

export interface ComposedNarrative {
  sections: LetterSection[];
  footnotes: { number: number; text: string }[];
  /** Names used in the text that are not figures the letter knows (or may publish). */
  unknownFigures: string[];
}

/** Every figure name the blocks use. */
export function figureNames(blocks: readonly NarrativeBlock[]): string[] {
  return [...new Set(blocks.flatMap((block) => [...block.text.matchAll(FIGURE)].map((match) => match[1]!)))];
}

export function composeNarrative(
  blocks: readonly NarrativeBlock[],
  figure: (name: string) => string | undefined,
  textTable: TextTable | null,
): ComposedNarrative {
  const footnotes: { number: number; text: string }[] = [];
  const unknownFigures = new Set<string>();
  const inline = (text: string): Inline[] => {
    const withFigures = text.replace(FIGURE, (_match, name: string) => {
      const value = figure(name);
      if (value === undefined) unknownFigures.add(name);
      return value ?? `[${name}?]`;
    });
    const parts: Inline[] = [];
    let last = 0;
    for (const match of withFigures.matchAll(FOOTNOTE)) {
      if (match.index > last) parts.push(withFigures.slice(last, match.index));
      footnotes.push({ number: footnotes.length + 1, text: match[1]!.trim() });
      parts.push({ footnote: footnotes.length });
      last = match.index + match[0].length;
    }
    if (last < withFigures.length) parts.push(withFigures.slice(last));
    return parts;
  };

  const tableOf = (table: TextTable): LetterTable => ({
    header: table.header,
    numericColumns: table.numericColumns,
    rows: table.rows.map((row) => ({ cells: row.cells.map(inline), ...(row.emphasis ? { emphasis: true } : {}) })),
  });

  // A block left empty is a section the letter does not have (yet).
  const sections = blocks.filter((block) => block.text.trim() !== '').map((block): LetterSection => {
    const composed: Block[] = [];
    for (const paragraph of block.text.split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean)) {
      if (paragraph === `{{${TABLE_PLACEHOLDER}}}`) {
        if (textTable) composed.push({ kind: 'table', table: tableOf(textTable) });
        else unknownFigures.add(TABLE_PLACEHOLDER);
        continue;
      }
      const bullet = /^[·-]\s+/.exec(paragraph);
      if (!bullet) {
        composed.push({ kind: 'paragraph', content: inline(paragraph.replace(/\s*\n\s*/g, ' ')) });
        continue;
      }
      const item = inline(paragraph.slice(bullet[0].length).replace(/\s*\n\s*/g, ' '));
      const previous = composed.at(-1);
      if (previous?.kind === 'bullets') previous.items.push(item);
      else composed.push({ kind: 'bullets', items: [item] });
    }
    return { heading: block.heading, blocks: composed };
  });
  return { sections, footnotes, unknownFigures: [...unknownFigures] };
}
