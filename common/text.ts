/**
 * What text a person may type. NUL cannot be stored (PostgreSQL refuses it), a lone UTF-16 surrogate is
 * not a character at all (it would silently become U+FFFD), and other control characters are invisible
 * and only ever arrive by mistake or on purpose. A multi-line text also takes new lines and tabs.
 */
export type TextFault = 'nulCharacter' | 'loneSurrogate' | 'controlCharacter';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

export function textFault(text: string, options: { multiline?: boolean } = {}): TextFault | undefined {
  if (text.includes('\u0000')) return 'nulCharacter';
  if (!text.isWellFormed()) return 'loneSurrogate';
  if ((options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(text)) return 'controlCharacter';
  return undefined;
}

/** The text with every control character and lone surrogate written as \uXXXX: safe to store and log. */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (character) =>
    `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
