/** A letter's review as its people do it through the API, and a final letter's frozen text as an older version froze it. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { sealed, type PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
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

/** The final letter's frozen public text, as stored. */
export async function frozenSnapshot(db: Kysely<Database>, id: string): Promise<PublicLetterSnapshot> {
  const stored = await db.selectFrom('letter').select('publicSnapshot').where('id', '=', id).executeTakeFirstOrThrow();
  return JSON.parse(stored.publicSnapshot!);
}

/** Puts `snapshot` in the place of the final letter's frozen public text (and of its public copy, once published), as if it had been finalised so. */
export async function refreeze(db: Kysely<Database>, id: string, snapshot: PublicLetterSnapshot): Promise<void> {
  const old = sealed(snapshot);
  await sql`alter table letter disable trigger letter_final_is_frozen`.execute(db);
  await sql`alter table public_letter disable trigger public_letter_is_frozen`.execute(db);
  try {
    await db.updateTable('letter').set({ publicSnapshot: old.text, publicSha256: old.sha256, approvedSha256: old.sha256 }).where('id', '=', id).execute();
    await db.updateTable('publicLetter').set({ snapshot: old.text, sha256: old.sha256 }).where('id', '=', id).execute();
  } finally {
    await sql`alter table letter enable trigger letter_final_is_frozen`.execute(db);
    await sql`alter table public_letter enable trigger public_letter_is_frozen`.execute(db);
  }
}
