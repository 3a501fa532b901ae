import type { Context } from 'hono';

/** The value a JSON text holds, or undefined when it is no JSON (JSON itself has no undefined). */
export function jsonValueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Keeps a form of the request's body that was read or made from it, for what reads the body after:
 * Hono gives the form kept, where for a form it has not read it makes a web Response of another form and
 * reads that. Hono keeps each form as a promise, whatever its type says.
 */
export function keepBodyAs(c: Context, form: 'text' | 'json', value: unknown): void {
  (c.req.bodyCache as Record<string, Promise<unknown>>)[form] = Promise.resolve(value);
}
