import { describe, expect, it } from 'vitest';
import { isColumnNote } from './notes-rows.ts';

describe('a note on a column', () => {
  it('says whether the column is required, how to write its value or what kind of value it is, in Dutch or English, several in one cell', () => {
    for (const note of ['(verplicht)', 'verplicht', 'Verplicht', '(optioneel)', '(required)', 'Optional', 'niet verplicht', '*', 'JJJJ-MM-DD', 'dd-mm-jjjj', 'YYYY-MM-DD', 'bedrag in euro', "Bedrag in euro's", 'in €', 'amount in euros', 'Ja/Nee', 'yes or no', 'keuzelijst', 'kies uit de lijst', 'vrije tekst', 'geheel getal']) {
      expect(isColumnNote(note), note).toBe(true);
    }
    for (const notes of ['(verplicht) JJJJ-MM-DD', 'verplicht / required', 'Verplicht – bedrag in euro', 'datum (JJJJ-MM-DD), optioneel', ' (Required) ']) {
      expect(isColumnNote(notes), notes).toBe(true);
    }
  });

  it('is no value of a record: a number, a date, a reference, a word of which a note is only a part, a note beside other words', () => {
    for (const value of [12, 1234.56, '2025-06-01', '1-6-2025', 'VB-2025-001', 'Verplichting 2025', 'Bedrag voor munitie', 'Ja', 'Nee', '-', 'verplicht: zie noot', '€ 1.234,56', '']) {
      expect(isColumnNote(value), String(value)).toBe(false);
    }
    expect(isColumnNote(null)).toBe(false);
    expect(isColumnNote({ number: 5, shown: '00005' })).toBe(false);
  });
});
