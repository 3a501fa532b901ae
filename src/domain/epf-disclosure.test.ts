import { describe, expect, it } from 'vitest';
import { partChanges, soleUndisclosedParts, type EpfFigurePart } from './epf-disclosure.ts';

const declared = (partOf: string, cents: number, publicValueCents: number | null = null): EpfFigurePart => ({
  figure: 'epfDeclared',
  year: null,
  partOf,
  delivery: partOf.startsWith('batch') ? null : { id: partOf, title: `Levering ${partOf}`, publicValueCents },
  cents,
});

describe('the change of an EPF figure one delivery alone makes', () => {
  it('reads the change of the one delivery whose part changed', () => {
    const changes = partChanges([declared('a', 10), declared('batch-1', 5)], [declared('a', 17), declared('batch-1', 5)]);
    expect(soleUndisclosedParts(changes)).toEqual([{ figure: 'epfDeclared', year: null, deliveryId: 'a', title: 'Levering a', cents: 7 }]);
  });

  it('reads a part that is gone since as a change below zero', () => {
    expect(soleUndisclosedParts(partChanges([declared('a', 10), declared('b', 4)], [declared('b', 4)]))).toMatchObject([{ deliveryId: 'a', cents: -10 }]);
  });

  it('sets aside the change of a delivery decided public with exactly that value, and not one public at another', () => {
    const before = [declared('a', 10)];
    expect(soleUndisclosedParts(partChanges(before, [declared('a', 17), declared('p', 3, 3)]))).toMatchObject([{ deliveryId: 'a', cents: 7 }]);
    expect(soleUndisclosedParts(partChanges([...before, declared('p', 1, 3)], [declared('a', 17), declared('p', 3, 3)]))).toEqual([]);
  });

  it('counts a new claim for a batch as another part, which names no delivery', () => {
    expect(soleUndisclosedParts(partChanges([declared('a', 10)], [declared('a', 17), declared('batch-2', 2)]))).toEqual([]);
    expect(soleUndisclosedParts(partChanges([declared('a', 10)], [declared('a', 10), declared('batch-2', 2)]))).toEqual([]);
  });
});
