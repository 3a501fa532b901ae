import { SYSTEM_ACTOR } from '../actors.ts';
import type { Role } from './codes.ts';
import { en } from './en.ts';
import type { Language } from './languages.ts';
import { nl, type Vocabulary } from './nl.ts';

// The language names live apart (languages.ts), so the browser can tell a language without loading every vocabulary.
export type { Language } from './languages.ts';

const VOCABULARIES: Readonly<Record<Language, Vocabulary>> = { nl, en };

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

/** Who made a record, in a vocabulary's words: a person by their username, the system as "het systeem", never by its account name. */
export function actorInWords(name: string, words: Vocabulary): string;
export function actorInWords(name: string | null | undefined, words: Vocabulary): string | null;
export function actorInWords(name: string | null | undefined, words: Vocabulary): string | null {
  return name === SYSTEM_ACTOR ? words.spreadsheetExport.theSystem : (name ?? null);
}

/**
 * Who made a record, as a document for parliament names them: a person by the role they acted in
 * ("Registrator"), the system (null) as "het systeem"; never by a login name, half of what signs an account in.
 */
export function roleInWords(role: Role | null, words: Vocabulary): string {
  return role === null ? words.spreadsheetExport.theSystem : words.roles[role];
}
