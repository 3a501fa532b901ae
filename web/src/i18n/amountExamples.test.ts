import { describe, expect, it } from 'vitest';
import { parseEuroAmount } from '../../../common/money.ts';
import type { Language } from '../../../common/vocabulary/languages.ts';
import { en } from './en/index.ts';
import { nl } from './nl/index.ts';

/** An amount as each language writes it, made plain ("1,234.56" in English and "1.234,56" in Dutch both become "1234.56"). */
const PLAIN: Record<Language, (example: string) => string> = {
  en: (example) => example.replace(/,/g, ''),
  nl: (example) => example.replace(/\./g, '').replace(',', '.'),
};

function* texts(words: unknown): Generator<string> {
  if (typeof words === 'string') yield words;
  else if (words && typeof words === 'object') for (const value of Object.values(words)) yield* texts(value);
}

/** The amounts a text shows as examples: numbers with a separator, in a text about money or giving an example. */
function amountExamples(text: string): string[] {
  if (!/for example|bijvoorbeeld|€|euro|amount|bedrag/i.test(text)) return [];
  return text.match(/\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?\b|\d+[.,]\d{1,2}\b/g) ?? [];
}

describe('amounts shown as examples', () => {
  it.each([['en', en], ['nl', nl]] as const)('are written as %s writes them, and typed so they are taken as meant', (language, words) => {
    const examples = [...texts(words)].flatMap(amountExamples);
    expect(examples.length).toBeGreaterThan(0);
    // English puts the euro sign against the figure ("€1,234.56"), Dutch a space between them ("€ 1.234,56").
    if (language === 'en') expect([...texts(words)].filter((text) => /€\s\d/.test(text))).toEqual([]);
    for (const example of examples) {
      expect(parseEuroAmount(example), example).toBeDefined();
      expect(parseEuroAmount(example), example).toBe(parseEuroAmount(PLAIN[language](example)));
      // Grouped by the language's own sign: "1.234" is one euro and a fraction in English, however the register reads it.
      expect(PLAIN[language](example), example).toMatch(/^\d+(?:\.\d{1,2})?$/);
    }
  });
});
