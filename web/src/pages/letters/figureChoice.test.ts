import { describe, expect, it } from 'vitest';
import { en } from '../../../../common/vocabulary/en.ts';
import { nl } from '../../../../common/vocabulary/nl.ts';
import { describeFigure, isOffered } from './figureChoice.ts';

const ID = '45e7a54d-4594-495d-a569-ba72076ed335';

describe('the computed figures a letter author chooses from', () => {
  it('names a year of a budget record as that year, not as the record’s amount', () => {
    expect(describeFigure(`budgetDecision:${ID}.period`, nl.letterFigures)).toBe(`de begrotingsjaren van een begrotingsbesluit ("2025-2027"), met zijn kenmerk (${ID})`);
    expect(describeFigure(`budgetShift:${ID}.fromYear`, en.letterFigures)).toBe(`the year a shift between budget years moves money from, by its identifier (${ID})`);
    expect(describeFigure(`budgetCommitment:${ID}.year`, en.letterFigures)).toBe(`the budget year of a pledge or commitment, by its identifier (${ID})`);
    expect(describeFigure(`budgetCommitment:${ID}`, en.letterFigures)).toBe(`amount of a pledge or commitment, by its identifier (${ID})`);
  });

  it('names a figure by its own words, or by its kind’s with what it is about', () => {
    expect(describeFigure('total', en.letterFigures)).toBe('total realised support');
    expect(describeFigure('training:stc.trainers:inWords', en.letterFigures)).toBe('a count or amount of a training programme, by its short name and the measure (stc.trainers:inWords)');
  });

  it('offers neither a delivery’s value nor the words a count chooses', () => {
    expect(['total', 'training:stc.trainers', 'delivery:1', 'training:stc.trainers|trainer|trainers', 'epfWindfallTranches|tranche|tranches'].filter(isOffered)).toEqual(['total', 'training:stc.trainers']);
  });
});
