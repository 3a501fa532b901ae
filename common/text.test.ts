import { describe, expect, it } from 'vitest';
import { contentFault, isBlank, mixedScriptWord, nameKey, normaliseReference, referenceKey, textFault } from './text.ts';

describe('the characters of a typed text', () => {
  it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'])(
    'refuses the direction control %j anywhere in a text',
    (control) => {
      expect(textFault(`Levering${control} 1`)).toBe('directionControl');
      expect(textFault(`${control}exe.txt`, { multiline: true })).toBe('directionControl');
    },
  );

  it('takes letters of any script, accents and a joined emoji', () => {
    expect(textFault('Oekraïne – Україна, ca. 100 stuks 👨‍👩‍👧')).toBeUndefined();
  });

  it.each(['\u200b', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u2062', '\u{e0041}', '\u3164', '\uffa0', '\u115f', '\u1160', '\u034f', '\u17b4', '\u17b5'])('refuses the invisible character %j within a text, on one line or several', (character) => {
    expect(textFault(`Probe${character}x`)).toBe('invisibleCharacter');
    expect(textFault(`Probe${character}x`, { multiline: true })).toBe('invisibleCharacter');
  });

  it('leaves a text that shows nothing at all to be judged as not filled in', () => {
    expect(textFault(' \u200b\ufeff ')).toBeUndefined();
  });

  it('takes the joiners of Persian and of emoji, and the tags of a flag', () => {
    expect(textFault('می\u200cخواهم')).toBeUndefined();
    expect(textFault('🏳\ufe0f\u200d🌈 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}')).toBeUndefined();
  });

  it('takes a variation selector after the character whose form it selects, and refuses one after nothing that shows', () => {
    expect(textFault('Let op ⚠\ufe0f, 1\ufe0f\u20e3 葛\u{e0100}飾 ᠠ\u180b')).toBeUndefined();
    expect(textFault('\ufe0fDrones')).toBe('invisibleCharacter');
    expect(textFault('Drones \ufe0f')).toBe('invisibleCharacter');
    expect(textFault('Drones\ufe0f\ufe0f', { multiline: true })).toBe('invisibleCharacter');
    expect(textFault('Drones \u{e0100}x')).toBe('invisibleCharacter');
  });

  it.each(['\u2028', '\u2029'])('refuses the separator %j on one line, and takes it in a text of several lines', (separator) => {
    expect(textFault(`Probe${separator}x`)).toBe('lineSeparator');
    expect(textFault(`Probe${separator}x`, { multiline: true })).toBeUndefined();
  });
});

describe('a reference in one form', () => {
  it.each([
    ['Cafe\u0301-1', 'Café-1'],
    ['INV\u20027', 'INV 7'],
    ['INV\u202f7', 'INV 7'],
    ['INV\u00a07', 'INV 7'],
    ['INV\u16807', 'INV 7'],
    ['ＩＮＶ-１', 'INV-1'],
  ])('writes %j as %j, whose key is that of the reference as commonly typed', (typed, normal) => {
    expect(normaliseReference(typed)).toBe(normal);
    expect(referenceKey(normaliseReference(typed))).toBe(referenceKey(normal));
  });

  it('leaves a reference in that form as it is', () => {
    expect(normaliseReference('Café-1 INV 7\tx')).toBe('Café-1 INV 7\tx');
  });
});

describe('the key a name is matched by', () => {
  it.each(['QA Defensie BV', 'qa defensie bv', 'QA Défensie BV', 'QA De\u0301fensie BV', 'QA  Defensie BV ', ' QA\u00a0Defensie\tBV'])('is that of "QA Defensie BV" for %j', (typed) => {
    expect(nameKey(typed)).toBe('qa defensie bv');
  });

  it('folds letters beyond A-Z, and keeps apart what differs in more than case, accents and spaces', () => {
    expect(nameKey('УКРОБОРОНПРОМ')).toBe(nameKey('Укроборонпром'));
    expect(nameKey('Oekraïne Øst')).toBe('oekraine øst');
    expect(nameKey('QADefensie BV')).not.toBe(nameKey('QA Defensie BV'));
  });

  it.each([
    ['QA B\u0435drijf BV', 'Cyrillic е'],
    ['QA \u0412EDRIJF BV', 'Cyrillic capital В'],
    ['QA \u0392\u0395DRIJF BV', 'Greek capitals Β and Ε'],
    ['q\u03b1 bedrijf bv', 'Greek α'],
    ['QA Bedr\u0456jf BV', 'Ukrainian і'],
  ])('reads %j (%s) as "QA Bedrijf BV" reads', (typed) => {
    expect(nameKey(typed)).toBe(nameKey('QA Bedrijf BV'));
  });

  it('reads a Cyrillic word that looks Latin as that Latin word, in either case, and keeps Cyrillic names apart', () => {
    expect(nameKey('QA \u0422\u041e\u0420 BV')).toBe(nameKey('QA TOP BV'));
    expect(nameKey('ВАНК')).toBe(nameKey('ванк'));
    expect(nameKey('Київ')).toBe(nameKey('КИЇВ'));
    expect(nameKey('Київ')).not.toBe(nameKey('Кива'));
    expect(nameKey('Укроборонпром')).not.toBe(nameKey('Укроборонсервіс'));
  });

  it.each(['QA Defensie B.V.', 'QA Defensie B. V.', 'QA Defensie b.v', 'QA Defensie BV.'])('reads the initials of %j as "BV"', (typed) => {
    expect(nameKey(typed)).toBe(nameKey('QA Defensie BV'));
  });

  it('leaves out the dot of an abbreviation at the end of a word, and keeps one within a word or a number', () => {
    expect(nameKey('QA Defensie Ltd.')).toBe(nameKey('QA Defensie Ltd'));
    expect(nameKey('U.S.A. Defense Inc.')).toBe('usa defense inc');
    expect(nameKey('Booking.com BV')).toBe('booking.com bv');
    expect(nameKey('Systems 3.5 BV')).toBe('systems 3.5 bv');
    expect(nameKey('QA Defensie B V')).not.toBe(nameKey('QA Defensie BV'));
  });
});

describe('what a typed text says', () => {
  it.each(['', '   ', '\u200b', '\u0301', ' \u200b\ufeff\u00ad ', '\n\t', '\u3164', ' \uffa0\u3164 ', '\u115f\u1160', '\u034f', '\ufe0f'])('takes %j as not filled in', (text) => {
    expect(isBlank(text)).toBe(true);
    expect(contentFault(text, { required: true })?.code).toBe('required');
    expect(contentFault(text, { required: false, format: 'reference' })).toBeUndefined();
  });

  it('wants a letter or digit in a required text, or in one of a format, but not in a free note', () => {
    expect(contentFault('???', { required: true })?.code).toBe('noLetterOrDigit');
    expect(contentFault('-', { required: false, format: 'quantity' })?.code).toBe('noLetterOrDigit');
    expect(contentFault('-', { required: false })).toBeUndefined();
    expect(contentFault('é', { required: true })).toBeUndefined();
    expect(contentFault('٣', { required: true })).toBeUndefined();
  });

  it('counts no Hangul filler as a letter, though Unicode calls it one', () => {
    expect(contentFault('\u3164?', { required: true, format: 'title' })?.code).toBe('noLetterOrDigit');
    expect(contentFault('-\uffa0-', { required: true })?.code).toBe('noLetterOrDigit');
    expect(contentFault('한국', { required: true, format: 'title' })).toBeUndefined();
  });

  it.each(['nr 460 ???', 'Levering ??', 'Drones？？', 'nr 460 ? ? ?', 'nr 460 ?  ?', 'Drones ？ ?'])('refuses a title with a run of question marks: %j', (title) => {
    expect(contentFault(title, { required: true, format: 'title' })?.code).toBe('placeholderText');
  });

  it('takes a title that asks a question', () => {
    expect(contentFault('Wat levert Nederland?', { required: true, format: 'title' })).toBeUndefined();
    expect(contentFault('Wat? Drones? Ja.', { required: true, format: 'title' })).toBeUndefined();
  });

  it.each([
    ['QA B\u0435drijf BV', { word: 'B\u0435drijf', letters: '\u0435', script: 'latin' }],
    ['Leopard \u039fpl\u03b1de', { word: '\u039fpl\u03b1de', letters: '\u039f\u03b1', script: 'latin' }],
    ['\u041a\u0438\u0457\u0432 K\u0438\u0457\u0432', { word: 'K\u0438\u0457\u0432', letters: 'K', script: 'cyrillic' }],
    ['Dr\u043e\u043en\u0435s', { word: 'Dr\u043e\u043en\u0435s', letters: '\u043e\u0435', script: 'latin' }],
  ])('refuses a title with a word of Latin mixed with Cyrillic or Greek letters: %j', (title, mixed) => {
    expect(mixedScriptWord(title)).toEqual(mixed);
    expect(contentFault(title, { required: true, format: 'title' })).toEqual({ code: 'mixedScripts', params: mixed });
  });

  it.each(['Oekraïne – Україна', 'ТОВ «Укроборонпром»', 'Ελληνική Αεροπορική Βιομηχανία', 'Т-72Б3 tanks', 'µm', 'QA Défensie B.V.'])('takes a title whose every word is in one script: %j', (title) => {
    expect(contentFault(title, { required: true, format: 'title' })).toBeUndefined();
  });

  it('takes a free text that quotes letters of another script within a word', () => {
    expect(contentFault('Bеdrijf', { required: true })).toBeUndefined();
  });

  it.each(['nr 460 ???', '-1', '"KTR"', 'KTR<1>', '*', 'Kenmerk!'])('refuses a reference that is no reference: %j', (reference) => {
    expect(contentFault(reference, { required: true, format: 'reference' })?.code).toMatch(/^(referenceFormat|noLetterOrDigit)$/);
  });

  it.each(['NL-2025-0001', 'Demonstratie: G2B-drones-2025', 'DMO/2025/0012', 'KVK 12345678', 'EPF-NL-2025-07', 'ktr_8', 'nr. 12 (b)', 'VOORBEELD / EXAMPLE', 'Zaak\u00a012'])(
    'takes a reference: %j',
    (reference) => {
      expect(contentFault(reference, { required: true, format: 'reference' })).toBeUndefined();
    },
  );

  it.each(['-5', 'ca. -5', '−3', '???', '3?', 'drie!'])('refuses a public quantity that is none: %j', (quantity) => {
    expect(contentFault(quantity, { required: false, format: 'quantity' })?.code).toMatch(/^(quantityFormat|noLetterOrDigit)$/);
  });

  it.each(['3', 'ca. 100', 'circa 100', 'meerdere', '2-3', '1.000 stuks', 'een batterij', '3 F-16\'s', '> 100', '≥ 100', '≤ 100'])('takes a public quantity: %j', (quantity) => {
    expect(contentFault(quantity, { required: false, format: 'quantity' })).toBeUndefined();
  });
});
