import { describe, expect, it } from 'vitest';
import { reason } from './messages.ts';

describe('amounts in the reasons of a refusal', () => {
  it('are written exactly from their digits, beyond what a floating-point division keeps', () => {
    // 2^53 + 1 cents: divided by a hundred as a double, its last cent was lost.
    expect(reason('nl', 'exceedsYearBudget', { year: '2026', available: '9007199254740993' })).toMatch(/€\s90\.071\.992\.547\.409,93 /);
    expect(reason('en', 'exceedsYearBudget', { year: '2026', available: '-1234' })).toContain('-€12.34');
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

describe('numbers in the reasons of a refusal', () => {
  it('group a large maximum as their reader does and leave a year as it is written', () => {
    expect(reason('nl', 'tooLarge', { maximum: '1000000' })).toBe('Vul een getal in van hoogstens 1.000.000.');
    expect(reason('en', 'tooLarge', { maximum: '1000000' })).toBe('Enter a number of at most 1,000,000.');
    expect(reason('nl', 'tooLarge', { maximum: '2040' })).toBe('Vul een getal in van hoogstens 2040.');
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
