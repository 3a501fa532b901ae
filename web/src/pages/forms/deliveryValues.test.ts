import { describe, expect, it } from 'vitest';
import type { Problems } from '../../forms/fieldReader.ts';
import { asTyped } from '../../forms/typedRequest.ts';
import { EMPTY_DELIVERY, readDelivery, textsByField, type DeliveryValues } from './deliveryValues.ts';

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

/** What the form notes of the values, and the request it sends: a refused field as typed. */
function read(values: DeliveryValues, unfinished: string[] = []) {
  const problems: Problems = {};
  const texts = textsByField(values);
  const sent = asTyped(readDelivery(values, problems, unfinished), (name) => texts[name]);
  return { problems, request: sent.request, carried: [...sent.carried].sort() };
}

describe('the delivery form', () => {
  it('notes what it cannot do without, and sends those fields as typed for the server to refuse with the rest', () => {
    const { problems, request, carried } = read({ ...EMPTY_DELIVERY, quantity: '2,5', sources: [{ description: ' ', url: 'https://example.org' }] });
    expect(problems).toEqual({
      title: 'required',
      category: 'required',
      supportType: 'required',
      fundingSource: 'required',
      quantity: 'invalidWholeNumber',
      'sources.0.description': 'required',
    });
    expect(carried).toEqual(Object.keys(problems).sort());
    expect(request).toMatchObject({ title: '', category: '', quantity: '2,5', sources: [{ description: ' ', url: 'https://example.org' }] });
    expect(read(FILLED).problems).toEqual({});
  });

  it('takes a title or source of only invisible characters (a zero-width space, a lone accent) as not filled in', () => {
    expect(read({ ...FILLED, title: '\u200b ', sources: [{ description: '\u0301', url: '' }] }).problems).toEqual({ title: 'required', 'sources.0.description': 'required' });
  });

  it('notes a date typed only in part, sent as the browser gives it', () => {
    const { problems, request } = read({ ...FILLED, committedAt: '' }, ['committedAt']);
    expect(problems).toEqual({ committedAt: 'unfinishedDate' });
    expect(request.committedAt).toBe('');
  });

  it('leaves a whole number below the range of the quantity to the server, which says the range', () => {
    expect(read({ ...FILLED, quantity: ' -3 ' })).toMatchObject({ problems: {}, request: { quantity: -3 } });
  });

  it('takes a quantity with its thousands grouped as an amount takes them, and refuses one read two ways', () => {
    expect(read({ ...FILLED, quantity: ' 1.000 ' })).toMatchObject({ problems: {}, request: { quantity: 1000 } });
    expect(read({ ...FILLED, quantity: '1 000' }).request.quantity).toBe(1000);
    expect(read({ ...FILLED, quantity: '1,000' }).problems).toEqual({ quantity: 'numberAmbiguous' });
  });

  it('leaves the order of the lifecycle to the server, which owns that rule', () => {
    expect(read({ ...FILLED, committedAt: '2025-06-01', realisedAt: '2025-05-01' }).problems).toEqual({});
  });

  it('sends trimmed text, null for what was left empty and a number for the quantity', () => {
    expect(read(FILLED).request).toEqual({
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
