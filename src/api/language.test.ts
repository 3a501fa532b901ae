import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './language.ts';

describe('the language of an answer', () => {
  it.each([
    [undefined, 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['en;q=0.5,nl;q=0.9', 'nl'],
    ['fr-FR,en;q=0.7', 'en'],
    ['de', 'nl'],
    // q=0 says the language is not acceptable (RFC 9110): English refused leaves the default.
    ['en;q=0', 'nl'],
    ['en-GB;q=0, fr', 'nl'],
    ['nl;q=0, en;q=0.1', 'en'],
  ])('for Accept-Language %j is %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });
});
