import type { Inline } from '../letter-document.ts';

/** Renders a run of inline content: each text through `text`, each footnote reference through `footnote`. */
export function renderInline(
  content: readonly Inline[],
  text: (value: string) => string,
  footnote: (n: number) => string,
): string {
  return content.map((part) => (typeof part === 'string' ? text(part) : footnote(part.footnote))).join('');
}

/** The content as plain text, each footnote reference as its number. */
export function plainText(content: readonly Inline[]): string {
  return renderInline(content, (value) => value, (n) => String(n));
}
