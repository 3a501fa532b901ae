import { describe, expect, it } from 'vitest';
import { afterEntry, versionToSend } from './useHistoryEntry.ts';

describe('the version an entry is added on', () => {
  it('is what the page loaded, then what the 201 of the last entry named, until the page loads anew', () => {
    const none = {};
    expect(versionToSend(none, 'claim-1', '"3"')).toBe('"3"');

    const moved = afterEntry(none, 'claim-1', '"3"', '"4"');
    expect(versionToSend(moved, 'claim-1', '"3"')).toBe('"4"');
    // The page loaded the latest since (someone else may have added to it too): that is what the user sees.
    expect(versionToSend(moved, 'claim-1', '"5"')).toBe('"5"');
  });

  it('keeps each history apart, and keeps the loaded version when the answer named none', () => {
    const moved = afterEntry({}, 'milestone-a', '"1"', '"2"');
    expect(versionToSend(moved, 'milestone-b', '"1"')).toBe('"1"');
    expect(versionToSend(afterEntry({}, 'milestone-a', '"1"', null), 'milestone-a', '"1"')).toBe('"1"');
  });
});
