import type { MiddlewareHandler } from 'hono';
import { visit } from 'jsonc-parser';
import type { RuleViolation } from '../domain/delivery.ts';
import type { ApiEnv } from './context.ts';
import { jsonValueOf, keepBodyAs } from './request-body.ts';
import { invalidParams, problem } from './problem.ts';

/**
 * Refuses a JSON body in which an object names a key twice, at that key's path (duplicateKey), rather
 * than let JSON.parse keep the last value and silently drop the first. The body is read as text once and
 * parsed once, here, for the route's validator to take. A body that is no JSON is left to the validator,
 * which says so. jsonc-parser's visitor sees each key without building a tree, so a large body (a file
 * to import as base64) costs a few times JSON.parse's own time and no more memory.
 */
export const refuseDuplicateKeys: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const text = await c.req.text();
  const violations = duplicateKeys(text);
  if (violations.length > 0) return problem(c, 400, { invalidParams: invalidParams(c, violations) });
  const value = jsonValueOf(text);
  if (value !== undefined) keepBodyAs(c, 'json', value);
  return next();
};

export function duplicateKeys(text: string): RuleViolation[] {
  const objects: Set<string>[] = [];
  const violations: RuleViolation[] = [];
  const reported = new Set<string>();
  let readable = true;
  visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Set()),
      onObjectEnd: () => void objects.pop(),
      onObjectProperty: (key, _offset, _length, _line, _character, pathOf) => {
        const keys = objects.at(-1)!;
        if (!keys.has(key)) return void keys.add(key);
        const field = [...pathOf(), key].join('.');
        if (reported.has(field)) return;
        reported.add(field);
        violations.push({ field, code: 'duplicateKey', params: { key } });
      },
      onError: () => void (readable = false),
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return readable ? violations : [];
}
