import type { Context } from 'hono';

/**
 * Sets a header of the answer a handler has already made, in place, as Hono's secureHeaders does. Hono's
 * c.header() would instead copy that answer into a new web Response, its JSON text turned into a stream
 * that the server then reads chunk by chunk rather than writing the text at once: for a page of 50
 * deliveries about a twentieth of what the request cost the server.
 */
export function setAnswerHeader(c: Context, name: string, value: string): void {
  c.res.headers.set(name, value);
}
