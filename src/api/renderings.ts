import type { Context } from 'hono';
import { vocabulary } from '../../common/vocabulary/index.ts';
import type { Vocabulary } from '../../common/vocabulary/nl.ts';
import type { Rendering } from '../letters/renderings.ts';
import { answerLanguage } from './language.ts';
import { API_BASE_PATH } from './paths.ts';

/** Where the HTML letters and annexes find their stylesheet (a public route). */
export const LETTER_STYLESHEET_PATH = `${API_BASE_PATH}/public/letter-stylesheet`;

/**
 * How the answer gives a letter or annex in one format: HTML shown in the browser, other formats downloaded as a
 * file that `name` names from the words of the reader's language (Accept-Language, which the answer then varies
 * with). Set before a 304 too, which says what the answer it stands for would.
 */
export function nameRendering(c: Context, rendering: Rendering, name: (words: Vocabulary) => string): void {
  c.header('Content-Disposition', rendering.extension === 'html' ? 'inline' : `attachment; filename="${name(vocabulary(answerLanguage(c)))}.${rendering.extension}"`);
}

/** A letter or annex in one format, as nameRendering named it. */
export function sendRendering(c: Context, rendering: Rendering): Response {
  return c.body(rendering.body, 200, { 'Content-Type': rendering.contentType });
}
