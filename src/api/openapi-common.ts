import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalidParams, problem, violationsFromZod } from './problem.ts';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string(),
    invalidParams: z
      .array(z.object({ name: z.string(), code: z.string(), reason: z.string() }))
      .optional()
      .openapi({ description: 'The fields that are wrong, each with a reason in the language asked for' }),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'The input is not valid; invalidParams names the fields',
  404: 'No such object',
  412: 'The object changed since the version in If-Match',
  415: 'The body is not JSON',
};

export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { content: { 'application/problem+json': { schema: ProblemSchema } }, description: DESCRIPTIONS[status] ?? 'Problem' },
    ]),
  );
}

/** Answers a request that fails its schema with a 400 naming each wrong field. */
export async function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
  c: Context,
) {
  if (result.success) return;
  const input = await rawInput(c, result.target);
  return problem(c, 400, { invalidParams: invalidParams(c, violationsFromZod(result.error, input)) });
}

async function rawInput(c: Context, target: string | undefined): Promise<unknown> {
  switch (target) {
    case 'json':
      return c.req.json().catch(() => undefined);
    case 'query':
      return c.req.query();
    case 'param':
      return c.req.param();
    case 'header':
      return c.req.header();
    default:
      return undefined;
  }
}
