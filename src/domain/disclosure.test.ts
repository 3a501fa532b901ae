import { describe, expect, it } from 'vitest';
import { decisionViolations, publicCategoryViolations, publicItemFigures, publicItemViolations, publicQuantityAboveDeliveredViolations, valueTellsAnotherViolations, type DecisionInput, type PublicItemMember } from './disclosure.ts';

const TODAY = '2025-09-10';
const decidedPublic = (quantity: string | null): DecisionInput => ({ state: 'public', presentation: { title: 'Generatoren', detail: '', category: 'nonLethal', quantity }, note: '' });
const quantityCodes = (quantity: string) => decisionViolations(decidedPublic(quantity), TODAY).map((violation) => violation.code);

describe('a public quantity', () => {
  it('states no 0, but may state a part of one', () => {
    expect(quantityCodes('0')).toEqual(['quantityStatesZero']);
    expect(quantityCodes('ca. 0 stuks')).toEqual(['quantityStatesZero']);
    expect(quantityCodes('0,5 ton')).toEqual([]);
    expect(quantityCodes('10')).toEqual([]);
  });

  it('states no fraction of items, but may state a measure, a magnitude or less', () => {
    expect(decisionViolations(decidedPublic('2,5'), TODAY)).toEqual([{ field: 'publicQuantity', code: 'quantityNotWhole', params: { stated: '2.5' } }]);
    for (const fraction of ['ca. 2.5', '2,5 stuks', '1.000,5', '1,2345 duizend', '2,5-3 exemplaren']) expect(quantityCodes(fraction)).toEqual(['quantityNotWhole']);
    for (const taken of ['ca. 2,5 mln.', '1,2 miljoen patronen', '1.5 million', '0,5 ton', 'ca. 100', 'enkele', '2-3', '1.000 stuks']) expect(quantityCodes(taken)).toEqual([]);
  });

  it('reads a word of magnitude as the number it makes', () => {
    expect(publicQuantityAboveDeliveredViolations('ca. 2,5 mln.', [1_000])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '2500000', total: '1000', deliveries: '1' } },
    ]);
    expect(publicQuantityAboveDeliveredViolations('ca. 2,5 mln.', [2_600_000])).toEqual([]);
  });

  it('states no number above what the decided deliveries hold together', () => {
    expect(publicQuantityAboveDeliveredViolations('500', [10])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '500', total: '10', deliveries: '1' } },
    ]);
    expect(publicQuantityAboveDeliveredViolations('ca. 20', [8, 8])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '20', total: '16', deliveries: '2' } },
    ]);
    expect(publicQuantityAboveDeliveredViolations('1.001', [1_000])).toHaveLength(1);
    for (const coarser of ['10', 'ca. 10', 'meerdere', '2-3', '1.000', 'ruim 600']) expect(publicQuantityAboveDeliveredViolations(coarser, [400, 600])).toEqual([]);
  });

  it('reads "more than" a number as at least one more, and "nearly" a number as that number', () => {
    expect(publicQuantityAboveDeliveredViolations('meer dan 3', [3])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '4', total: '3', deliveries: '1' } },
    ]);
    for (const more of ['Meer dan 3', 'ruim 3', 'more than 3', 'over 3', 'upwards of 3', 'bijna 4', 'nearly 4']) expect(publicQuantityAboveDeliveredViolations(more, [3]), more).toHaveLength(1);
    for (const held of ['meer dan 3', 'ruim 4.999', 'more than 3,000', 'over 3', 'upwards of 4999', 'bijna 5.000', 'nearly 5,000']) expect(publicQuantityAboveDeliveredViolations(held, [5_000]), held).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations('ruim 600', [400, 600])).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations('Rover 3', [3])).toEqual([]);
  });

  it('reads a word of many as the least it says: two of what it counts in', () => {
    expect(publicQuantityAboveDeliveredViolations('duizenden', [3])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '2000', total: '3', deliveries: '1' } },
    ]);
    const many = ['tientallen', 'dozens', 'honderden', 'hundreds', 'duizenden', 'Thousands', 'vele duizenden', 'many thousands'];
    for (const word of many) expect(publicQuantityAboveDeliveredViolations(word, [3]), word).toHaveLength(1);
    for (const word of many) expect(publicQuantityAboveDeliveredViolations(word, [5_000]), word).toEqual([]);
    for (const [word, least] of [['tientallen', 20], ['honderden', 200], ['duizenden', 2_000], ['tienduizenden', 20_000], ['tens of thousands', 20_000], ['honderdduizenden', 200_000], ['hundreds of thousands', 200_000], ['miljoenen', 2_000_000], ['millions', 2_000_000]] as const) {
      expect(publicQuantityAboveDeliveredViolations(word, [least]), word).toEqual([]);
      expect(publicQuantityAboveDeliveredViolations(word, [least - 1]), word).toHaveLength(1);
    }
    for (const fewer of ['enkele', 'meerdere', 'een aantal', 'several', 'some']) expect(publicQuantityAboveDeliveredViolations(fewer, [3]), fewer).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations('1,5 millions', [1_500_000])).toEqual([]);
  });

  it('is not held against deliveries when one has no quantity, nor when it says none', () => {
    expect(publicQuantityAboveDeliveredViolations('500', [10, null])).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations(null, [10])).toEqual([]);
  });

  it('does not read the number in a name as a count', () => {
    expect(publicQuantityAboveDeliveredViolations('4 F-16’s', [4])).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations('2 T72-tanks', [2])).toEqual([]);
  });
});

describe('a public quantity in words or signs, on a delivery of 5', () => {
  const onFive = (quantity: string) => [...decisionViolations(decidedPublic(quantity), TODAY), ...publicQuantityAboveDeliveredViolations(quantity, [5])];
  const above = (stated: string) => [{ field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated, total: '5', deliveries: '1' } }];

  it('is read as the number its words write, and refused above what was delivered, naming that number', () => {
    const read = [
      ['een miljoen', '1000000'], ['honderdduizend', '100000'], ['zeshonderd', '600'], ['duizend', '1000'], ['twaalf', '12'], ['tien', '10'], ['zes', '6'],
      ['thousand', '1000'], ['a thousand', '1000'], ['one million', '1000000'], ['one hundred', '100'], ['twenty-one', '21'], ['eenentwintig', '21'],
      ['tweeëntwintig', '22'], ['zevenhonderdvijftig', '750'], ['tweeduizend', '2000'], ['anderhalf miljoen', '1500000'], ['ca. twintig trainers', '20'], ['2 honderd', '200'],
    ];
    for (const [quantity, stated] of read) expect(onFive(quantity!), quantity).toEqual(above(stated!));
  });

  it('reads "more than", ">" and a plus after it as at least one more, in words too', () => {
    for (const [quantity, stated] of [['meer dan vijf', '6'], ['ruim vijf', '6'], ['more than five', '6'], ['> 5', '6'], ['>5', '6'], ['5+', '6'], ['5 +', '6'], ['5+ stuks', '6']]) {
      expect(onFive(quantity!), quantity).toEqual(above(stated!));
    }
  });

  it('takes what states no more than was delivered', () => {
    const taken = [
      'vijf', 'Vijf stuks', 'één', 'five', 'vier', 'meer dan vier', 'ruim vier', '> 4', '4+', '≥ 5', 'bijna vijf', 'ca. vijf', 'vier of vijf',
      'niet meer dan vijf', 'no more than 5', 'no more than five', 'een aantal', 'enkele', 'diverse', 'meerdere', 'een batterij', '5', '1e levering',
    ];
    for (const quantity of taken) expect(onFive(quantity), quantity).toEqual([]);
  });

  it('states no zero in words', () => {
    for (const zero of ['nul', 'geen', 'Geen stuks', 'zero', 'none', 'no']) expect(quantityCodes(zero), zero).toEqual(['quantityStatesZero']);
  });

  it('states a number, not a sum or a power of ten, which cannot be read reliably', () => {
    expect(decisionViolations(decidedPublic('5 + 1'), TODAY)).toEqual([{ field: 'publicQuantity', code: 'quantityExpression', params: { expression: '5 + 1' } }]);
    for (const [quantity, expression] of [['1e3', '1e3'], ['ca. 2,5E6 stuks', '2,5E6'], ['1e+3', '1e+3'], ['5+1', '5+1'], ['vijf + een', 'vijf + een'], ['4 + twee stuks', '4 + twee']]) {
      expect(decisionViolations(decidedPublic(quantity!), TODAY), quantity).toEqual([{ field: 'publicQuantity', code: 'quantityExpression', params: { expression } }]);
    }
  });

  it('states no fraction of items in words, but may with a magnitude', () => {
    expect(decisionViolations(decidedPublic('anderhalf'), TODAY)).toEqual([{ field: 'publicQuantity', code: 'quantityNotWhole', params: { stated: '1.5' } }]);
    expect(quantityCodes('anderhalve ton')).toEqual([]);
    expect(quantityCodes('duizend miljard')).toEqual(['tooLarge']);
  });

  it('reads half a magnitude as half of it, in Dutch and English, and a whole number and a half with it', () => {
    for (const [quantity, stated] of [
      ['een half miljoen', 500_000], ['half miljoen', 500_000], ['meer dan een half miljoen', 500_001], ['twee en een half miljoen', 2_500_000], ['een half dozijn', 6],
      ['half a million', 500_000], ['a half million', 500_000], ['more than half a million', 500_001], ['one and a half million', 1_500_000], ['two and a half thousand', 2_500], ['half a dozen', 6],
    ] as const) {
      expect(publicQuantityAboveDeliveredViolations(quantity, [stated]), quantity).toEqual([]);
      expect(publicQuantityAboveDeliveredViolations(quantity, [stated - 1]), quantity).toEqual([
        { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: String(stated), total: String(stated - 1), deliveries: '1' } },
      ]);
    }
  });

  it('states no half of an item, however written', () => {
    for (const half of ['een half', 'a half', 'half']) expect(decisionViolations(decidedPublic(half), TODAY), half).toEqual([{ field: 'publicQuantity', code: 'quantityNotWhole', params: { stated: '0.5' } }]);
  });

  it('reads a word of magnitude after digits with them, not again on its own, and a smaller number after both with them', () => {
    expect(publicQuantityAboveDeliveredViolations('0,5 miljoen', [500_000])).toEqual([]);
    expect(publicQuantityAboveDeliveredViolations('0,5 miljoen', [499_999])).toHaveLength(1);
    expect(publicQuantityAboveDeliveredViolations('5 duizend vijfhonderd', [5_000])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '5500', total: '5000', deliveries: '1' } },
    ]);
    expect(publicQuantityAboveDeliveredViolations('2 miljoen 500 duizend', [2_400_000])).toEqual([
      { field: 'publicQuantity', code: 'quantityAboveDelivered', params: { stated: '2500000', total: '2400000', deliveries: '1' } },
    ]);
    expect(publicQuantityAboveDeliveredViolations('2 miljoen 500 duizend', [2_500_000])).toEqual([]);
  });
});

describe('a public category', () => {
  it('is that of a delivery it presents, or "other", which says less; never goods they do not hold', () => {
    expect(publicCategoryViolations('nonLethal', ['nonLethal'])).toEqual([]);
    expect(publicCategoryViolations('other', ['battleTanks'])).toEqual([]);
    expect(publicCategoryViolations('ammunition', ['drones', 'ammunition'])).toEqual([]);
    expect(publicCategoryViolations('battleTanks', ['nonLethal'])).toEqual([{ field: 'publicCategory', code: 'categoryNotPresented', params: { categories: 'nonLethal', deliveries: '1' } }]);
    expect(publicCategoryViolations('warships', ['drones', 'drones', 'ammunition'])).toEqual([{ field: 'publicCategory', code: 'categoryNotPresented', params: { categories: 'drones,ammunition', deliveries: '3' } }]);
  });
});

describe('the public item of deliveries decided public at once', () => {
  const shipment = (realisedAt: string | null, publicValueCents: number | null, precision: PublicItemMember['realisedDatePrecision'] = 'day'): PublicItemMember => ({
    supportType: 'stock',
    realisedAt,
    realisedDatePrecision: precision,
    publicValueCents,
    publicValueBasis: publicValueCents === null ? null : 'replacementValue',
  });

  it('gives the values decided public summed, and the latest realised date to the precision decided', () => {
    expect(publicItemFigures([shipment('2025-06-20', 32_000_000), shipment('2025-05-02', 30_000_000)])).toEqual({ realisedOn: '2025-06-20', valueCents: 62_000_000, valueBasis: 'replacementValue' });
    expect(publicItemFigures([shipment('2025-05-02', 30_000_000, 'month'), shipment('2025-06-20', 32_000_000, 'month')]).realisedOn).toBe('2025-06');
    expect(publicItemFigures([shipment('2025-05-02', 30_000_000, null)]).realisedOn).toBeNull();
  });

  it('gives no value where the decision kept it back, and no date before every delivery is realised', () => {
    expect(publicItemFigures([shipment('2025-05-02', null), shipment('2025-06-20', null)])).toEqual({ realisedOn: '2025-06-20', valueCents: null, valueBasis: null });
    expect(publicItemFigures([shipment('2025-05-02', 30_000_000), shipment(null, 32_000_000)]).realisedOn).toBeNull();
  });

  it('states one type of support and, with its value, one basis', () => {
    expect(publicItemViolations([{ supportType: 'stock', publicValueBasis: 'bookValue' }, { supportType: 'stock', publicValueBasis: 'bookValue' }])).toEqual([]);
    expect(publicItemViolations([{ supportType: 'stock', publicValueBasis: null }, { supportType: 'procurement', publicValueBasis: null }])).toEqual([
      { field: 'deliveryIds', code: 'supportTypesDiffer', params: { supportTypes: 'stock,procurement' } },
    ]);
    expect(publicItemViolations([{ supportType: 'stock', publicValueBasis: 'replacementValue' }, { supportType: 'stock', publicValueBasis: 'bookValue' }])).toEqual([
      { field: 'publicValue', code: 'valueBasesDiffer', params: { bases: 'replacementValue,bookValue' } },
    ]);
  });
});

describe('a value made public beside the sums made public before', () => {
  const [x, y, z] = (['X', 'Y', 'Z'] as const).map((title) => ({ id: title.toLowerCase(), title }));
  const summed = (delivery: { id: string; title: string }, ...sums: string[]) => ({ ...delivery, sums });
  const told = (title: string) => [{ field: 'publicValue', code: 'valueTellsAnother', params: { title } }];

  it('is taken over deliveries no sum touched yet, or over whole parts of the sums made public before', () => {
    expect(valueTellsAnotherViolations([x!, y!], [])).toEqual([]);
    expect(valueTellsAnotherViolations([x!, y!], [summed(x!, 's1'), summed(y!, 's1')])).toEqual([]);
    // X and Y each public alone: their sum tells nothing new; nor, after it, X alone again.
    expect(valueTellsAnotherViolations([x!, y!], [summed(y!, 's2'), summed(x!, 's1')])).toEqual([]);
    expect(valueTellsAnotherViolations([x!], [summed(x!, 's1', 's3'), summed(y!, 's2', 's3')])).toEqual([]);
  });

  it('is refused where the difference would tell a value: of one joining a sum, else of one that left it', () => {
    expect(valueTellsAnotherViolations([x!, y!], [summed(x!, 's1')])).toEqual(told('Y'));
    expect(valueTellsAnotherViolations([x!], [summed(x!, 's1'), summed(y!, 's1')])).toEqual(told('Y'));
    expect(valueTellsAnotherViolations([x!, z!], [summed(x!, 's1'), summed(y!, 's1')])).toEqual(told('Z'));
  });
});
