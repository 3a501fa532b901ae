import { describe, expect, it } from 'vitest';
import { sameRecordViolations } from './same-record.ts';

describe('a record the same as one recorded before', () => {
  const earlier = [{ id: 'shift-1', moment: 'Najaarsnota', amountCents: 100, recordedAt: '2025-03-01T23:30:00Z' }];

  it('is refused at its first field, naming the day in Amsterdam the earlier one was recorded and its id, its texts whatever their case and spaces', () => {
    expect(sameRecordViolations(['moment', 'amountCents'], { moment: ' najaarsnota', amountCents: 100 }, earlier)).toEqual([
      { field: 'moment', code: 'duplicateRecord', params: { recordedOn: '2025-03-02', recordId: 'shift-1' } },
    ]);
  });

  it('is another record when any field typed differs', () => {
    expect(sameRecordViolations(['moment', 'amountCents'], { moment: 'Najaarsnota', amountCents: 101 }, earlier)).toEqual([]);
    expect(sameRecordViolations(['moment', 'amountCents'], { moment: 'Najaarsnota 2', amountCents: 100 }, earlier)).toEqual([]);
  });
});
