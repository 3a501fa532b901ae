import { describe, expect, it } from 'vitest';
import { namedDeliveries, type NamedDeliveryFacts } from './named-deliveries.ts';

const nameable: NamedDeliveryFacts = { id: 'a', publicId: 'public-a', isPublic: true, publicLater: false, partOfPublicItem: false, publicValueCents: 700, realised: true, cents: 700 };

describe('the deliveries a letter may name by value', () => {
  it('names one public, with its value public, realised and valued by the reference date, under its public id', () => {
    expect(namedDeliveries(['a'], [nameable], { checkDisclosure: true })).toEqual({ values: new Map([['a', { publicId: 'public-a', cents: 700 }]]), refused: new Map() });
  });

  it('says of each other why, the first reason that holds', () => {
    const facts: NamedDeliveryFacts[] = [
      { ...nameable, id: 'confidential', isPublic: false, publicId: null, publicValueCents: null, realised: false },
      { ...nameable, id: 'later', publicLater: true, publicValueCents: null },
      { ...nameable, id: 'oneOfSeveral', partOfPublicItem: true, publicValueCents: 1800 },
      { ...nameable, id: 'valueKept', publicValueCents: null, realised: false },
      { ...nameable, id: 'unrealised', realised: false, cents: null },
      { ...nameable, id: 'unvalued', cents: null },
      { ...nameable, id: 'revalued', cents: 800 },
    ];
    const { values, refused } = namedDeliveries([...facts.map((fact) => fact.id), 'gone'], facts, { checkDisclosure: true });
    expect(values.size).toBe(0);
    expect(Object.fromEntries(refused)).toEqual({
      confidential: 'notPublic',
      later: 'publicLater',
      oneOfSeveral: 'partOfPublicItem',
      valueKept: 'valueNotPublic',
      unrealised: 'notRealised',
      unvalued: 'notValued',
      revalued: 'valueNotAsDecided',
      gone: 'unknown',
    });
  });

  it('checks only the value when it verifies a final letter: the disclosure was approved with it', () => {
    const facts: NamedDeliveryFacts[] = [
      { ...nameable, id: 'confidentialSince', isPublic: false, publicValueCents: null },
      { ...nameable, id: 'laterSince', publicLater: true },
      { ...nameable, id: 'oneOfSeveralSince', partOfPublicItem: true, publicValueCents: 1800 },
      { ...nameable, id: 'revaluedSince', publicValueCents: 600 },
      { ...nameable, id: 'unrealised', isPublic: false, realised: false },
      { ...nameable, id: 'neverPublic', isPublic: false, publicId: null },
    ];
    const { values, refused } = namedDeliveries(facts.map((fact) => fact.id), facts, { checkDisclosure: false });
    expect(Object.fromEntries(values)).toEqual({
      confidentialSince: { publicId: 'public-a', cents: 700 },
      laterSince: { publicId: 'public-a', cents: 700 },
      oneOfSeveralSince: { publicId: 'public-a', cents: 700 },
      revaluedSince: { publicId: 'public-a', cents: 700 },
    });
    expect(Object.fromEntries(refused)).toEqual({ unrealised: 'notRealised', neverPublic: 'notPublic' });
  });
});
