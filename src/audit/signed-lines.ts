import type { z } from 'zod';

/** One line of a JSON-lines file of signed records, when it has the record's shape (edited or cut-short lines do not). */
export function parseSignedLine<T>(line: string, shape: z.ZodType<T>): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = shape.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
