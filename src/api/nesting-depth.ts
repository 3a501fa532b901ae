import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';
import { invalidParams, problem } from './problem.ts';

/**
 * How deep objects and arrays may nest in a JSON body. The deepest body the API takes nests three levels
 * (a delivery's list of sources, each an object); what reads a body after this check (the duplicate-key
 * visitor, the route's schema) recurses once per level, and some thousands of levels exhaust the stack, so
 * a body nested deeper is refused before any of them reads it.
 */
export const MAX_JSON_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Whether objects and arrays nest deeper than `limit` in a JSON text, counted without recursion and
 * without parsing: brackets inside strings do not count. A text that is no JSON is judged by its brackets
 * all the same; the parser refuses it after, if this does not.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) index = closingQuote(text, index);
    else if (OPENERS.has(code)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(code)) depth--;
  }
  return false;
}

/** The index of the quote that ends the string opened at `opening`, or the text's length if none does. */
function closingQuote(text: string, opening: number): number {
  let quote = opening;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
}

/** Refuses a body nested deeper than MAX_JSON_NESTING at the body (nestedTooDeeply), changing nothing. */
export const refuseDeepNesting: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (!nestsDeeperThan(await c.req.text(), MAX_JSON_NESTING)) return next();
  return problem(c, 400, { invalidParams: invalidParams(c, [{ field: 'body', code: 'nestedTooDeeply', params: { maximum: String(MAX_JSON_NESTING) } }]) });
};
