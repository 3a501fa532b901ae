/**
 * What text a person may type. NUL cannot be stored (PostgreSQL refuses it), a lone UTF-16 surrogate is
 * not a character at all (it would silently become U+FFFD), and other control characters are invisible
 * and only ever arrive by mistake or on purpose. A multi-line text also takes new lines and tabs, and the
 * Unicode line and paragraph separators (U+2028, U+2029), which break a text on one line.
 * Characters that set the direction of what follows (U+202E right-to-left override and its kin) make a
 * text read otherwise than it is stored: "exe.txt" shows as "txt.exe". Invisible format characters (a
 * zero-width space, a soft hyphen) make two texts that read the same differ, so that a search or a
 * comparison misses the one.
 */
export type TextFault = 'nulCharacter' | 'loneSurrogate' | 'controlCharacter' | 'lineSeparator' | 'directionControl' | 'invisibleCharacter';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Bidirectional marks, embeddings, overrides and isolates, the deprecated format controls and interlinear annotation. */
const DIRECTION_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f\ufff9-\ufffb]/u;
const LINE_SEPARATOR = /[\u2028\u2029]/u;
/**
 * The characters that show nothing (Unicode's Default_Ignorable_Code_Point): the format characters such
 * as the soft hyphen, zero-width space, word joiner, byte order mark and tags, and the letters and marks
 * that are blank on purpose, such as the Hangul fillers U+3164 and U+FFA0 (taken for letters by \p{L}),
 * the combining grapheme joiner U+034F and the Khmer inherent vowels U+17B4 and U+17B5. Left out:
 * U+200C/U+200D, which Persian, Indic scripts and emoji need to join or keep apart what they write.
 */
const INVISIBLE = /(?![\u200c\u200d])\p{Default_Ignorable_Code_Point}/u;
/** A flag of a region (🏴 and its tags, as England's), which the tags spell: they show as the flag. */
const TAGGED_FLAG = /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/gu;
/**
 * A variation selector right after a character it selects a form of: "❤️" shows the heart as an emoji, an
 * ideographic or Mongolian variation selector a form of its character. One after nothing that shows is invisible.
 */
const SELECTED_FORM = /(?<=[^\s\p{Default_Ignorable_Code_Point}])[\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

export function textFault(text: string, options: { multiline?: boolean } = {}): TextFault | undefined {
  if (text.includes('\u0000')) return 'nulCharacter';
  if (!text.isWellFormed()) return 'loneSurrogate';
  if ((options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(text)) return 'controlCharacter';
  if (!options.multiline && LINE_SEPARATOR.test(text)) return 'lineSeparator';
  if (DIRECTION_CONTROL.test(text)) return 'directionControl';
  // A text that shows nothing at all is judged as not filled in (isBlank), which an optional one may be.
  if (!isBlank(text) && INVISIBLE.test(text) && INVISIBLE.test(text.replace(TAGGED_FLAG, '').replace(SELECTED_FORM, ''))) return 'invisibleCharacter';
  return undefined;
}

/**
 * Whether a reader sees nothing in the text: only white space, format characters (U+200B), characters that
 * show nothing (INVISIBLE, a Hangul filler among them) and marks without a letter to sit on.
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]*$/u.test(text);
}

/** Whether the text says something: a letter or digit, not only spaces, format characters or punctuation. */
export function saysSomething(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}

/**
 * The kinds of typed text with a form of their own. A title names something (a unit, a company, a person
 * are named by one too): it says something, and a run of question marks in it stands for what was not
 * known yet. A reference or number (a contract's, a licence's, a payment's) is letters and digits with the
 * separators such references use. A public quantity is what the public
 * list prints: "3", "ca. 100", "meerdere", in the digits 0 to 9, never a negative number.
 */
export type TextFormat = 'title' | 'reference' | 'quantity';

type ContentFault = 'required' | 'noLetterOrDigit' | 'placeholderText' | 'mixedScripts' | 'referenceFormat' | 'quantityFormat';

/** A content fault, with what its message names (of mixedScripts: the word, its letters of another script, the word's script). */
interface ContentFaultReport {
  code: ContentFault;
  params?: Readonly<Record<string, string>>;
}

/** A letter or digit that shows: the Hangul fillers are letters to \p{L}, but show nothing. */
const LETTER_OR_DIGIT = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/u;
/** Two or more question marks in a row, also with spaces between them ("???", "? ? ?"). */
const PLACEHOLDER = /[?？](?:\s*[?？])+/u;
const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Zs}.,:;/_#()+&'’–-]*$/u;
/** Numbers in the digits 0 to 9, as the public list prints them: a fullwidth "１１" or "١١" would escape the checks of what is stated. */
const QUANTITY = /^[\p{L}\p{M}0-9\p{Zs}.,:;/()+'’~≈±<>≤≥%–-]*$/u;
/** A minus before a number that is not part of a name ("F-16") or a range ("2-3"). */
const NEGATIVE_NUMBER = /(?:^|[^\p{L}\p{N}])[-–−]\s*\p{N}/u;

/**
 * What is wrong with what a text says, beside its characters (textFault): a required text says something
 * (a letter or digit, not just spaces, format characters or punctuation), and a text of a format has its form.
 * A title writes each word in one script (mixedScriptWord). An optional text left blank is not judged: it
 * means "not filled in"; a free one (a note) may be anything else, and may quote what it likes.
 */
export function contentFault(text: string, { required, format }: { required: boolean; format?: TextFormat }): ContentFaultReport | undefined {
  if (isBlank(text)) return required ? { code: 'required' } : undefined;
  if (!saysSomething(text)) return required || format ? { code: 'noLetterOrDigit' } : undefined;
  const trimmed = text.trim();
  switch (format) {
    case 'title': {
      if (PLACEHOLDER.test(trimmed)) return { code: 'placeholderText' };
      const mixed = mixedScriptWord(trimmed);
      return mixed && { code: 'mixedScripts', params: mixed };
    }
    case 'reference':
      return REFERENCE.test(trimmed) ? undefined : { code: 'referenceFormat' };
    case 'quantity':
      return QUANTITY.test(trimmed) && !NEGATIVE_NUMBER.test(trimmed) ? undefined : { code: 'quantityFormat' };
    default:
      return undefined;
  }
}

/** The scripts whose letters look alike ("е" and "e", "Ο" and "O"), as a script's name in a message. */
const LOOKALIKE_SCRIPTS = { latin: /\p{Script=Latin}/u, cyrillic: /\p{Script=Cyrillic}/u, greek: /\p{Script=Greek}/u } as const;
type LookalikeScript = keyof typeof LOOKALIKE_SCRIPTS;
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * The first word (letters and their accents, between spaces, digits and punctuation) that mixes Latin,
 * Cyrillic and Greek letters: "Bеdrijf" with a Cyrillic "е" reads as a Dutch word and is stored as
 * another, which a search or a comparison by its characters misses. Named are the word, its letters of
 * another script than most of its letters, without repeats, and that script (Latin where as many are of
 * each). A word wholly in one script ("Укроборонпром") is no mix, nor are words of different scripts
 * side by side ("Oekraïne – Україна").
 */
export function mixedScriptWord(text: string): { word: string; letters: string; script: LookalikeScript } | undefined {
  if (ASCII_ONLY.test(text)) return undefined;
  for (const [word] of text.matchAll(WORD)) {
    const scripts = [...word].map((character) => ({ character, script: scriptOf(character) })).filter((letter) => letter.script !== undefined);
    const count = (script: LookalikeScript) => scripts.filter((letter) => letter.script === script).length;
    const script = (Object.keys(LOOKALIKE_SCRIPTS) as LookalikeScript[]).reduce((most, other) => (count(other) > count(most) ? other : most));
    const others = scripts.filter((letter) => letter.script !== script).map((letter) => letter.character);
    if (others.length > 0) return { word, letters: [...new Set(others)].join(''), script };
  }
  return undefined;
}

function scriptOf(character: string): LookalikeScript | undefined {
  return (Object.keys(LOOKALIKE_SCRIPTS) as LookalikeScript[]).find((script) => LOOKALIKE_SCRIPTS[script].test(character));
}

/** The text with every control character and lone surrogate written as \uXXXX: safe to store and log. */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (character) =>
    `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A reference as typed, in the one form it is checked, compared and stored in: Unicode NFKC (an "é" typed
 * as "e" and an accent is the one "é"; a fullwidth "ＩＮＶ" is "INV") and every kind of space an ordinary
 * one (NFKC leaves only U+1680 to replace). Migration 046 put the references already stored in this form.
 */
export function normaliseReference(reference: string): string {
  // A text of ASCII only is in that form already: NFKC changes none of its characters, and its only space is the ordinary one.
  if (ASCII_ONLY.test(reference)) return reference;
  return reference.normalize('NFKC').replace(/\p{Zs}/gu, ' ');
}

/**
 * What a reference typed by hand is matched by (a payment's among its delivery's, an imported row's within
 * its file and against earlier imports): A-Z in either case, and any run of spaces, tabs, line breaks and
 * non-breaking spaces as one space, as a spreadsheet's own lookups would have it. The same rule as the
 * register's key (migrations 033 and 043), which cannot fold other letters alike on every server. It folds
 * a normalised reference (normaliseReference): other forms of the same characters are one already.
 */
export function referenceKey(reference: string): string {
  // Lowering a text of ASCII only folds A-Z and nothing else, and is many times faster than folding run by run.
  const folded = ASCII_ONLY.test(reference) ? reference.toLowerCase() : reference.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  return folded.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ');
}

/**
 * What a name (a company's) is matched by, so that one already registered is not registered again: how it
 * reads, not which characters it is stored in. Its letters whatever their case and accents ("QA Défensie
 * BV" is "qa defensie bv": decomposed, NFD, and its combining marks left out), a Cyrillic or Greek letter
 * that looks like a Latin one as that letter ("QA Bеdrijf" with a Cyrillic "е" is "qa bedrijf"), initials
 * whatever their dots ("B.V.", "B. V." and "BV" are "bv"), no dot at the end of a word ("Ltd." is "ltd"),
 * and any run of white space as one space, none at either end. Where the register's unique keys fold only
 * A-Z (referenceKey), this key folds every letter, as an import reads a choice (src/import/sheets.ts): it
 * is compared in the application, never by the database, whose folding of letters beyond A-Z differs
 * from server to server.
 */
export function nameKey(name: string): string {
  // A text of ASCII only has no accent to take off nor a letter of another script: an import reads its choices, cell by cell, this way.
  const letters = ASCII_ONLY.test(name) ? name.toLowerCase() : asLatinLookalikes(name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  const spaced = letters.trim().replace(/\s+/g, ' ');
  return spaced.includes('.') ? spaced.replace(INITIALS, (initials) => initials.replace(/[.\s]/g, '')).replace(WORD_END_DOT, '') : spaced;
}

/** Single letters each followed by a dot, with or without a space after it ("B.V.", "B. V.", "U.S.A.", "N.V"). */
const INITIALS = /(?<![\p{L}\p{N}])\p{L}(?:\.\s*\p{L}(?![\p{L}\p{N}]))+\.?/gu;
/** The dot of an abbreviation at the end of a word ("Ltd.", "Inc.", "J."), not one within a word ("Booking.com") or a number. */
const WORD_END_DOT = /(?<=\p{L})\.(?!\S)/gu;

/**
 * The small Cyrillic and Greek letters whose small or capital form reads as a Latin letter, and that
 * letter: the confusables of Unicode TR39 between these scripts, one Latin letter for a letter and its
 * capital, since names compare whatever their case ("ВАНК" reads "BAHK", so "в" is "b" and "н" "h").
 * TR39's own table (as npm's unhomoglyph ships it) maps case by case and maps ASCII too ("I" to "l", "m"
 * to "rn", "0" to "O"), so that after it "ISO" and "iso" differ and digits fold into letters; the other
 * packages map any letter to English for filters of words, Cyrillic letters to digits.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', һ: 'h', ү: 'y', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y', χ: 'x',
};
const LATIN_LOOKALIKE = new RegExp(`[${Object.keys(LATIN_LOOKALIKES).join('')}]`, 'gu');

function asLatinLookalikes(lowercase: string): string {
  return lowercase.replace(LATIN_LOOKALIKE, (letter) => LATIN_LOOKALIKES[letter]!);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
