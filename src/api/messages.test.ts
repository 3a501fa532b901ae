import { describe, expect, it } from 'vitest';
import { reason } from './messages.ts';

describe('amounts in the reasons of a refusal', () => {
  it('are written exactly from their digits, beyond what a floating-point division keeps', () => {
    // 2^53 + 1 cents: divided by a hundred as a double, its last cent was lost.
    expect(reason('nl', 'exceedsYearBudget', { year: '2026', available: '9007199254740993' })).toMatch(/€\s90\.071\.992\.547\.409,93 /);
    expect(reason('en', 'exceedsYearBudget', { year: '2026', available: '-1234' })).toContain('-€12.34');
  });

  it('and numbers are given as examples in English as English writes them, the euro sign against the figure and no point between thousands', () => {
    for (const code of ['notAnAmount', 'amountAmbiguous', 'numberAmbiguous', 'amountTooLarge', 'convertedAmountTooLarge']) {
      const text = reason('en', code, { shown: '1,234' });
      expect(text, code).not.toMatch(/€\s\d|\d\.\d{3}\b/);
    }
  });
});

describe('dates in the reasons of a refusal', () => {
  it('are written as their reader writes dates, in either language', () => {
    expect(reason('nl', 'beforeBlockage', { blockedOn: '2025-05-01' })).toBe('De declaratie is pas vanaf 1 mei 2025 geblokkeerd; een opheffing ligt op of na die datum.');
    expect(reason('en', 'alreadyBlocked', { blockedOn: '2025-05-01' })).toContain('blocked from 1 May 2025 until');
  });

  it('leave a value quoted as it was typed or stored as it is, and a date that does not exist too', () => {
    expect(reason('nl', 'totalsRow', { shown: '2025-05-01' })).toContain('(2025-05-01)');
    expect(reason('nl', 'beforeBlockage', { blockedOn: '2025-02-30' })).toContain('vanaf 2025-02-30 geblokkeerd');
    expect(reason('en', 'differsFromRegister', { stored: '2025-06-01', inFile: '2025-06-02', kind: 'date' })).toContain('holds 1 June 2025 under this reference, this file 2 June 2025;');
  });
});

describe('a record of the path that is not found', () => {
  it('is named in words, with the id as it was asked for', () => {
    expect(reason('nl', 'recordNotFound', { record: 'coproductionProject', id: '2025-01-01' })).toBe('Er is geen coproductieproject met id 2025-01-01 gevonden.');
    expect(reason('en', 'recordNotFound', { record: 'milestone', id: '2025-01-01' })).toBe('No contract milestone with id 2025-01-01 was found.');
  });
});

describe('a date in figures an import cannot tell day first from month first', () => {
  it('is given each way as it may be typed and written out, and the date that showed its file writes the month first by its row, and its sheet when another', () => {
    const ambiguous = { shown: '9/10/2025', dayFirst: '2025-10-09', monthFirst: '2025-09-10', monthFirstShown: '08/13/2025', monthFirstRow: '5' };
    expect(reason('nl', 'ambiguousDate', ambiguous)).toBe(
      '9/10/2025 kan met de maand eerst geschreven zijn, zoals in de Verenigde Staten: dit bestand heeft ook 08/13/2025 (regel 5), dat alleen zo te lezen is. Schrijf 2025-09-10 of 10 september 2025 als de maand eerst staat, 2025-10-09 of 9 oktober 2025 als de dag eerst staat.',
    );
    expect(reason('en', 'ambiguousDate', { ...ambiguous, monthFirstSheet: 'Leveringen' })).toBe(
      '9/10/2025 may be written month first, as in the United States: this file also has 08/13/2025 (row 5 of the sheet Leveringen), which only reads so. Write 2025-09-10 or 10 September 2025 if the month comes first, 2025-10-09 or 9 October 2025 if the day does.',
    );
  });

  it('that reads only month first is said to, not to be no date', () => {
    expect(reason('en', 'monthFirstDate', { shown: '08/13/2025', monthFirst: '2025-08-13' })).toBe(
      '08/13/2025 only reads with the month first, as in the United States (13 August 2025); the register reads a date in figures day first. If that day is meant, write 2025-08-13 or 13 August 2025.',
    );
  });
});

describe('numbers in the reasons of a refusal', () => {
  it('group a large maximum as their reader does and leave a year as it is written', () => {
    expect(reason('nl', 'tooLarge', { maximum: '1000000' })).toBe('Vul een getal in van hoogstens 1.000.000.');
    expect(reason('en', 'tooLarge', { maximum: '1000000' })).toBe('Enter a number of at most 1,000,000.');
    expect(reason('nl', 'tooLarge', { maximum: '2040' })).toBe('Vul een getal in van hoogstens 2040.');
  });

  it('group every limit and count of five digits or more as their reader does, in either language', () => {
    expect(reason('nl', 'tooLong', { maximum: '10000' })).toBe('Gebruik hoogstens 10.000 tekens.');
    expect(reason('en', 'tooLong', { maximum: '10000' })).toBe('Use at most 10,000 characters.');
    expect(reason('nl', 'tooManyRows', { maximum: '110000' })).toBe('Dit bestand heeft meer dan 110.000 regels; verdeel de regels over meer bestanden.');
    expect(reason('en', 'tooManyRows', { maximum: '110000' })).toBe('This file has more than 110,000 rows; spread the rows over more files.');
    expect(reason('nl', 'tooManyCells', { maximum: '2500000' })).toContain('meer dan 2.500.000 cellen;');
    expect(reason('nl', 'wholeNumberOutOfRange', { minimum: '2014', maximum: '100000' })).toBe('Vul een geheel getal in van 2014 tot en met 100.000.');
    expect(reason('nl', 'quantityAboveLicence', { licence: 'NL-1', authorised: '25000', quantity: '30000' })).toBe('Vergunning NL-1 dekt 25.000 stuks; deze levering is 30.000 stuks.');
    expect(reason('en', 'moreThanDelivered', { maximum: '12500' })).toBe('Together with other projects that is more than was delivered; at most 12,500 is left here.');
    expect(reason('nl', 'paymentFarAboveValuation', { amount: '100000000', valuation: '100', ratio: '1000000' })).toContain('is 1.000.000 keer de waardering');
    expect(reason('nl', 'undecidedDeliveries', { count: '12000' })).toContain('Er zijn nog 12.000 tot de peildatum gerealiseerde of op de EPF gedeclareerde leveringen');
    expect(reason('en', 'stockDeliveriesNotJudged', { of: '20000', count: '15000', referenceDate: '2025-08-31' })).toContain('Of the 20,000 stock deliveries up to 31 August 2025, 15,000 had');
    expect(reason('nl', 'stockDeliveriesNotJudged', { of: '1234', count: '1200', referenceDate: '2025-08-31' })).toContain('Van de 1234 leveringen uit voorraad tot en met 31 augustus 2025 hadden er 1200 op');
    expect(reason('nl', 'shipmentsWithoutLicence', { of: '20000', count: '15000', referenceDate: '2025-08-31' })).toContain('Van de 20.000 leveringen die tot en met 31 augustus 2025 zijn overgedragen of geleverd en een exportvergunning nodig hadden, hadden er 15.000 bij vertrek');
    expect(reason('nl', 'namedByRecords', { records: 'epfClaims', count: '10000' })).toContain('10.000 EPF-declaraties noemen haar');
    // A size is given with its unit, a row by its number as the sheet shows it.
    expect(reason('nl', 'fileTooLarge', { maximum: '20 MB' })).toContain('hoogstens 20 MB.');
    expect(reason('nl', 'unclosedQuote', { row: '12345' })).toContain('op regel 12345 van');
  });

  it('write a bound with decimals with the decimal sign of their reader, every decimal kept', () => {
    expect(reason('nl', 'tooSmall', { minimum: '0.00000001' })).toBe('Vul een getal in van minstens 0,00000001.');
    expect(reason('en', 'tooSmall', { minimum: '0.00000001' })).toBe('Enter a number of at least 0.00000001.');
    expect(reason('nl', 'tooLarge', { maximum: '12345.5' })).toBe('Vul een getal in van hoogstens 12.345,5.');
    expect(reason('en', 'tooLarge', { maximum: '12345.5' })).toBe('Enter a number of at most 12,345.5.');
    expect(reason('nl', 'tooLarge', { maximum: '2040.25' })).toBe('Vul een getal in van hoogstens 2040,25.');
  });

  it('say what a public quantity above its deliveries reads as, grouped, and what it may say instead', () => {
    expect(reason('nl', 'quantityAboveDelivered', { stated: '2500000', total: '3', deliveries: '1' })).toBe(
      'Het openbare aantal is te lezen als 2.500.000, meer dan de levering telt (3). Noem hoogstens 3, of zeg minder zonder getal, zoals "meerdere".',
    );
    expect(reason('en', 'quantityAboveDelivered', { stated: '2500000', total: '16', deliveries: '2' })).toBe(
      'The public quantity reads as 2,500,000, more than the 2 deliveries hold together (16). State at most 16, or say less without a number, such as "several".',
    );
  });

  it('name the types of support or the bases that keep deliveries decided at once from being one public item', () => {
    expect(reason('nl', 'supportTypesDiffer', { supportTypes: 'stock,procurement' })).toBe(
      'Leveringen waarover in één keer openbaar wordt besloten, zijn één openbare regel met één type steun; deze zijn van verschillende typen (directe levering uit voorraad en commerciële verwerving). Besluit over de leveringen van elk type apart.',
    );
    expect(reason('en', 'valueBasesDiffer', { bases: 'replacementValue,bookValue' })).toBe(
      'The value of deliveries decided public at once is one amount on one basis; these are valued on different bases (replacement value and book value). Decide on the deliveries of each basis apart, or keep the value back.',
    );
  });

  it('name the delivery whose value a sum beside one made public before would tell', () => {
    expect(reason('nl', 'valueTellsAnother', { title: 'Winterlaarzen' })).toBe(
      'De waarde van deze leveringen samen zou naast een eerder openbaar gemaakte som die van „Winterlaarzen” verraden, die zo nooit openbaar is gemaakt. Maak de waarde niet openbaar, of besluit over precies de leveringen waarvan de waarden eerder samen openbaar werden.',
    );
    expect(reason('en', 'valueTellsAnother', { title: 'Winterlaarzen' })).toBe(
      'The value of these deliveries together, beside a sum made public before, would tell that of “Winterlaarzen”, which was never made public so. Keep the value back, or decide on exactly the deliveries whose values were made public together before.',
    );
  });
});

describe('a figure of a record that counts only after the reference date', () => {
  it('names the figure and the day the record counts from, written out, in either language', () => {
    const params = { name: '{{budgetDecision:45e7a54d-4594-495d-a569-ba72076ed335}}', date: '2025-07-02' };
    expect(reason('nl', 'recordAfterReferenceDate', params)).toBe(
      'De tekst noemt {{budgetDecision:45e7a54d-4594-495d-a569-ba72076ed335}}, maar dat telt pas vanaf 2 juli 2025, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.',
    );
    expect(reason('en', 'recordAfterReferenceDate', params)).toBe(
      'The text names {{budgetDecision:45e7a54d-4594-495d-a569-ba72076ed335}}, but that counts only from 2 July 2025, after the reference date: it is not known yet at the reference date. Choose a later reference date, or do not name the figure.',
    );
  });
});
