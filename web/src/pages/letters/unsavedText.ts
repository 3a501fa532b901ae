import type { Letter } from '../../api/letters.ts';

/** What the author typed in the letter editor. */
export interface EditorText {
  letterDate: string;
  texts: string[];
  headings: (string | null)[];
  letterhead: Letter['letterhead'];
}

/**
 * The text an author had not saved when the session ended or they left the letter with the browser's Back
 * (or Forward), kept in this browser tab: back at the letter (after logging in again, going Forward or
 * opening it anew) the text is put back once, for the same user and the same version of the letter only. Logging
 * out forgets it.
 */
const KEY_PREFIX = 'steunregister.unsavedLetter.';
const keyOf = (username: string, letterId: string) => `${KEY_PREFIX}${username}.${letterId}`;

export function keepUnsavedText(username: string, letter: Letter, text: EditorText): void {
  try {
    sessionStorage.setItem(keyOf(username, letter.id), JSON.stringify({ version: letter.version, text }));
  } catch {
    // A tab that keeps nothing (storage full or refused) only loses what it would have put back.
  }
}

/** The text kept for this letter, if it was kept for this user and version of it. */
export function keptUnsavedText(username: string, letter: Letter): EditorText | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(keyOf(username, letter.id)) ?? 'null') as { version: number; text: EditorText } | null;
    return kept?.version === letter.version && kept.text.texts.length === letter.blocks.length ? kept.text : null;
  } catch {
    return null;
  }
}

/** Forgets the text kept for this letter: once the form holds it again, it is put back only once. */
export function forgetUnsavedText(username: string, letter: Letter): void {
  try {
    sessionStorage.removeItem(keyOf(username, letter.id));
  } catch {
    // Nothing was kept.
  }
}

/** Forgets every text kept in this tab: a user who logs out leaves nothing of their drafts behind for whoever uses the browser next. */
export function forgetEveryUnsavedText(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(KEY_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
