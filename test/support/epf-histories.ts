/**
 * Random histories of EPF claims as the register can hold them: each addition kept only when the rules
 * accept it, as the register does. Ids are UUIDs and references unique, so that they can be stored.
 */
import fc from 'fast-check';
import { assessmentViolations, blockageViolations, claimStateAt, receiptViolations, type EpfClaimHistory } from '../../src/domain/epf.ts';

const MILLION = 100_000_000; // cents
const MAX_STEPS = 8;
const LAST_DAY_ACCEPTED = '2026-12-31';

const dayOf = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A claim for a batch, without history yet. */
export function batchClaim(id: string, declaredCents: number, declaredOn: string): EpfClaimHistory {
  return {
    claim: {
      id,
      reference: `EPF-${id}`,
      deliveryId: null,
      batch: 'Leveringen',
      trancheId: null,
      period: declaredOn.slice(0, 4),
      declaredCents,
      declaredOn,
      note: '',
      isDemonstration: false,
      recordedAt: `${declaredOn}T12:00:00.000Z`,
    },
    assessments: [],
    receipts: [],
    blockages: [],
  };
}

export const acceptedHistory = fc
  .record({
    ids: fc.uniqueArray(fc.uuid({ version: 4 }), { minLength: MAX_STEPS + 1, maxLength: MAX_STEPS + 1 }),
    declaredCents: fc.integer({ min: 1, max: 1_000 * MILLION }),
    declaredDay: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.constant(700)),
    steps: fc.array(
      fc.record({
        kind: fc.constantFrom('assess', 'receive', 'block', 'release'),
        // A few days drawn often, so that additions share a day and ties are tested.
        day: fc.oneof(fc.integer({ min: 0, max: 1_400 }), fc.constantFrom(700, 701, 1_000)),
        // In whole percents: fast-check's doubles are mostly tiny, which would leave every amount at 0.
        share: fc.oneof(fc.constantFrom(0, 100), fc.integer({ min: 0, max: 110 })).map((percent) => percent / 100),
        remainderExpectedBy: fc.option(fc.integer({ min: 2024, max: 2030 }), { nil: null }),
      }),
      { maxLength: MAX_STEPS },
    ),
  })
  .map(({ ids: [claimId, ...stepIds], declaredCents, declaredDay, steps }) => {
    const history = batchClaim(claimId!, declaredCents, dayOf(declaredDay));
    steps.forEach((step, index) => {
      const date = dayOf(step.day);
      const base = { id: stepIds[index]!, claimId: claimId!, recordedAt: `${date}T00:00:${String(index).padStart(2, '0')}.000Z` };
      if (step.kind === 'assess') {
        const input = { compensatedCents: Math.floor(declaredCents * step.share), assessedOn: date, remainderExpectedBy: step.remainderExpectedBy };
        if (assessmentViolations(history, input, LAST_DAY_ACCEPTED).length === 0) history.assessments.push({ ...base, note: '', ...input });
      } else if (step.kind === 'receive') {
        // A share of what is outstanding then: more than that is refused.
        const outstanding = claimStateAt(history, date)?.outstandingCents ?? 0;
        const input = { amountCents: Math.max(1, Math.floor(outstanding * step.share)), receivedOn: date, note: '' };
        if (receiptViolations(history, input, LAST_DAY_ACCEPTED).length === 0) history.receipts.push({ ...base, ...input });
      } else if (blockageViolations(history, { blocked: step.kind === 'block', effectiveOn: date }, LAST_DAY_ACCEPTED).length === 0) {
        history.blockages.push({ ...base, blocked: step.kind === 'block', effectiveOn: date, reason: 'Veto' });
      }
    });
    return history;
  });

/** A date in the histories' years, as a day after 2022-01-01. */
export const historyDate = fc.integer({ min: 0, max: 1_800 }).map(dayOf);
