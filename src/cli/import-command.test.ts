import { describe, expect, it } from 'vitest';
import { importOutcome } from './import-command.ts';

const counts = (create: number, unchanged: number, invalid: number) => ({ create, unchanged, invalid, example: 1, notes: 1 });
const report = (committed: boolean, create: number, unchanged: number, invalid: number) => ({ committed, importId: committed ? 'a1b2' : null, counts: counts(create, unchanged, invalid), headerFaults: [] });

describe("the import command's outcome", () => {
  it('says each count in the singular for one', () => {
    expect(importOutcome(report(false, 1, 1, 1), true)).toBe('Dry run: 1 row would be created, 1 is in the register already, 1 has a fault, 1 example and 1 row of notes skipped.');
    expect(importOutcome(report(true, 1, 1, 1), false)).toBe('Imported 1 row (import a1b2); 1 was in the register already, 1 with a fault was left out.');
    expect(importOutcome(report(false, 0, 1, 1), false)).toBe('Nothing to import: 1 row is in the register already, 1 has a fault.');
    expect(importOutcome(report(false, 1, 0, 1), false)).toBe('Nothing imported: 1 row has a fault (use --only-valid to import the other 1).');
  });

  it('says each other count in the plural', () => {
    const many = { ...report(false, 2, 0, 3), counts: { create: 2, unchanged: 0, invalid: 3, example: 0, notes: 2 } };
    expect(importOutcome(many, true)).toBe('Dry run: 2 rows would be created, 0 are in the register already, 3 have a fault, 0 examples and 2 rows of notes skipped.');
    expect(importOutcome(report(true, 2, 2, 0), false)).toBe('Imported 2 rows (import a1b2); 2 were in the register already, 0 with a fault were left out.');
    expect(importOutcome(report(false, 0, 2, 2), false)).toBe('Nothing to import: 2 rows are in the register already, 2 have a fault.');
    expect(importOutcome(report(false, 2, 0, 2), false)).toBe('Nothing imported: 2 rows have a fault (use --only-valid to import the other 2).');
  });
});
