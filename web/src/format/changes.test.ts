import { describe, expect, it } from 'vitest';
import { fieldChanges } from './changes.ts';

describe('what changed between two versions of a record', () => {
  it('lists only the fields that differ, with both values', () => {
    const before = { title: 'Munitie', quantity: 10, sources: [{ description: 'Brief' }], unit: null };
    const after = { title: 'Munitie', quantity: 12, sources: [{ description: 'Brief', url: 'https://example.org' }], unit: null };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'quantity', before: 10, after: 12 },
      { field: 'sources', before: [{ description: 'Brief' }], after: [{ description: 'Brief', url: 'https://example.org' }] },
    ]);
  });

  it('treats a record created or removed as a change of every field it has', () => {
    expect(fieldChanges(null, { title: 'Nieuw', unit: null })).toEqual([{ field: 'title', before: null, after: 'Nieuw' }]);
    expect(fieldChanges({ title: 'Oud' }, null)).toEqual([{ field: 'title', before: 'Oud', after: null }]);
  });

  it('compares only the fields asked for, in that order', () => {
    expect(fieldChanges({ a: 1, b: 1, c: 1 }, { a: 2, b: 1, c: 2 }, ['c', 'b'])).toEqual([{ field: 'c', before: 1, after: 2 }]);
  });

  it('takes a missing field for an empty one', () => {
    expect(fieldChanges({ company: null }, {})).toEqual([]);
  });
});
