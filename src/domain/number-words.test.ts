import { describe, expect, it } from 'vitest';
import { numbersInWords } from './number-words.ts';

const valuesIn = (text: string) => numbersInWords(text).map((number) => number.value);

describe('a number in Dutch words', () => {
  it.each([
    ['een', 1], ['één', 1], ['Eén', 1], ['zes', 6], ['tien', 10], ['elf', 11], ['twaalf', 12], ['achttien', 18], ['negentien', 19],
    ['twintig', 20], ['eenentwintig', 21], ['tweeëntwintig', 22], ['tweeentwintig', 22], ['drieëndertig', 33], ['negenennegentig', 99],
    ['honderd', 100], ['honderdeen', 101], ['honderdvijftig', 150], ['zeshonderd', 600], ['zevenhonderdvijftig', 750], ['negentienhonderd', 1_900],
    ['duizend', 1_000], ['tweeduizend', 2_000], ['tweeduizendvijfentwintig', 2_025], ['honderdduizend', 100_000], ['tweehonderdvijftigduizend', 250_000],
    ['een miljoen', 1_000_000], ['Een Miljoen', 1_000_000], ['twee miljoen', 2_000_000], ['miljoen', 1_000_000], ['een miljard', 1_000_000_000],
    ['een miljoen tweehonderdduizend', 1_200_000], ['twee miljoen duizend', 2_001_000], ['duizend miljoen', 1_000_000_000],
    ['twee duizend', 2_000], ['vijf honderd', 500], ['honderd en vijf', 105], ['duizend-en-een', 1_001],
    ['anderhalf', 1.5], ['anderhalf miljoen', 1_500_000], ['anderhalve', 1.5], ['tweeënhalf miljoen', 2_500_000], ['een half miljoen', 500_000], ['een dozijn', 12],
  ])('reads %j as %d', (text, value) => {
    expect(valuesIn(text)).toContain(value);
    expect(Math.max(...valuesIn(text))).toBe(value);
  });
});

describe('a number in English words', () => {
  it.each([
    ['one', 1], ['six', 6], ['twelve', 12], ['nineteen', 19], ['twenty', 20], ['twenty-one', 21], ['twenty one', 21], ['Ninety-Nine', 99],
    ['one hundred', 100], ['a hundred', 100], ['one hundred and five', 105], ['seven hundred fifty', 750], ['nineteen hundred', 1_900],
    ['thousand', 1_000], ['a thousand', 1_000], ['two thousand five hundred', 2_500], ['one hundred twenty-three thousand four hundred fifty-six', 123_456],
    ['one million', 1_000_000], ['a million', 1_000_000], ['two billion', 2_000_000_000], ['two dozen', 24],
  ])('reads %j as %d', (text, value) => {
    expect(valuesIn(text)).toEqual([value]);
  });
});

describe('a half in words', () => {
  it.each([
    ['een half', 0.5], ['een halve', 0.5], ['een half miljoen', 500_000], ['half miljoen', 500_000], ['twee en een half miljoen', 2_500_000], ['een en een half', 1.5], ['een half dozijn', 6],
    ['a half', 0.5], ['half a million', 500_000], ['a half million', 500_000], ['one and a half million', 1_500_000], ['two and a half thousand', 2_500], ['half a dozen', 6],
  ])('reads %j as %d alone, the article of the half not as one', (text, value) => {
    expect(valuesIn(text)).toEqual([value]);
  });

  it('begins a half at its article, where a word before the number stands', () => {
    expect(numbersInWords('ruim een half miljoen')).toEqual([{ value: 500_000, start: 5, end: 21 }]);
    expect(numbersInWords('over half a million rounds')).toEqual([{ value: 500_000, start: 5, end: 19 }]);
  });

  it('reads "a" after a half before no magnitude as nothing of the number', () => {
    expect(valuesIn('half a battery')).toEqual([0.5]);
  });
});

describe('the numbers in words of a text', () => {
  it('are where they stand, each as far as its words make one number', () => {
    expect(numbersInWords('ca. twintig trainers')).toEqual([{ value: 20, start: 4, end: 11 }]);
    expect(numbersInWords('zes of zeven')).toEqual([{ value: 6, start: 0, end: 3 }, { value: 7, start: 7, end: 12 }]);
    expect(valuesIn('vijf en zes')).toEqual([5, 6]);
    expect(valuesIn('tussen vijf en twintig')).toEqual([5, 20]);
    expect(valuesIn('between twenty and thirty')).toEqual([20, 30]);
    expect(valuesIn('twintig en vijf')).toEqual([20, 5]);
    expect(valuesIn('vijf zes')).toEqual([5, 6]);
    expect(valuesIn('twintig, vijf')).toEqual([20, 5]);
  });

  it('read the words of none as 0, but not "no" before a comparison', () => {
    for (const none of ['nul', 'geen', 'Geen stuks', 'zero', 'none', 'no']) expect(valuesIn(none), none).toEqual([0]);
    expect(valuesIn('no more than five')).toEqual([5]);
  });

  it('are not read in words that only hold one ("eenheden", "tientallen", "duizenden") nor in an article alone', () => {
    for (const text of ['eenheden', 'tientallen', 'honderden', 'duizenden', 'miljoenen', 'tienduizenden', 'thousands', 'hundreds of thousands', 'tenten', 'enkele', 'meerdere', 'diverse', 'a battery', 'someone', 'F-16']) {
      expect(valuesIn(text), text).toEqual([]);
    }
  });
});
