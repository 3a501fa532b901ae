import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { listCountsOf } from './list-counts.ts';

const register = (version: number) => ({ version: String(version), isDemonstration: false });

describe("the list's counts", () => {
  it('answers a count only at the version it was counted at, and says what a filter found last whatever the version', () => {
    const counts = listCountsOf({} as Kysely<Database>);
    const radar = { text: 'radar' };
    counts.set(register(5), radar, { count: 1000, capped: true });
    expect(counts.get('5', { text: ' radar ' })).toEqual({ count: 1000, capped: true });
    counts.set(register(6), { text: 'drone' }, { count: 3, capped: false });
    expect(counts.get('6', radar)).toBeUndefined();
    expect(counts.lastCounted(radar)).toEqual({ count: 1000, capped: true });
    expect(counts.lastCounted({ text: 'patriot' })).toBeUndefined();
    // A count from before the latest version is not kept, not even as the last one.
    counts.set(register(4), { text: 'patriot' }, { count: 1, capped: false });
    expect(counts.lastCounted({ text: 'patriot' })).toBeUndefined();
  });
});
