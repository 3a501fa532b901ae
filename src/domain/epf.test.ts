import { pastDateViolations } from './plausibility.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumCents } from '../../common/money.ts';
import { DEMONSTRATION_EPF_CLAIMS } from '../db/seed/demonstration-epf.ts';
import { acceptedHistory, batchClaim, historyDate } from '../../test/support/epf-histories.ts';
import {
  assessmentViolations,
  blockageViolations,
  claimStateAt,
  claimViolations,
  epfFiguresAt,
  movesClaimFiguresAt,
  receiptViolations,
  trancheViolations,
  type EpfClaimHistory,
} from './epf.ts';

const MILLION = 100_000_000; // cents
const TODAY = '2025-09-10';

const claim = (declaredCents: number, declaredOn: string) => batchClaim(`claim-${declaredOn}-${declaredCents}`, declaredCents, declaredOn);

describe('EPF claims at a date', () => {
  it('gives the figures of the letter of 10 September 2025 from the demonstration claims at 31 August 2025', () => {
    const figures = epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2025-08-31');
    expect(figures).toMatchObject({
      declaredCents: 3_305 * MILLION,
      declaredUntil: '2025-07-20',
      compensatedCents: 440 * MILLION,
      paidCents: 52.8 * MILLION,
      paidByYear: [{ year: 2024, cents: 52.8 * MILLION }],
      outstandingCents: 387.2 * MILLION,
      blockedCents: 2_447 * MILLION,
      remainderExpectedBy: 2027,
    });
    expect(figures.byStatus).toEqual({
      open: { count: 0, declaredCents: 0 },
      compensated: { count: 4, declaredCents: 858 * MILLION },
      paid: { count: 0, declaredCents: 0 },
      blocked: { count: 3, declaredCents: 2_447 * MILLION },
    });
    // Before the first claim there is nothing; a claim counts from the day it is declared.
    expect(epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2022-04-13')).toMatchObject({ declaredCents: 0, declaredUntil: null });
    expect(epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2022-04-14')).toMatchObject({ declaredCents: 30 * MILLION, compensatedCents: 0 });
    // The running totals the earlier letters to parliament published.
    expect(epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2023-02-06')).toMatchObject({ compensatedCents: 62.9 * MILLION });
    expect(epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2023-04-13')).toMatchObject({ declaredCents: 516 * MILLION, compensatedCents: 202.9 * MILLION });
    expect(epfFiguresAt(DEMONSTRATION_EPF_CLAIMS, '2023-07-05')).toMatchObject({ declaredCents: 708 * MILLION });
  });

  it('moves a claim from open to compensated to paid, and blocked while blocked, each from its date', () => {
    const history: EpfClaimHistory = {
      ...claim(100, '2023-01-10'),
      assessments: [{ id: 'a', claimId: 'c', compensatedCents: 80, assessedOn: '2023-06-01', remainderExpectedBy: 2025, note: '', recordedAt: '2023-06-01T00:00:00Z' }],
      receipts: [{ id: 'r', claimId: 'c', amountCents: 80, receivedOn: '2024-03-01', note: '', recordedAt: '2024-03-01T00:00:00Z' }],
      blockages: [
        { id: 'b1', claimId: 'c', blocked: true, effectiveOn: '2023-02-01', reason: 'Veto', recordedAt: '2023-02-01T00:00:00Z' },
        { id: 'b2', claimId: 'c', blocked: false, effectiveOn: '2023-05-01', reason: '', recordedAt: '2023-05-01T00:00:00Z' },
      ],
    };
    const status = (date: string) => claimStateAt(history, date)?.status;
    expect([status('2023-01-09'), status('2023-01-10'), status('2023-02-01'), status('2023-05-01'), status('2023-06-01'), status('2024-03-01')]).toEqual([
      undefined,
      'open',
      'blocked',
      'open',
      'compensated',
      'paid',
    ]);
    expect(claimStateAt(history, '2023-03-01')?.blockedReason).toBe('Veto');
  });
});

describe('EPF rules', () => {
  it('refuses a date before 2014 or after today, naming the field', () => {
    expect(pastDateViolations('declaredOn', '2013-12-31', TODAY)).toEqual([{ field: 'declaredOn', code: 'dateOutOfRange', params: { floor: '2014-01-01' } }]);
    expect(pastDateViolations('declaredOn', '2025-09-11', TODAY)).toEqual([{ field: 'declaredOn', code: 'dateInFuture' }]);
    expect(pastDateViolations('declaredOn', TODAY, TODAY)).toEqual([]);
  });

  it('refuses a claim above what was delivered, and any claim on work as implementing actor', () => {
    const input = { declaredCents: 60, declaredOn: '2025-01-01', deliveryId: 'd', batch: '' };
    expect(claimViolations(input, TODAY, { isImplementingActorWork: false, valueCents: 100, alreadyClaimedCents: 40 })).toEqual([]);
    expect(claimViolations(input, TODAY, { isImplementingActorWork: false, valueCents: 100, alreadyClaimedCents: 41 })).toEqual([
      { field: 'declaredCents', code: 'aboveDelivered', params: { availableCents: '59' } },
    ]);
    expect(claimViolations(input, TODAY, { isImplementingActorWork: false, valueCents: null, alreadyClaimedCents: 0 })[0]?.code).toBe('aboveDelivered');
    expect(claimViolations(input, TODAY, { isImplementingActorWork: true, valueCents: 100, alreadyClaimedCents: 0 })).toEqual([{ field: 'deliveryId', code: 'implementingActorWork' }]);
  });

  it('takes a claim on a tranche only where the Netherlands claims, and from the day the tranche was decided', () => {
    expect(trancheViolations({ decidedOn: '2025-03-01', dutchRole: 'claimant' }, '2025-03-01')).toEqual([]);
    for (const dutchRole of ['implementingActor', 'none'] as const) {
      expect(trancheViolations({ decidedOn: '2025-03-01', dutchRole }, '2025-03-01')).toEqual([{ field: 'trancheId', code: 'trancheNotClaimable', params: { role: dutchRole } }]);
    }
    expect(trancheViolations({ decidedOn: '2025-03-01', dutchRole: 'claimant' }, '2025-02-28')).toEqual([{ field: 'declaredOn', code: 'beforeTranche', params: { decidedOn: '2025-03-01' } }]);
  });

  it('takes a period whose years lie in those of the register up to this year, as a date of what happened does', () => {
    const input = { declaredCents: 60, declaredOn: '2025-01-01', deliveryId: null, batch: 'Leveringen' };
    for (const period of ['jan. t/m jun. 2025', '2014', '2024-2025', 'Q3 2024', '2025Q1', 'tweede helft']) {
      expect(claimViolations({ ...input, period }, TODAY, null), period).toEqual([]);
    }
    expect(claimViolations({ ...input, period: 'sep 2099' }, TODAY, null)).toEqual([{ field: 'period', code: 'periodOutOfRange', params: { year: '2099', first: '2014', last: '2025' } }]);
    expect(claimViolations({ ...input, period: '2025-2026' }, TODAY, null)).toEqual([{ field: 'period', code: 'periodOutOfRange', params: { year: '2026', first: '2014', last: '2025' } }]);
    expect(claimViolations({ ...input, period: 'dec. 2013 t/m jan. 2014' }, TODAY, null)).toEqual([{ field: 'period', code: 'periodOutOfRange', params: { year: '2013', first: '2014', last: '2025' } }]);
  });

  it('takes a claim for one delivery or for a batch that says what it covers, never both or neither', () => {
    const input = { declaredCents: 60, declaredOn: '2025-01-01' };
    expect(claimViolations({ ...input, deliveryId: null, batch: 'Leveringen' }, TODAY, null)).toEqual([]);
    expect(claimViolations({ ...input, deliveryId: null, batch: ' ' }, TODAY, null)).toEqual([{ field: 'batch', code: 'deliveryOrBundle' }]);
    expect(claimViolations({ ...input, deliveryId: null, batch: '\u200b' }, TODAY, null)).toEqual([{ field: 'batch', code: 'deliveryOrBundle' }]);
    expect(claimViolations({ ...input, deliveryId: null, batch: '...' }, TODAY, null)).toEqual([{ field: 'batch', code: 'noLetterOrDigit' }]);
    const delivery = { isImplementingActorWork: false, valueCents: 100, alreadyClaimedCents: 0 };
    expect(claimViolations({ ...input, deliveryId: 'd', batch: 'Leveringen' }, TODAY, delivery)).toEqual([{ field: 'batch', code: 'batchWithDelivery' }]);
  });

  it('compensates no more than declared, receives no more than compensated, and never before the claim', () => {
    const history = claim(100, '2024-01-01');
    expect(assessmentViolations(history, { compensatedCents: 101, assessedOn: '2024-02-01', remainderExpectedBy: null }, TODAY).map((v) => v.code)).toEqual(['aboveDeclared']);
    expect(assessmentViolations(history, { compensatedCents: 50, assessedOn: '2023-12-31', remainderExpectedBy: 2022 }, TODAY).map((v) => v.code)).toEqual(['beforeDeclared', 'beforeAssessment']);
    const lastPlannedYear = Number(TODAY.slice(0, 4)) + 10;
    expect(assessmentViolations(history, { compensatedCents: 50, assessedOn: '2024-02-01', remainderExpectedBy: lastPlannedYear }, TODAY)).toEqual([]);
    expect(assessmentViolations(history, { compensatedCents: 50, assessedOn: '2024-02-01', remainderExpectedBy: lastPlannedYear + 1 }, TODAY)).toEqual([
      { field: 'remainderExpectedBy', code: 'tooLarge', params: { maximum: String(lastPlannedYear) } },
    ]);
    expect(receiptViolations(history, { amountCents: 1, receivedOn: '2024-02-01' }, TODAY)).toEqual([{ field: 'receivedOn', code: 'notAssessed' }]);
    expect(blockageViolations(history, { blocked: true, effectiveOn: '2023-06-01' }, TODAY).map((v) => v.code)).toEqual(['beforeDeclared']);
  });

  it('releases only a claim blocked on the release date', () => {
    const history = claim(100, '2024-01-01');
    expect(blockageViolations(history, { blocked: false, effectiveOn: '2024-03-01' }, TODAY)).toEqual([{ field: 'blocked', code: 'notBlocked' }]);
    const block = { id: 'b1', claimId: 'c', blocked: true, effectiveOn: '2024-02-01', reason: 'Veto', recordedAt: '2024-02-01T00:00:00Z' };
    const blocked = { ...history, blockages: [block] };
    expect(blockageViolations(blocked, { blocked: false, effectiveOn: '2024-02-01' }, TODAY)).toEqual([]);
    expect(blockageViolations(blocked, { blocked: false, effectiveOn: '2024-01-15' }, TODAY)).toEqual([{ field: 'effectiveOn', code: 'beforeBlockage', params: { blockedOn: '2024-02-01' } }]);
    const released = { ...history, blockages: [block, { ...block, id: 'b2', blocked: false, effectiveOn: '2024-05-01', reason: '' }] };
    expect(blockageViolations(released, { blocked: false, effectiveOn: '2024-06-01' }, TODAY)).toEqual([{ field: 'blocked', code: 'notBlocked' }]);
  });

  it('blocks a claim once until it is released, also before a later blockage', () => {
    const history = claim(100, '2024-01-01');
    const block = { id: 'b1', claimId: 'c', blocked: true, effectiveOn: '2024-02-01', reason: 'Veto', recordedAt: '2024-02-01T00:00:00Z' };
    const blocked = { ...history, blockages: [block] };
    expect(blockageViolations(blocked, { blocked: true, effectiveOn: '2024-02-01' }, TODAY)).toEqual([{ field: 'blocked', code: 'alreadyBlocked', params: { blockedOn: '2024-02-01' } }]);
    expect(blockageViolations(blocked, { blocked: true, effectiveOn: '2024-03-01' }, TODAY)).toEqual([{ field: 'blocked', code: 'alreadyBlocked', params: { blockedOn: '2024-02-01' } }]);
    expect(blockageViolations(blocked, { blocked: true, effectiveOn: '2024-01-15' }, TODAY)).toEqual([{ field: 'effectiveOn', code: 'alreadyBlocked', params: { blockedOn: '2024-02-01' } }]);
    const release = { ...block, id: 'b2', blocked: false, effectiveOn: '2024-05-01', reason: '' };
    const released = { ...history, blockages: [block, release] };
    expect(blockageViolations(released, { blocked: true, effectiveOn: '2024-05-01' }, TODAY)).toEqual([]);
    expect(blockageViolations(released, { blocked: true, effectiveOn: '2024-06-01' }, TODAY)).toEqual([]);
    expect(blockageViolations(released, { blocked: true, effectiveOn: '2024-04-01' }, TODAY)).toEqual([{ field: 'blocked', code: 'alreadyBlocked', params: { blockedOn: '2024-02-01' } }]);
    // Released on the day it was blocked: blocked again that day is no second blockage.
    const sameDay = { ...history, blockages: [block, { ...release, effectiveOn: '2024-02-01', recordedAt: '2024-02-01T12:00:00Z' }] };
    expect(blockageViolations(sameDay, { blocked: true, effectiveOn: '2024-02-01' }, TODAY)).toEqual([]);
  });

  it('refuses a receipt that a later assessment no longer covers, though the compensation at its date did', () => {
    const history: EpfClaimHistory = {
      ...claim(100, '2024-01-01'),
      assessments: [
        { id: 'a1', claimId: 'c', compensatedCents: 80, assessedOn: '2024-02-01', remainderExpectedBy: null, note: '', recordedAt: '2024-02-01T00:00:00Z' },
        { id: 'a2', claimId: 'c', compensatedCents: 30, assessedOn: '2024-04-01', remainderExpectedBy: null, note: '', recordedAt: '2024-04-01T00:00:00Z' },
      ],
    };
    expect(receiptViolations(history, { amountCents: 31, receivedOn: '2024-03-01' }, TODAY)).toEqual([
      { field: 'amountCents', code: 'aboveCompensated', params: { outstandingCents: '30' } },
    ]);
    expect(receiptViolations(history, { amountCents: 30, receivedOn: '2024-03-01' }, TODAY)).toEqual([]);
  });
});

describe('EPF money received', () => {
  const assessment = { id: 'a', claimId: 'c', compensatedCents: 80, assessedOn: '2024-02-01', remainderExpectedBy: null, note: '', recordedAt: '2024-02-01T00:00:00Z' };
  const receipt = { id: 'r', claimId: 'c', amountCents: 80, receivedOn: '2024-03-01', note: '', recordedAt: '2024-03-01T00:00:00Z' };
  const block = { id: 'b1', claimId: 'c', blocked: true, effectiveOn: '2024-04-01', reason: 'Veto', recordedAt: '2024-04-01T00:00:00Z' };
  const release = { ...block, id: 'b2', blocked: false, effectiveOn: '2024-06-01', reason: '', recordedAt: '2024-06-01T00:00:00Z' };

  it('is received only on what was assessed, refused at the date before the first assessment', () => {
    const assessed: EpfClaimHistory = { ...claim(100, '2024-01-01'), assessments: [assessment] };
    expect(receiptViolations(assessed, { amountCents: 10, receivedOn: '2024-01-15' }, TODAY)).toEqual([
      { field: 'receivedOn', code: 'receivedBeforeAssessment', params: { assessedOn: '2024-02-01' } },
    ]);
    expect(receiptViolations(assessed, { amountCents: 10, receivedOn: '2024-02-01' }, TODAY)).toEqual([]);
  });

  it('is not received while the claim is blocked, and a blockage does not cover money received', () => {
    const blocked: EpfClaimHistory = { ...claim(100, '2024-01-01'), assessments: [assessment], blockages: [block, release] };
    expect(receiptViolations(blocked, { amountCents: 10, receivedOn: '2024-04-01' }, TODAY)).toEqual([
      { field: 'receivedOn', code: 'receivedWhileBlocked', params: { blockedOn: '2024-04-01' } },
    ]);
    expect(receiptViolations(blocked, { amountCents: 10, receivedOn: '2024-05-31' }, TODAY)[0]?.code).toBe('receivedWhileBlocked');
    expect(receiptViolations(blocked, { amountCents: 10, receivedOn: '2024-03-31' }, TODAY)).toEqual([]);
    expect(receiptViolations(blocked, { amountCents: 10, receivedOn: '2024-06-01' }, TODAY)).toEqual([]);

    const paid: EpfClaimHistory = { ...claim(100, '2024-01-01'), assessments: [assessment], receipts: [receipt] };
    expect(blockageViolations(paid, { blocked: true, effectiveOn: '2024-02-15' }, TODAY)).toEqual([
      { field: 'effectiveOn', code: 'moneyReceivedSince', params: { receivedOn: '2024-03-01' } },
    ]);
    expect(blockageViolations(paid, { blocked: true, effectiveOn: '2024-03-02' }, TODAY)).toEqual([]);
    // Blocked and released again before the money came: the blockage covers no receipt.
    const releasedBefore: EpfClaimHistory = { ...paid, blockages: [{ ...release, effectiveOn: '2024-02-20' }] };
    expect(blockageViolations(releasedBefore, { blocked: true, effectiveOn: '2024-02-10' }, TODAY)).toEqual([]);
  });

  it('expects no year for the rest when nothing remains after the assessment', () => {
    const paid: EpfClaimHistory = { ...claim(100, '2024-01-01'), assessments: [assessment], receipts: [receipt] };
    expect(assessmentViolations(paid, { compensatedCents: 80, assessedOn: '2024-05-01', remainderExpectedBy: 2026 }, TODAY)).toEqual([{ field: 'remainderExpectedBy', code: 'nothingRemains' }]);
    expect(assessmentViolations(paid, { compensatedCents: 0, assessedOn: '2024-01-05', remainderExpectedBy: 2026 }, TODAY)[0]).toEqual({ field: 'compensatedCents', code: 'belowReceived', params: { receivedCents: '80' } });
    expect(assessmentViolations(paid, { compensatedCents: 90, assessedOn: '2024-05-01', remainderExpectedBy: 2026 }, TODAY)).toEqual([]);
    expect(assessmentViolations(claim(100, '2024-01-01'), { compensatedCents: 0, assessedOn: '2024-05-01', remainderExpectedBy: 2026 }, TODAY)).toEqual([
      { field: 'remainderExpectedBy', code: 'nothingRemains' },
    ]);
  });
});

describe('EPF figures, for any history the rules accept', () => {
  it('outstanding = compensated − paid, at every date, and it is the sum of what each claim has outstanding', () => {
    fc.assert(
      fc.property(fc.array(acceptedHistory, { maxLength: 6 }), historyDate, (histories, date) => {
        const figures = epfFiguresAt(histories, date);
        expect(figures.outstandingCents).toBe(figures.compensatedCents - figures.paidCents);
        const states = histories.flatMap((history) => claimStateAt(history, date) ?? []);
        expect(figures.outstandingCents).toBe(sumCents(states.map((state) => state.outstandingCents)));
        expect(sumCents(figures.paidByYear.map((year) => year.cents))).toBe(figures.paidCents);
        expect(figures.paidCents).toBeLessThanOrEqual(figures.compensatedCents);
        expect(figures.compensatedCents).toBeLessThanOrEqual(figures.declaredCents);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what an entry of a claim’s history moves of the EPF figures at a date', () => {
  /** The history without its entry recorded last (the generator records them in order), or undefined without any. */
  const withoutLast = (history: EpfClaimHistory): EpfClaimHistory | undefined => {
    const entries = [...history.assessments, ...history.receipts, ...history.blockages];
    const last = entries.reduce<(typeof entries)[number] | undefined>((latest, entry) => (!latest || entry.recordedAt.slice(-7) > latest.recordedAt.slice(-7) ? entry : latest), undefined);
    if (!last) return undefined;
    const others = <T,>(rows: readonly T[]) => rows.filter((row) => row !== last);
    return { ...history, assessments: others(history.assessments), receipts: others(history.receipts), blockages: others(history.blockages) };
  };
  /** The figures a letter prints of the claim alone (not the counts per status). */
  const printed = (history: EpfClaimHistory, date: string) => {
    const { byStatus: _counts, ...figures } = epfFiguresAt([history], date);
    return figures;
  };

  it('moves them exactly when the figures a letter prints at that date differ with it and without it', () => {
    fc.assert(
      fc.property(acceptedHistory, historyDate, (after, date) => {
        const before = withoutLast(after);
        fc.pre(before !== undefined);
        expect(movesClaimFiguresAt(before!, after, date)).toBe(JSON.stringify(printed(before!, date)) !== JSON.stringify(printed(after, date)));
      }),
      { numRuns: 300 },
    );
  });

  it('does not move them for an assessment of what the one in force compensated, nor for one after the date', () => {
    const declared = claim(100 * MILLION, '2025-01-10');
    const assessed = { ...declared, assessments: [{ id: 'a1', claimId: declared.claim.id, compensatedCents: 60 * MILLION, assessedOn: '2025-03-01', remainderExpectedBy: null, note: '', recordedAt: '2025-03-01T12:00:00.000Z' }] };
    const again = { ...assessed, assessments: [...assessed.assessments, { ...assessed.assessments[0]!, id: 'a2', assessedOn: '2025-04-01', recordedAt: '2025-04-01T12:00:00.000Z' }] };
    const more = { ...assessed, assessments: [...assessed.assessments, { ...assessed.assessments[0]!, id: 'a3', compensatedCents: 70 * MILLION, assessedOn: '2025-04-01', recordedAt: '2025-04-01T12:00:00.000Z' }] };
    expect(movesClaimFiguresAt(declared, assessed, '2025-08-31')).toBe(true);
    expect(movesClaimFiguresAt(assessed, again, '2025-08-31')).toBe(false);
    expect(movesClaimFiguresAt(assessed, more, '2025-08-31')).toBe(true);
    expect(movesClaimFiguresAt(assessed, more, '2025-03-31')).toBe(false);
  });
});
