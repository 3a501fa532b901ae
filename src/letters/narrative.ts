import { z } from 'zod';
import type { LetterFigureName } from '../../common/vocabulary/codes.ts';
import type { Block, Inline, LetterSection, LetterTable } from './letter-document.ts';
import { typedFigures, type TypedFigureKind } from './typed-figures.ts';

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
 * - `{{count|one|many}}` places the words for a count in its number: the first for one, the second otherwise;
 *   the words may carry a footnote (`{{count|tranche[^…]|tranches[^…]}}`);
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
/** Spaces, tabs and line ends typed in a row; a non-breaking or narrow space is kept, as typed. */
const TYPED_SPACES = /[ \t\n\r\f\v]+/g;

/**
 * The markup of a text, in the order it is read: a whole placeholder (`{{name}}`, spaces around the name
 * allowed), a whole footnote (`[^text]`, which may hold placeholders), and what opens or closes one without
 * its other half.
 */
const MARKUP = /\{\{([^{}]*)\}\}|\[\^([^\]]*)\]|\{\{|\}\}|\[\^/g;

/** What is wrong with the markup of a text: it would print as typed, not as a figure or a footnote. */
type MarkupFault = 'unclosedPlaceholder' | 'strayPlaceholderEnd' | 'emptyPlaceholder' | 'unclosedFootnote' | 'emptyFootnote';

/** The longest text after a fault that is quoted with it, to find it by. */
const EXCERPT = 20;

type Fault = { fault: MarkupFault; markup: string; excerpt: string };
type Token = { text: string } | { figure: string } | { footnote: Token[] } | Fault;
/** A token once its figure is placed: text as typed, or (`placed`) a figure's value in its placeholder's place. */
type Placed = { text: string; placed?: true } | { footnote: Token[] } | Fault;

function tokens(text: string): Token[] {
  const parsed: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > last) parsed.push({ text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [markup, name, footnote] = match;
    const fault = (code: MarkupFault): Token => ({ fault: code, markup, excerpt: text.slice(match.index, last + EXCERPT).trimEnd() });
    if (name !== undefined) parsed.push(name.trim() === '' ? fault('emptyPlaceholder') : { figure: name.trim() });
    else if (footnote !== undefined) parsed.push(footnote.trim() === '' ? fault('emptyFootnote') : { footnote: tokens(footnote) });
    else parsed.push(fault(markup === '{{' ? 'unclosedPlaceholder' : markup === '}}' ? 'strayPlaceholderEnd' : 'unclosedFootnote'));
  }
  if (last < text.length) parsed.push({ text: text.slice(last) });
  return parsed;
}

/** A fault in the markup of a block's text, by the block's place in the letter. */
export interface BlockMarkupFault {
  block: number;
  fault: MarkupFault;
  /** The markup as typed, with the text that follows it, to find it by. */
  excerpt: string;
}

/** An amount or percentage typed by hand in a block's heading or text (footnotes and a count's words included), by the block's place in the letter. */
export interface BlockTypedFigure {
  block: number;
  fault: TypedFigureKind;
  /** The amount or percentage as typed, to find it by. */
  excerpt: string;
}

/**
 * The amounts and percentages typed outside placeholders' names, each once per block: a letter prints only those it
 * computes. A count's words print as typed (`{{count|tranche van €1 mld.|tranches}}`), and so does a heading.
 */
export function typedFiguresIn(blocks: readonly NarrativeBlock[]): BlockTypedFigure[] {
  const typedTexts = (parsed: Token[]): string[] =>
    parsed.flatMap((token) => ('text' in token ? [token.text] : 'footnote' in token ? typedTexts(token.footnote) : 'figure' in token ? nameParts(token.figure).slice(1) : []));
  return blocks.flatMap((block, index) => {
    const found = [block.heading ?? '', ...typedTexts(tokens(block.text))].flatMap(typedFigures);
    const once = new Map(found.map((figure) => [`${figure.kind} ${figure.text}`, figure]));
    return [...once.values()].map((figure) => ({ block: index, fault: figure.kind, excerpt: figure.text }));
  });
}

export interface ComposedNarrative {
  sections: LetterSection[];
  footnotes: { number: number; text: string }[];
  /** Names used in the text that are not figures the letter knows (or may publish). */
  unknownFigures: string[];
  /** Placeholders and footnotes that are not whole: they print as typed. */
  markupFaults: BlockMarkupFault[];
}

/**
 * The parts of a placeholder's name split at each `|` outside a footnote, trimmed: a count and the words for it
 * (`count|one|many`), words that may hold a footnote (`tranche[^…]`), whose text may hold a `|` of its own.
 */
export function nameParts(name: string): string[] {
  const parts = [''];
  for (const [piece] of name.matchAll(/\[\^[^\]]*\]|\||[^|[]+|\[/g)) {
    if (piece === '|') parts.push('');
    else parts[parts.length - 1] += piece;
  }
  return parts.map((part) => part.trim());
}

/** Every figure name the blocks use. */
export function figureNames(blocks: readonly NarrativeBlock[]): string[] {
  const names = (parsed: Token[]): string[] => parsed.flatMap((token) => ('figure' in token ? [token.figure] : 'footnote' in token ? names(token.footnote) : []));
  return [...new Set(blocks.flatMap((block) => names(tokens(block.text))))];
}

export function composeNarrative(
  blocks: readonly NarrativeBlock[],
  figure: (name: string) => string | undefined,
  textTable: TextTable | null,
): ComposedNarrative {
  const footnotes: { number: number; text: string }[] = [];
  const unknownFigures = new Set<string>();
  const markupFaults: BlockMarkupFault[] = [];
  const placed = (name: string) => {
    const value = figure(name);
    if (value === undefined) unknownFigures.add(name);
    return value ?? `[${name}?]`;
  };
  // A fault prints as typed; in a block it is reported, in the table (which the letter writes itself) there is none.
  const inline = (text: string, block?: number): Inline[] => {
    const report = (token: Fault) => {
      if (block !== undefined) markupFaults.push({ block, fault: token.fault, excerpt: token.excerpt });
    };
    const placedIn = (parsed: Token[]): Placed[] => withOneFullStop(parsed.flatMap((token) => ('figure' in token ? placedFigure(token.figure) : [token])));
    // The words of a count are the author's text, so a footnote in them is one; a figure's value is never read as markup.
    const placedFigure = (name: string): Placed[] => {
      const value = figure(name);
      const [, ...words] = nameParts(name);
      if (value === undefined || words.length === 0) return [{ text: placed(name), placed: true }];
      // The words not chosen print nowhere, but markup in them that is not whole is as much a fault.
      for (const other of words.filter((form) => form !== value)) for (const token of tokens(other)) if ('fault' in token) report(token);
      return placedIn(tokens(value)).map((token) => ('text' in token ? { text: token.text, placed: true } : token));
    };
    const typed = (token: Placed): string => {
      // A run of spaces typed prints as one, as HTML and PDF lay it out: the DOCX would print every one.
      if ('text' in token) return token.placed ? token.text : token.text.replace(TYPED_SPACES, ' ');
      if ('footnote' in token) return plain(token.footnote);
      report(token);
      return token.markup;
    };
    const plain = (parsed: Token[]): string => placedIn(parsed).map(typed).join('');
    const parts: Inline[] = [];
    for (const token of placedIn(tokens(text))) {
      if ('footnote' in token) {
        footnotes.push({ number: footnotes.length + 1, text: plain(token.footnote).trim() });
        parts.push({ footnote: footnotes.length });
      } else if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += typed(token);
      else parts.push(typed(token));
    }
    return parts;
  };

  const tableOf = (table: TextTable): LetterTable => ({
    header: table.header,
    numericColumns: table.numericColumns,
    rows: table.rows.map((row) => ({ cells: row.cells.map((cell) => inline(cell)), ...(row.emphasis ? { emphasis: true } : {}) })),
  });

  // A block left empty is a section the letter does not have (yet).
  const sections = blocks.flatMap((block, index) => (block.text.trim() === '' ? [] : [{ block, index }])).map(({ block, index }): LetterSection => {
    const composed: Block[] = [];
    for (const paragraph of block.text.split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean)) {
      if (paragraph === `{{${TABLE_PLACEHOLDER}}}`) {
        if (textTable) composed.push({ kind: 'table', table: tableOf(textTable) });
        else unknownFigures.add(TABLE_PLACEHOLDER);
        continue;
      }
      const bullet = /^[·-]\s+/.exec(paragraph);
      if (!bullet) {
        composed.push({ kind: 'paragraph', content: inline(paragraph.replace(/\s*\n\s*/g, ' '), index) });
        continue;
      }
      const item = inline(paragraph.slice(bullet[0].length).replace(/\s*\n\s*/g, ' '), index);
      const previous = composed.at(-1);
      if (previous?.kind === 'bullets') previous.items.push(item);
      else composed.push({ kind: 'bullets', items: [item] });
    }
    return { heading: block.heading, blocks: composed };
  });
  return { sections, footnotes, unknownFigures: [...unknownFigures], markupFaults };
}

/**
 * A figure whose value ends in a full stop ("€700 mln.", the headline's sentence) ends the sentence with it: the
 * full stop typed after it, also after a footnote's mark, is not printed again ("€700 mln.", not "€700 mln..").
 * An ellipsis after it, and a full stop after a value without one ("€950.000."), stay as typed.
 */
function withOneFullStop(parsed: Placed[]): Placed[] {
  let afterFullStop = false;
  return parsed.map((token) => {
    if ('footnote' in token) return token;
    const typedAfterIt = afterFullStop && 'text' in token && !token.placed;
    afterFullStop = 'text' in token && token.placed === true && token.text.endsWith('.');
    return typedAfterIt && /^\.(?!\.)/.test(token.text) ? { text: token.text.slice(1) } : token;
  });
}
