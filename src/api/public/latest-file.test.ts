import { describe, expect, it } from 'vitest';
import { LatestFile } from './latest-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

describe('the latest file', () => {
  it('is made once per tag, also for readers that ask while it is being made, and again when the tag changes', async () => {
    const latest = new LatestFile();
    let made = 0;
    const make = (text: string) => async () => {
      made++;
      return bytes(text);
    };
    const [first, second] = await Promise.all([latest.get('"a"', make('one')), latest.get('"a"', make('two'))]);
    expect(new TextDecoder().decode(first)).toBe('one');
    expect(second).toBe(first);
    expect(made).toBe(1);
    expect(new TextDecoder().decode(await latest.get('"b"', make('three')))).toBe('three');
    expect(made).toBe(2);
  });

  it('keeps no failure: the next reader of the same tag makes the file again', async () => {
    const latest = new LatestFile();
    await expect(latest.get('"a"', () => Promise.reject(new Error('the database went away')))).rejects.toThrow('went away');
    expect(new TextDecoder().decode(await latest.get('"a"', async () => bytes('made')))).toBe('made');
  });
});
