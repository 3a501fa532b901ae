/**
 * Numbers written in Dutch or English words, as a person types a count: "twintig", "eenentwintig",
 * "tweeëntwintig", "zevenhonderdvijftig", "een miljoen", "anderhalf miljoen", "een half miljoen",
 * "twenty-one", "a thousand", "one hundred and five", "half a million", "one and a half million". Dutch writes a number below a million as one word; either language may write
 * its parts apart ("twee duizend", "honderd en vijf"), which are read together while they make one number.
 */

/** Where a number in words stands in a text, and what it is. */
export interface NumberInWords {
  value: number;
  start: number;
  end: number;
}

const DUTCH_UNITS = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const DUTCH_TENS = ['twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const DUTCH_TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const ENGLISH_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ENGLISH_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];

/**
 * The words below a hundred and of a half, as read without accents ("één" is "een", "tweeëntwintig"
 * "tweeentwintig"): Dutch puts the unit before the tens, joined by "en" ("eenentwintig"), and halves one
 * and more ("anderhalf", "tweeënhalf").
 */
const SMALL = new Map<string, number>([
  ...[DUTCH_UNITS, ENGLISH_UNITS].flatMap((units) => units.map((word, index): [string, number] => [word, index + 1])),
  ...[DUTCH_TEENS, ENGLISH_TEENS].flatMap((teens) => teens.map((word, index): [string, number] => [word, index + 10])),
  ...[DUTCH_TENS, ENGLISH_TENS].flatMap((tens) => tens.map((word, index): [string, number] => [word, (index + 2) * 10])),
  ...DUTCH_TENS.flatMap((tens, ten) => DUTCH_UNITS.map((unit, index): [string, number] => [`${unit}en${tens}`, (ten + 2) * 10 + index + 1])),
  ['half', 0.5], ['halve', 0.5], ['anderhalf', 1.5], ['anderhalve', 1.5],
  ...DUTCH_UNITS.slice(1).flatMap((unit, index): [string, number][] => [[`${unit}enhalf`, index + 2.5], [`${unit}enhalve`, index + 2.5]]),
]);

/** The words that multiply what comes before them ("twee duizend", "tweeduizend", "a dozen"), or stand for one of them alone. */
const SCALES = new Map<string, number>([
  ['dozijn', 12], ['dozen', 12], ['honderd', 100], ['hundred', 100], ['duizend', 1_000], ['thousand', 1_000],
  ['miljoen', 1e6], ['mln', 1e6], ['million', 1e6], ['miljard', 1e9], ['mld', 1e9], ['billion', 1e9], ['biljoen', 1e12], ['trillion', 1e12],
]);

/** The words of none: each a number of its own. */
const ZERO = new Set(['nul', 'geen', 'zero', 'none', 'no', 'nil']);
/** "No" before these says how many at most or at least ("no more than 5"), not none. */
const COMPARATIVES = new Set(['more', 'less', 'fewer', 'later', 'earlier']);
/**
 * Words between the parts of one number: "honderd en vijf", "one hundred and five"; not before the tens, where
 * they make a range ("tussen vijf en twintig"): Dutch writes 25 as one word, "vijfentwintig".
 */
const CONNECTORS = new Set(['en', 'and']);
/** "A" is one before a word of scale only ("a thousand"); elsewhere it counts nothing ("a battery"). */
const ARTICLES = new Set(['a', 'an']);
/**
 * The words of a half, whose article counts nothing ("een half miljoen", "a half million", "one and a half"),
 * nor does the "a" after it before a word of scale ("half a million" is half of a million).
 */
const HALVES = new Set(['half', 'halve']);
const ARTICLES_OF_A_HALF = new Set([...ARTICLES, 'een']);

type Part = { kind: 'small'; value: number } | { kind: 'scale'; value: number };

/** A word as its table has it: lower case, without accents. */
const bare = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The parts a word is made of ("zevenhonderdvijftig": 7, 100, 50), or undefined for a word that is no number. */
function partsOf(word: string): Part[] | undefined {
  if (word === '') return [];
  for (let length = word.length; length > 0; length--) {
    const head = word.slice(0, length);
    const small = SMALL.get(head);
    const scale = SCALES.get(head);
    if (small === undefined && scale === undefined) continue;
    const rest = partsOf(word.slice(length));
    if (rest) return [small === undefined ? { kind: 'scale', value: scale! } : { kind: 'small', value: small }, ...rest];
  }
  return undefined;
}

/**
 * One number being read, part after part: the sum of the groups closed by a scale of a thousand or more
 * (`total`, the least of those scales `lastScale`), and the group being read (`group`, below a thousand).
 */
interface Reading {
  total: number;
  group: number;
  lastScale: number;
}

const NOTHING_READ: Reading = { total: 0, group: 0, lastScale: Infinity };

/** The reading with a part added, or undefined where the part does not continue the number ("vijf zes"). */
function withPart(reading: Reading, part: Part, afterConnector: boolean): Reading | undefined {
  const { total, group, lastScale } = reading;
  if (part.kind === 'small') {
    const value = part.value;
    if (group === 0) return Number.isInteger(value) || total === 0 ? { ...reading, group: value } : undefined;
    // "twee en een half", "two and a half"
    if (afterConnector && value === 0.5 && Number.isInteger(group)) return { ...reading, group: group + value };
    if (!Number.isInteger(group) || !Number.isInteger(value)) return undefined;
    const afterHundreds = group % 100 === 0 && value < 100;
    const unitAfterTens = !afterConnector && group % 10 === 0 && group % 100 >= 20 && value < 10;
    return afterHundreds || unitAfterTens ? { ...reading, group: group + value } : undefined;
  }
  if (afterConnector) return undefined;
  const scale = part.value;
  if (scale < 1_000) return group < 100 ? { ...reading, group: (group || 1) * scale } : undefined;
  if (total === 0) return { total: (group || 1) * scale, group: 0, lastScale: scale };
  if (scale < lastScale) return { total: total + (group || 1) * scale, group: 0, lastScale: scale };
  if (scale > lastScale) return { total: (total + group) * scale, group: 0, lastScale: scale };
  return undefined;
}

function withParts(reading: Reading, parts: readonly Part[], afterConnector: boolean): Reading | undefined {
  let read: Reading | undefined = reading;
  for (const [index, part] of parts.entries()) {
    read = withPart(read, part, afterConnector && index === 0);
    if (read === undefined) return undefined;
  }
  return read;
}

/** Words between which one number goes on: spaces, or a hyphen ("twenty-one", "duizend-en-een"). */
const JOINED = /^(?:\s+|\s*[-‐]\s*)$/u;

/**
 * The numbers a text writes in words, each as long as its words make one number ("een miljoen
 * tweehonderdduizend" is one, "vijf of zes" two), the words of none among them as 0.
 */
export function numbersInWords(text: string): NumberInWords[] {
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((match) => ({ word: bare(match[0]), start: match.index, end: match.index + match[0].length }));
  const found: NumberInWords[] = [];
  let reading: Reading = NOTHING_READ;
  let start = 0;
  let end = 0;
  /** Where the words taken into the number end, a connector or an article counting nothing included. */
  let taken = 0;
  let connector = false;
  /** Where the article of a half begins, which begins the number. */
  let articleStart: number | undefined;
  const close = () => {
    if (reading !== NOTHING_READ) found.push({ value: reading.total + reading.group, start, end });
    reading = NOTHING_READ;
    connector = false;
  };
  for (const [index, { word, start: wordStart, end: wordEnd }] of words.entries()) {
    const next = words[index + 1];
    const joinedToNext = next !== undefined && JOINED.test(text.slice(wordEnd, next.start));
    if (reading !== NOTHING_READ && !JOINED.test(text.slice(taken, wordStart))) close();
    if (ZERO.has(word)) {
      close();
      if (word !== 'no' || !next || !COMPARATIVES.has(next.word)) found.push({ value: 0, start: wordStart, end: wordEnd });
      continue;
    }
    if (CONNECTORS.has(word) && reading !== NOTHING_READ && !connector) {
      connector = true;
      taken = wordEnd;
      continue;
    }
    const nextIsScale = joinedToNext && partsOf(next.word)?.[0]?.kind === 'scale';
    const afterHalf = reading !== NOTHING_READ && !Number.isInteger(reading.group);
    // Such an article counts nothing: the half or the word of scale after it is read next, from the article on.
    if ((ARTICLES_OF_A_HALF.has(word) && joinedToNext && HALVES.has(next.word)) || (ARTICLES.has(word) && nextIsScale && afterHalf)) {
      articleStart = wordStart;
      taken = wordEnd;
      continue;
    }
    const parts = ARTICLES.has(word) ? (nextIsScale ? [{ kind: 'small', value: 1 } as const] : undefined) : partsOf(word);
    if (parts === undefined || parts.length === 0) {
      close();
      continue;
    }
    const continued = reading === NOTHING_READ ? undefined : withParts(reading, parts, connector);
    if (continued === undefined) {
      close();
      const alone = withParts(NOTHING_READ, parts, false);
      if (alone === undefined) continue;
      reading = alone;
      start = articleStart ?? wordStart;
    } else {
      reading = continued;
    }
    articleStart = undefined;
    end = wordEnd;
    taken = wordEnd;
    connector = false;
  }
  close();
  return found;
}
