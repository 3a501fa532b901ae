/** A letter's review as its people do it through the API. */
import type { ApiCall, ApiResponse } from '../api/client.ts';

/** The signatory's name a letter needs to be submitted, approved and finalised: a first draft has none. */
export const SIGNED = { signatoryName: 'Ruben Brekelmans' };

/**
 * The author submits the draft (unless it waits for approval already) and a disclosure officer approves
 * it, each at the version the step before left; the answer to the approval. A refused submission (a
 * stale version, a final letter) leaves the approval to be refused the same way.
 */
export async function submitAndApprove(roles: { author: ApiCall; disclosure: ApiCall }, id: string, ifMatch: string): Promise<ApiResponse> {
  const submitted = await roles.author('POST', `/letters/${id}/submission`, undefined, { 'If-Match': ifMatch });
  return roles.disclosure('POST', `/letters/${id}/approval`, undefined, { 'If-Match': submitted.status === 200 ? submitted.headers.get('ETag')! : ifMatch });
}

/** The placeholders a letter's problems name, in their order: each problem says it with why. */
export function placeholdersOf(problems: readonly string[]): string[] {
  return problems.map((problem) => /\{\{[^}]*\}\}/.exec(problem)?.[0] ?? problem);
}

/** The If-Match of the letter as it is now: a step based on the version its page shows. */
export async function ifMatchCurrent(call: ApiCall, id: string): Promise<{ 'If-Match': string }> {
  const letter = await call('GET', `/letters/${id}`);
  return { 'If-Match': letter.headers.get('ETag')! };
}
