import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { vocabulary, type Language } from '../../common/vocabulary/index.ts';
import type { Vocabulary } from '../../common/vocabulary/nl.ts';
import { inlineStyleSource } from '../letters/render/html.ts';
import type { Rendering } from '../letters/renderings.ts';
import { allowInlineStyle } from '../security-headers.ts';
import { answerLanguage } from './language.ts';
import { fileNameLanguageQuery } from './openapi-common.ts';

/** What a rendering is asked: the language its file is named in (`lang`). */
export const RenderingQuery = z.object({ lang: fileNameLanguageQuery });

/**
 * How the answer gives a letter or annex in one format: HTML shown in the browser, other formats downloaded as a
 * file that `name` names from the words of the language asked for (`lang`), else the reader's (Accept-Language,
 * which the answer then varies with). Set before a 304 too, which says what the answer it stands for would.
 */
export function nameRendering(c: Context, rendering: Rendering, lang: Language | undefined, name: (words: Vocabulary) => string): void {
  if (rendering.extension === 'html') c.header('Content-Disposition', 'inline');
  else c.header('Content-Disposition', `attachment; filename="${name(vocabulary(lang ?? answerLanguage(c)))}.${rendering.extension}"`);
}

/** A letter or annex in one format, as nameRendering named it; an HTML page's own stylesheet allowed by its hash. */
export function sendRendering(c: Context, rendering: Rendering): Response {
  const style = typeof rendering.body === 'string' && rendering.extension === 'html' ? inlineStyleSource(rendering.body) : null;
  if (style !== null) allowInlineStyle(c, style);
  return c.body(rendering.body, 200, { 'Content-Type': rendering.contentType });
}
