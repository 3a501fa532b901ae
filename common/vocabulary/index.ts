import { en } from './en.ts';
import { nl, type Vocabulary } from './nl.ts';

/** The languages the register speaks; Dutch first, as the default. */
const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const VOCABULARIES: Readonly<Record<Language, Vocabulary>> = { nl, en };

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

/** The words for every code in one language. */
export function vocabulary(language: Language): Vocabulary {
  return VOCABULARIES[language];
}

/** The label of a code, or the code itself when the vocabulary does not know it (e.g. in an older stored document). */
export function labelOf<C extends string>(labels: Readonly<Record<C, string>>, code: string): string {
  return isCodeOf(labels, code) ? labels[code] : code;
}

function isCodeOf<C extends string>(labels: Readonly<Record<C, string>>, code: string): code is C {
  return Object.hasOwn(labels, code);
}
