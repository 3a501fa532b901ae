import type { Context } from 'hono';
import type { Rendering } from '../letters/renderings.ts';
import { API_BASE_PATH } from './paths.ts';

/** Where the HTML letters and annexes find their stylesheet (a public route). */
export const LETTER_STYLESHEET_PATH = `${API_BASE_PATH}/public/letter-stylesheet`;

/** A letter or annex in one format: HTML shown in the browser, other formats downloaded under the file name. */
export function sendRendering(c: Context, rendering: Rendering, filename: string): Response {
  const disposition = rendering.extension === 'html' ? 'inline' : `attachment; filename="${filename}.${rendering.extension}"`;
  return c.body(rendering.body, 200, { 'Content-Type': rendering.contentType, 'Content-Disposition': disposition });
}
