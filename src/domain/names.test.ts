import { describe, expect, it } from 'vitest';
import { nameTakenViolations } from './names.ts';

describe('a name taken in its scope', () => {
  const recorded = ['Voorjaarsnota 2025', 'Windfall profits, tranche 1'];

  it.each(['Voorjaarsnota 2025', 'voorjaarsnota 2025', ' VOORJAARSNOTA  2025', 'Vóórjaarsnota 2025'])('is the record recorded: %j, named as the register has it, at the field given', (name) => {
    expect(nameTakenViolations('budgetDecision', 'moment', name, recorded)).toEqual([{ field: 'moment', code: 'budgetDecisionTaken', params: { name: 'Voorjaarsnota 2025' } }]);
  });

  it('is said by the code of its kind', () => {
    expect(nameTakenViolations('epfTranche', 'name', 'windfall profits, tranche 1', recorded).map((violation) => violation.code)).toEqual(['trancheNameTaken']);
    expect(nameTakenViolations('demandBundle', 'need', 'VOORJAARSNOTA 2025', recorded).map((violation) => violation.code)).toEqual(['demandBundleTaken']);
  });

  it('is free when it differs in more than case, accents and spaces, or nothing is recorded in the scope', () => {
    expect(nameTakenViolations('budgetDecision', 'moment', 'Voorjaarsnota 2025 (2)', recorded)).toEqual([]);
    expect(nameTakenViolations('epfTranche', 'name', 'Windfall profits tranche 1', recorded)).toEqual([]);
    expect(nameTakenViolations('budgetDecision', 'moment', 'Voorjaarsnota 2025', [])).toEqual([]);
  });
});
