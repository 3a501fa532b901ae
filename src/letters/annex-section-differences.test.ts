import { describe, expect, it } from 'vitest';
import type { ReadinessAnnexRow } from './annex-domain-sections.ts';
import { annexSectionDifferences } from './annex-section-differences.ts';
import { formatExactEuros } from '../../common/letter-format.ts';

const judged = (judgement: Partial<NonNullable<ReadinessAnnexRow['judgement']>>): ReadinessAnnexRow => ({
  deliveryId: 'generatoren',
  delivery: 'Generatoren',
  realisedAt: '2025-05-01',
  judgement: { effect: 'acceptable', judgedOn: '2025-06-01', reasoning: 'Vervangen', ...judgement },
  replacements: [],
  nonReplacements: [],
});

describe('annexSectionDifferences', () => {
  it('finds no difference in who judged: an annex frozen with the login name verifies against the role now', () => {
    const frozen = { readinessByDelivery: [judged({ judgedBy: 'j.devries' })] };
    expect(annexSectionDifferences(frozen, { readinessByDelivery: [judged({ judgedByRole: 'registrar' })] }, formatExactEuros)).toEqual([]);
    const regraded = annexSectionDifferences(frozen, { readinessByDelivery: [judged({ judgedByRole: 'registrar', effect: 'unacceptable' })] }, formatExactEuros);
    expect(regraded.map(({ published, recomputed }) => [published, recomputed])).toEqual([
      ['Generatoren · 1 mei 2025 · acceptabel (1 juni 2025) · Vervangen ·  · ', 'Generatoren · 1 mei 2025 · onacceptabel (1 juni 2025, Registrator) · Vervangen ·  · '],
    ]);
  });
});
