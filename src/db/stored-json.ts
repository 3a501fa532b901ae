import type { z } from 'zod';

/**
 * JSON the database keeps, read back as a checked value: a stored document that no longer matches its
 * schema is an error here, at the repository, not a wrong value further on.
 */
export function parseStoredJson<T extends z.ZodType>(schema: T, text: string): z.infer<T> {
  return schema.parse(JSON.parse(text));
}
