import { epfFiguresAt } from '../../src/domain/epf.ts';
import { DEFAULT_LETTERHEAD } from '../../src/letters/compose.ts';
import type { LetterInputs } from '../../src/letters/snapshot.ts';

/**
 * What a letter is made of, with nothing in the register beside what is given: a first letter of 31 August 2025
 * whose text is its table, and whose totals are none unless given.
 */
export function letterInputs(given: Partial<LetterInputs> = {}): LetterInputs {
  const referenceDate = given.referenceDate ?? '2025-08-31';
  return {
    id: 'letter',
    referenceDate,
    letterDate: '2025-09-10',
    isDemonstration: false,
    previous: null,
    totals: { stock: 0, procurement: 0, natoFund: 0 },
    restatedPreviousTotals: null,
    blocks: [{ key: 'cijfers', heading: 'Cijfers', text: '{{figuresTable}}' }],
    publicDeliveryValues: new Map(),
    refusedDeliveries: new Map(),
    overview: [],
    epf: { ...epfFiguresAt([], referenceDate), implementingActorCents: 0, tranches: [] },
    budget: { totalCents: 0, named: { budgetDecision: new Map(), budgetShift: new Map(), budgetCommitment: new Map() }, commitmentsOfPartOfItem: new Set(), years: new Map() },
    industry: { contracts: 0, contractValueCents: 0, companies: 0, ukrainianCompanies: 0, milestonesCompleted: 0, coproductionProjects: 0, demandBundles: 0 },
    training: [],
    readinessEffects: [],
    exportShipments: { needed: 0, uncovered: 0, listed: [] },
    letterhead: DEFAULT_LETTERHEAD,
    ...given,
  };
}
