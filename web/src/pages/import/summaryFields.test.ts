import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../../../src/import/sheets.ts';
import { COUNT_QUALIFIERS, SUMMARY_FIELDS } from './summaryFields.ts';

describe('the contents of a row in the import’s dry run', () => {
  it.each(SHEETS.map((definition) => [definition.sheet, definition] as const))('show every column of the template’s %s sheet that the row records', (sheet, definition) => {
    const shown = new Set([...SUMMARY_FIELDS[sheet], ...Object.entries(COUNT_QUALIFIERS).filter(([, { count }]) => SUMMARY_FIELDS[sheet].includes(count)).map(([field]) => field)]);
    // The row's own reference has a column of its own.
    const recorded = definition.columns.map((column) => column.key).filter((key) => key !== 'externalReference');
    expect(recorded.filter((key) => !shown.has(key))).toEqual([]);
    expect([...shown].filter((key) => !recorded.includes(key))).toEqual([]);
  });
});
