import { describe, expect, it } from 'vitest';
import { importOutcome } from './import-command.ts';

const counts = (create: number, unchanged: number, invalid: number) => ({ create, unchanged, invalid, example: 1, notes: 1 });
const report = (committed: boolean, create: number, unchanged: number, invalid: number) => ({ committed, importId: committed ? 'a1b2' : null, counts: counts(create, unchanged, invalid), headerFaults: [] });

describe("the import command's outcome", () => {
  it('says each count in the singular for one', () => {
    expect(importOutcome(report(false, 1, 1, 1), true, 'en')).toBe('Dry run: 1 row would be created, 1 is in the register already, 1 has a fault, 1 example and 1 row of notes skipped.');
    expect(importOutcome(report(true, 1, 1, 1), false, 'en')).toBe('Imported 1 row (import a1b2); 1 was in the register already, 1 with a fault was left out.');
    expect(importOutcome(report(false, 0, 1, 1), false, 'en')).toBe('Nothing to import: 1 row is in the register already, 1 has a fault.');
    expect(importOutcome(report(false, 1, 0, 1), false, 'en')).toBe('Nothing imported: 1 row has a fault (use --only-valid to import the other 1).');
  });

  it('says each other count in the plural', () => {
    const many = { ...report(false, 2, 0, 3), counts: { create: 2, unchanged: 0, invalid: 3, example: 0, notes: 2 } };
    expect(importOutcome(many, true, 'en')).toBe('Dry run: 2 rows would be created, 0 are in the register already, 3 have a fault, 0 examples and 2 rows of notes skipped.');
    expect(importOutcome(report(true, 2, 2, 0), false, 'en')).toBe('Imported 2 rows (import a1b2); 2 were in the register already, 0 with a fault were left out.');
    expect(importOutcome(report(false, 0, 2, 2), false, 'en')).toBe('Nothing to import: 2 rows are in the register already, 2 have a fault.');
    expect(importOutcome(report(false, 2, 0, 2), false, 'en')).toBe('Nothing imported: 2 rows have a fault (use --only-valid to import the other 2).');
  });

  it('says it in Dutch, the language of the command line unless --language en, in the number each count takes', () => {
    const many = { ...report(false, 2, 0, 3), counts: { create: 2, unchanged: 0, invalid: 3, example: 0, notes: 2 } };
    expect(importOutcome(report(false, 1, 1, 1), true, 'nl')).toBe('Proefimport: 1 regel zou worden aangemaakt, 1 staat al in het register, 1 heeft een fout, 1 voorbeeld en 1 regel met aanwijzingen overgeslagen.');
    expect(importOutcome(many, true, 'nl')).toBe('Proefimport: 2 regels zouden worden aangemaakt, 0 staan al in het register, 3 hebben een fout, 0 voorbeelden en 2 regels met aanwijzingen overgeslagen.');
    expect(importOutcome(report(true, 2, 1, 1), false, 'nl')).toBe('2 regels geïmporteerd (import a1b2); 1 stond al in het register, 1 met een fout is weggelaten.');
    expect(importOutcome(report(false, 0, 2, 2), false, 'nl')).toBe('Niets te importeren: 2 regels staan al in het register, 2 hebben een fout.');
    expect(importOutcome({ ...report(false, 1, 0, 1), headerFaults: [{ sheet: 'delivery', sheetName: 'Leveringen', rowNumber: 1, faults: [] }] }, false, 'nl')).toBe('Niets geïmporteerd: 1 regel heeft een fout (en de kopregel van 1 blad) (gebruik --only-valid om de andere 1 te importeren).');
  });
});
