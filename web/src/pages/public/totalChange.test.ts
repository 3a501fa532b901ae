import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { PublicLetterSnapshot } from '../../api/letters.ts';
import { en } from '../../i18n/en/index.ts';
import { nl } from '../../i18n/nl/index.ts';
import { totalChangeSentence } from './totalChange.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } });
const inDutch = i18n.getFixedT('nl');
const inEnglish = i18n.getFixedT('en');

const MILLION = 100_000_000; // cents

/**
 * A letter after that of 4 February 2025, whose total it printed beside its own as `previous`, with the change as
 * printed, frozen in `format` (by default that of letters now).
 */
function letter(previous: number, current: number, increaseCents: number, more: Partial<PublicLetterSnapshot['figures']> = {}, format: PublicLetterSnapshot['format'] = 'steunregister-letter/7') {
  const line = { key: 'total' as const, label: 'Totaal', currentCents: current, reportedPreviousCents: previous, restatedPreviousCents: null };
  return {
    format,
    previousLetter: { id: 'previous', referenceDate: '2025-02-04', letterDate: '2025-02-14', paperNumber: null },
    figures: { lines: [line], increaseCents, increasePercentText: null, ...more },
  };
}

describe('the change of the total under the public letter’s table', () => {
  it('says an increase as the letter does', () => {
    const rose = letter(5_880 * MILLION, 8_700 * MILLION, 2_820 * MILLION);
    expect(totalChangeSentence(inDutch, rose, 'nl')).toBe('Een toename van €2,82 mld. of 48 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, rose, 'en')).toBe('An increase of €2,82 mld. or 48 percent compared with 4 Feb 2025.');
  });

  it('says a fall is a decrease, never an increase of its size', () => {
    // The letter: "Dit is een afname van €220 mln. of 3 procent".
    const fell = letter(7_420 * MILLION, 7_200 * MILLION, -220 * MILLION);
    expect(totalChangeSentence(inDutch, fell, 'nl')).toBe('Een afname van €220 mln. of 3 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, fell, 'en')).toBe('A decrease of €220 mln. or 3 percent compared with 4 Feb 2025.');
  });

  it('says the total is the same where the letter says "evenveel"', () => {
    const same = letter(8_700 * MILLION, 8_700 * MILLION, 0);
    expect(totalChangeSentence(inDutch, same, 'nl')).toBe('Evenveel als op 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, same, 'en')).toBe('The same as on 4 Feb 2025.');
  });

  it('says a change under a whole percent, and one less than the printed totals show, as the letter does', () => {
    const slightly = letter(8_700 * MILLION, 8_700 * MILLION, 10 * MILLION, { increaseLessThan: true });
    expect(totalChangeSentence(inDutch, slightly, 'nl')).toBe('Een toename van minder dan €10 mln. of minder dan 1 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, slightly, 'en')).toBe('An increase of less than €10 mln. or less than 1 percent compared with 4 Feb 2025.');
  });

  it('gives no share of an earlier total of nothing, and no sentence for a first letter', () => {
    expect(totalChangeSentence(inDutch, letter(0, 8_700 * MILLION, 8_700 * MILLION), 'nl')).toBe('Een toename van €8,7 mld. ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inDutch, { ...letter(0, 8_700 * MILLION, 8_700 * MILLION), previousLetter: null }, 'nl')).toBeNull();
  });

  it('says the change in the words of the format the letter was frozen in', () => {
    // Before format 3 the letter said "0 procent" of a change under a whole percent, and named an amount under €1 mln. in mln.
    const slightly = (format: PublicLetterSnapshot['format']) => letter(8_700 * MILLION, 8_710 * MILLION, 10 * MILLION, {}, format);
    expect(totalChangeSentence(inDutch, slightly('steunregister-letter/2'), 'nl')).toBe('Een toename van €10 mln. of 0 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, slightly('steunregister-letter/1'), 'en')).toBe('An increase of €10 mln. or 0 percent compared with 4 Feb 2025.');
    expect(totalChangeSentence(inDutch, slightly('steunregister-letter/3'), 'nl')).toBe('Een toename van €10 mln. of minder dan 1 procent ten opzichte van 4 feb. 2025.');
    const small = (format: PublicLetterSnapshot['format']) => letter(0, MILLION / 2, MILLION / 2, {}, format);
    expect(totalChangeSentence(inDutch, small('steunregister-letter/2'), 'nl')).toBe('Een toename van €0,5 mln. ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inDutch, small('steunregister-letter/3'), 'nl')).toBe('Een toename van €500.000 ten opzichte van 4 feb. 2025.');
    // Before format 6 it wrote a share of a thousand percent or more ungrouped.
    const tenfold = (format: PublicLetterSnapshot['format']) => letter(800 * MILLION, 9_936 * MILLION, 9_136 * MILLION, {}, format);
    expect(totalChangeSentence(inDutch, tenfold('steunregister-letter/5'), 'nl')).toBe('Een toename van €9,14 mld. of 1142 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inDutch, tenfold('steunregister-letter/6'), 'nl')).toBe('Een toename van €9,14 mld. of 1.142 procent ten opzichte van 4 feb. 2025.');
    expect(totalChangeSentence(inEnglish, tenfold('steunregister-letter/6'), 'en')).toBe('An increase of €9,14 mld. or 1,142 percent compared with 4 Feb 2025.');
  });
});
