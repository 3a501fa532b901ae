import { describe, expect, it } from 'vitest';
import { readXml } from './xml-events.ts';

/** The text of a part's one element, as its handlers are given it. */
async function textOf(xml: string): Promise<string> {
  let text = '';
  await readXml(new TextEncoder().encode(xml), { text: (piece) => (text += piece) });
  return text;
}

describe('reading a part a slice at a time', () => {
  // After `<t>`, a repetition of three code units: the first slice (256 Ki) ends after the first of one's three.
  it('keeps a character outside the Basic Multilingual Plane whole where a slice ends between its two halves', async () => {
    const text = '😀a'.repeat(100_000);
    expect(await textOf(`<t>${text}</t>`)).toBe(text);
  });

  it('reads a line break of a carriage return and a line feed as one where a slice ends between them', async () => {
    expect(await textOf(`<t>${'\r\na'.repeat(100_000)}</t>`)).toBe('\na'.repeat(100_000));
  });
});
