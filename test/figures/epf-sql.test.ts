import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { PageStart } from '../../src/db/keyset.ts';
import { claimsAt, figuresAt, type ClaimAtDate } from '../../src/db/repositories/epf.ts';
import type { Database } from '../../src/db/schema.ts';
import { claimStateAt, epfFiguresAt, type EpfClaimHistory } from '../../src/domain/epf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { acceptedHistory, historyDate } from '../support/epf-histories.ts';
import { rolledBack } from '../support/rolled-back.ts';

/** Stores the histories in a transaction that is rolled back after the check. */
function withStoredHistories(db: Kysely<Database>, histories: readonly EpfClaimHistory[], check: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  return rolledBack(db, async (trx) => {
    for (const history of histories) {
      await trx.insertInto('epfClaim').values(history.claim).execute();
      if (history.assessments.length > 0) await trx.insertInto('epfAssessment').values(history.assessments).execute();
      if (history.receipts.length > 0) await trx.insertInto('epfReceipt').values(history.receipts).execute();
      if (history.blockages.length > 0) await trx.insertInto('epfBlockage').values(history.blockages).execute();
    }
    await check(trx);
  });
}

/** Histories, and dates to look at them: often a day something happened, where "on or before" matters. */
const historiesAndDates = fc.array(acceptedHistory, { maxLength: 6 }).chain((histories) => {
  const eventDates = histories.flatMap((history) => [
    history.claim.declaredOn,
    ...history.assessments.map((row) => row.assessedOn),
    ...history.receipts.map((row) => row.receivedOn),
    ...history.blockages.map((row) => row.effectiveOn),
  ]);
  const date = eventDates.length > 0 ? fc.oneof(fc.constantFrom(...eventDates), historyDate) : historyDate;
  return fc.tuple(fc.constant(histories), fc.array(date, { minLength: 1, maxLength: 3 }));
});

/** Every claim, read two to a page, so that paging on from a cursor is tested too. */
async function allPages(db: Kysely<Database>, date: string): Promise<ClaimAtDate[]> {
  const claims: ClaimAtDate[] = [];
  let start: PageStart = undefined;
  for (;;) {
    const page = await claimsAt(db, date, start, 2);
    claims.push(...page.rows);
    if (!page.next) return claims;
    start = { after: page.next };
  }
}

describeEachDatabase('EPF claims and figures in SQL', (database) => {
  it('equal the reference computation for any histories the rules accept, at any date', async () => {
    await fc.assert(
      fc.asyncProperty(historiesAndDates, async ([histories, dates]) => {
        await withStoredHistories(database().db, histories, async (trx) => {
          for (const date of dates) {
            const expectedClaims = histories
              .flatMap((history) => {
                const state = claimStateAt(history, date);
                // The histories name no delivery, so no claim has a delivery's title.
                return state ? [{ ...history.claim, ...state, deliveryTitle: null }] : [];
              })
              .sort((a, b) => (a.declaredOn === b.declaredOn ? (a.id < b.id ? -1 : 1) : a.declaredOn < b.declaredOn ? -1 : 1));
            expect(await allPages(trx, date)).toEqual(expectedClaims);
            expect(await figuresAt(trx, date)).toEqual(epfFiguresAt(histories, date));
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
