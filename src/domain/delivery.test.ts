import { describe, expect, it } from 'vitest';
import {
  commitmentBeforeSigningViolations,
  currentValue,
  currentValueBasis,
  followsBeginningViolations,
  valuationBasisViolations,
  lifecycleStage,
  lifecycleViolations,
  beginningBeforeFollowersViolations,
  samePaymentViolations,
  signedAfterCommitmentViolations,
} from './delivery.ts';

const none = { pledgedAt: null, committedAt: null, realisedAt: null, deliveredAt: null };

describe('the lifecycle of a delivery', () => {
  it('is at its latest stage with a date', () => {
    expect(lifecycleStage(none)).toBeNull();
    expect(lifecycleStage({ ...none, pledgedAt: '2025-01-01' })).toBe('pledged');
    expect(lifecycleStage({ ...none, pledgedAt: '2025-01-01', realisedAt: '2025-03-01' })).toBe('realised');
    expect(lifecycleStage({ ...none, deliveredAt: '2025-04-01' })).toBe('delivered');
  });

  it('accepts dates in order, equal dates and gaps', () => {
    expect(lifecycleViolations({ pledgedAt: '2025-01-01', committedAt: '2025-01-01', realisedAt: null, deliveredAt: '2025-06-01' })).toEqual([]);
  });

  it('names each date that lies before an earlier stage', () => {
    expect(
      lifecycleViolations({ pledgedAt: '2025-02-01', committedAt: '2025-03-01', realisedAt: '2025-01-15', deliveredAt: '2025-01-10' }),
    ).toEqual([
      { field: 'realisedAt', code: 'beforeEarlierStage', params: { earlier: 'pledgedAt', earlierDate: '2025-02-01', laterDate: '2025-01-15' } },
      { field: 'deliveredAt', code: 'beforeEarlierStage', params: { earlier: 'pledgedAt', earlierDate: '2025-02-01', laterDate: '2025-01-10' } },
    ]);
    expect(lifecycleViolations({ ...none, committedAt: '2025-03-01', realisedAt: '2025-02-28' })).toEqual([
      { field: 'realisedAt', code: 'beforeEarlierStage', params: { earlier: 'committedAt', earlierDate: '2025-03-01', laterDate: '2025-02-28' } },
    ]);
  });

  it('names the date a change moved past later stages it kept, once, and a date it moved before an earlier one as before', () => {
    const kept = { pledgedAt: '2025-01-01', committedAt: '2025-02-01', realisedAt: '2025-03-01', deliveredAt: null };
    expect(lifecycleViolations({ ...kept, pledgedAt: '2025-04-01' }, kept)).toEqual([
      { field: 'pledgedAt', code: 'afterLaterStage', params: { earlier: 'pledgedAt', earlierDate: '2025-04-01', later: 'committedAt', laterDate: '2025-02-01' } },
    ]);
    expect(lifecycleViolations({ ...kept, realisedAt: '2025-01-15' }, kept)).toEqual([
      { field: 'realisedAt', code: 'beforeEarlierStage', params: { earlier: 'committedAt', earlierDate: '2025-02-01', laterDate: '2025-01-15' } },
    ]);
    // Both moved: the later date is the one out of order, as without a change.
    expect(lifecycleViolations({ ...kept, committedAt: '2025-05-01', realisedAt: '2025-04-01' }, kept)).toEqual([
      { field: 'realisedAt', code: 'beforeEarlierStage', params: { earlier: 'committedAt', earlierDate: '2025-05-01', laterDate: '2025-04-01' } },
    ]);
  });
});

describe('what follows the beginning of a delivery', () => {
  const pledged = { ...none, pledgedAt: '2025-03-01', committedAt: '2025-05-01' };

  it('is dated on or after its pledge, as its later stages are', () => {
    expect(followsBeginningViolations(pledged, 'effectiveDate', 'valuation', '2025-03-01')).toEqual([]);
    expect(followsBeginningViolations(none, 'effectiveDate', 'valuation', '2014-01-01')).toEqual([]);
    expect(followsBeginningViolations(pledged, 'judgedOn', 'judgement', '2014-01-01')).toEqual([
      { field: 'judgedOn', code: 'beforeEarlierStage', params: { later: 'judgement', earlier: 'pledgedAt', earlierDate: '2025-03-01', laterDate: '2014-01-01' } },
    ]);
    expect(followsBeginningViolations(pledged, 'assessedOn', 'exportAssessment', '2014-06-01')).toEqual([
      { field: 'assessedOn', code: 'beforeEarlierStage', params: { later: 'exportAssessment', earlier: 'pledgedAt', earlierDate: '2025-03-01', laterDate: '2014-06-01' } },
    ]);
  });

  it('without a pledge, is dated on or after the commitment, but may come before the hand-over', () => {
    const committed = { ...none, committedAt: '2025-08-31', realisedAt: '2025-08-31' };
    expect(followsBeginningViolations(committed, 'judgedOn', 'judgement', '2014-01-02')).toEqual([
      { field: 'judgedOn', code: 'beforeEarlierStage', params: { later: 'judgement', earlier: 'committedAt', earlierDate: '2025-08-31', laterDate: '2014-01-02' } },
    ]);
    expect(followsBeginningViolations(committed, 'judgedOn', 'judgement', '2025-08-31')).toEqual([]);
    // An export is assessed before it is committed to as well: only a pledge goes before an assessment.
    expect(followsBeginningViolations(committed, 'assessedOn', 'exportAssessment', '2025-06-02')).toEqual([]);
    expect(beginningBeforeFollowersViolations(committed, [{ record: 'exportAssessment', date: '2025-06-02' }])).toEqual([]);
    const handedOverOnly = { ...none, realisedAt: '2025-08-31' };
    expect(followsBeginningViolations(handedOverOnly, 'assessedOn', 'exportAssessment', '2025-06-01')).toEqual([]);
  });

  it('keeps the beginning from moving after it, naming the earliest record', () => {
    const followers = [
      { record: 'valuation' as const, date: '2025-05-01' },
      { record: 'nonReplacement' as const, date: '2025-04-01' },
    ];
    expect(beginningBeforeFollowersViolations(pledged, followers)).toEqual([]);
    expect(beginningBeforeFollowersViolations({ ...pledged, pledgedAt: '2025-06-01' }, followers)).toEqual([
      { field: 'pledgedAt', code: 'beforeEarlierStage', params: { later: 'nonReplacement', earlier: 'pledgedAt', earlierDate: '2025-06-01', laterDate: '2025-04-01' } },
    ]);
    // A pledge taken away leaves the commitment as the beginning.
    expect(beginningBeforeFollowersViolations({ ...pledged, pledgedAt: null }, followers)).toEqual([
      { field: 'committedAt', code: 'beforeEarlierStage', params: { later: 'nonReplacement', earlier: 'committedAt', earlierDate: '2025-05-01', laterDate: '2025-04-01' } },
    ]);
  });
});

describe('a contract a procurement is bought under', () => {
  const committed = { committedAt: '2025-05-15' };

  it('is signed on or after the delivery was committed, since its signing is that commitment', () => {
    expect(signedAfterCommitmentViolations(committed, 'signedOn', '2025-05-15')).toEqual([]);
    expect(signedAfterCommitmentViolations({ committedAt: null }, 'signedOn', '2020-01-01')).toEqual([]);
    expect(signedAfterCommitmentViolations(committed, 'signedOn', '2025-05-01')).toEqual([
      { field: 'signedOn', code: 'beforeEarlierStage', params: { later: 'contract', earlier: 'committedAt', earlierDate: '2025-05-15', laterDate: '2025-05-01' } },
    ]);
  });

  it('keeps the commitment from moving after its signing, naming the earliest', () => {
    expect(commitmentBeforeSigningViolations(committed, ['2025-06-01', '2025-05-15'])).toEqual([]);
    expect(commitmentBeforeSigningViolations({ committedAt: '2025-07-01' }, ['2025-06-01', '2025-05-15'])).toEqual([
      { field: 'committedAt', code: 'beforeEarlierStage', params: { later: 'contract', earlier: 'committedAt', earlierDate: '2025-07-01', laterDate: '2025-05-15' } },
    ]);
  });
});

describe('a payment the same as one of its delivery', () => {
  const paid = { id: 'payment-1', amountCents: 500, paidOn: '2025-02-01', reference: null, note: 'Eerste termijn', recordedAt: '2025-02-01T09:00:00Z' };

  it('is that payment entered twice when it has no reference and its amount, day and note are the same, its note whatever its case and spaces', () => {
    expect(samePaymentViolations({ amountCents: 500, paidOn: '2025-02-01', reference: null, note: 'eerste  termijn' }, [paid])).toEqual([
      { field: 'amountCents', code: 'duplicateRecord', params: { recordedOn: '2025-02-01', recordId: 'payment-1' } },
    ]);
    expect(samePaymentViolations({ amountCents: 500, paidOn: '2025-02-01', reference: null, note: 'Tweede termijn' }, [paid])).toEqual([]);
  });

  it('is told apart by a reference, as references are, and is not judged while its reference is not known', () => {
    const referenced = { ...paid, reference: 'F.2025.1' };
    expect(samePaymentViolations({ ...referenced }, [referenced])).toEqual([]);
    expect(samePaymentViolations({ ...paid, reference: 'F.2025.1' }, [paid])).toEqual([]);
    expect(samePaymentViolations({ amountCents: 500, paidOn: '2025-02-01', note: 'Eerste termijn' }, [paid])).toEqual([]);
  });
});

describe('the current value of a delivery', () => {
  const valuations = [{ amountCents: 100 }, { amountCents: 80 }];
  const payments = [{ amountCents: 30 }, { amountCents: 45 }];

  it('is the latest valuation of stock and the payments of the rest', () => {
    expect(currentValue('stock', valuations, payments)).toBe(80);
    expect(currentValue('procurement', valuations, payments)).toBe(75);
    expect(currentValue('natoFund', valuations, [])).toBe(0);
    expect(currentValue('stock', [], payments)).toBe(0);
  });

  it('has the basis of the valuation it takes for stock, and what was paid for the rest', () => {
    const bases = [{ basis: 'replacementValue' }, { basis: 'bookValue' }] as const;
    expect(currentValueBasis('stock', bases)).toBe('bookValue');
    expect(currentValueBasis('stock', [])).toBeNull();
    expect(currentValueBasis('procurement', bases)).toBe('contractPrice');
    expect(currentValueBasis('natoFund', [])).toBe('contribution');
  });

  it('is valued on a basis of its support type: stock at replacement or book value, the rest at what is paid', () => {
    expect(valuationBasisViolations('basis', 'stock', 'bookValue')).toEqual([]);
    expect(valuationBasisViolations('basis', 'procurement', 'contractPrice')).toEqual([]);
    expect(valuationBasisViolations('basis', 'natoFund', 'contribution')).toEqual([]);
    expect(valuationBasisViolations('basis', 'stock', 'contractPrice')).toEqual([
      { field: 'basis', code: 'basisNotOfSupportType', params: { supportType: 'stock', bases: 'replacementValue,bookValue' } },
    ]);
    expect(valuationBasisViolations('revaluation.basis', 'natoFund', 'replacementValue')).toEqual([
      { field: 'revaluation.basis', code: 'basisNotOfSupportType', params: { supportType: 'natoFund', bases: 'contribution' } },
    ]);
  });
});
