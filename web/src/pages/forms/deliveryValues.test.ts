import { describe, expect, it } from 'vitest';
import { checkDelivery, EMPTY_DELIVERY, inputOf, type DeliveryValues } from './deliveryValues.ts';

const FILLED: DeliveryValues = {
  ...EMPTY_DELIVERY,
  title: '  Pantserhouwitsers ',
  category: 'largeCalibreArtillery',
  supportType: 'stock',
  fundingSource: 'defenceBudget',
  quantity: ' 8 ',
  committedAt: '2025-05-01',
  sources: [{ description: 'Overdrachtsverklaring', url: ' ' }],
};

describe('the delivery form', () => {
  it('asks for what it cannot do without before anything is sent', () => {
    expect(checkDelivery({ ...EMPTY_DELIVERY, quantity: '2,5', sources: [{ description: ' ', url: 'https://example.org' }] })).toEqual({
      title: 'required',
      category: 'required',
      supportType: 'required',
      fundingSource: 'required',
      quantity: 'invalidWholeNumber',
      'sources.0.description': 'required',
    });
    expect(checkDelivery(FILLED)).toEqual({});
  });

  it('takes a title or source of only invisible characters (a zero-width space, a lone accent) as not filled in', () => {
    expect(checkDelivery({ ...FILLED, title: '\u200b ', sources: [{ description: '\u0301', url: '' }] })).toEqual({ title: 'required', 'sources.0.description': 'required' });
  });

  it('leaves a whole number below the range of the quantity to the server, which says the range', () => {
    expect(checkDelivery({ ...FILLED, quantity: '-3' })).toEqual({});
    expect(inputOf({ ...FILLED, quantity: ' -3 ' }).quantity).toBe(-3);
  });

  it('takes a quantity with its thousands grouped as an amount takes them, and refuses one read two ways', () => {
    expect(checkDelivery({ ...FILLED, quantity: '1.000' })).toEqual({});
    expect(inputOf({ ...FILLED, quantity: ' 1.000 ' }).quantity).toBe(1000);
    expect(inputOf({ ...FILLED, quantity: '1 000' }).quantity).toBe(1000);
    expect(checkDelivery({ ...FILLED, quantity: '1,000' })).toEqual({ quantity: 'numberAmbiguous' });
  });

  it('leaves the order of the lifecycle to the server, which owns that rule', () => {
    expect(checkDelivery({ ...FILLED, committedAt: '2025-06-01', realisedAt: '2025-05-01' })).toEqual({});
  });

  it('sends trimmed text, null for what was left empty and a number for the quantity', () => {
    expect(inputOf(FILLED)).toEqual({
      title: 'Pantserhouwitsers',
      publicTitle: null,
      description: '',
      category: 'largeCalibreArtillery',
      supportType: 'stock',
      fundingSource: 'defenceBudget',
      quantity: 8,
      unit: null,
      pledgedAt: null,
      committedAt: '2025-05-01',
      realisedAt: null,
      deliveredAt: null,
      company: null,
      contractReference: null,
      sources: [{ description: 'Overdrachtsverklaring' }],
    });
  });
});
