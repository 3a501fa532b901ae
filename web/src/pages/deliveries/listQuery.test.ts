import { describe, expect, it } from 'vitest';
import { addressParams, apiParams, parseListQuery } from './listQuery.ts';

describe('the deliveries list query', () => {
  it('defaults to the newest realisations first, 25 to a page', () => {
    const query = parseListQuery(new URLSearchParams());
    expect(query).toMatchObject({ sort: { key: 'realisedAt', descending: true }, after: '', before: '', pageSize: 25, q: '' });
    expect(apiParams(query)).toMatchObject({ sort: '-realisedAt', after: '', before: '', pageSize: 25 });
  });

  it('falls back to the default for whatever it does not understand', () => {
    const query = parseListQuery(
      new URLSearchParams('supportType=gift&category=tanks&stage=x&realisedFrom=2025-02-30&sort=price&pageSize=1000'),
    );
    expect(query).toMatchObject({ supportType: '', category: '', stage: '', realisedFrom: '', pageSize: 25 });
    expect(query.sort).toEqual({ key: 'realisedAt', descending: true });
  });

  it('leaves defaults out of the address but spells everything out for the API', () => {
    const query = parseListQuery(new URLSearchParams('stage=committed&q=%20PURL%20&sort=title&pageSize=50&after=abc'));
    expect(addressParams(query)).toEqual({
      supportType: '',
      category: '',
      stage: 'committed',
      q: ' PURL ',
      realisedFrom: '',
      realisedTo: '',
      sort: 'title',
      after: 'abc',
      before: '',
      pageSize: 50,
    });
    expect(apiParams(query)).toMatchObject({ q: 'PURL', sort: 'title', after: 'abc', pageSize: 50 });
    expect(addressParams(parseListQuery(new URLSearchParams()))).toMatchObject({ sort: undefined, after: '', before: '', pageSize: undefined });
  });
});
