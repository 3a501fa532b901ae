import type { Judgement, ProjectInput } from '../../domain/readiness.ts';
import { SYSTEM_ACTOR } from '../../../common/actors.ts';

/**
 * The demonstration's readiness and replenishment, from the section "Effecten krijgsmacht" of the letter
 * of 10 September 2025: its judgement ("significant, maar acceptabel") on the stock aggregates, and its
 * measure ("de aankoop van vervangend materieel versnellen") as a replenishment project. The letter gives
 * no amounts for replacement: the project's figures are assumed, and say so.
 */

const STOCK_UP_TO_FEBRUARY = 'eb51ab98-09d6-4275-b358-644a2cc992ed';
const STOCK_UP_TO_AUGUST = '9a774c91-f7d0-4a37-ae6f-e3b05f65139d';

const REASONING =
  'Demonstratie, volgens de brief van 10 september 2025: gezien het Nederlands belang van een veilig Europa significant, maar acceptabel. ' +
  'Defensie neemt maatregelen om de gevolgen zoveel mogelijk te mitigeren: de aankoop van vervangend materieel wordt versneld en project- en inkoopcapaciteit versterkt.';

export const DEMONSTRATION_JUDGEMENTS: readonly Judgement[] = [
  {
    id: 'c2a7e1d0-3f4b-4c6d-8e9f-0a1b2c3d4e01',
    deliveryId: STOCK_UP_TO_FEBRUARY,
    effect: 'significantButAcceptable',
    reasoning: REASONING,
    judgedOn: '2025-02-04',
    judgedByName: SYSTEM_ACTOR,
    recordedAt: '2025-02-05T09:00:00.000Z',
  },
  {
    id: 'c2a7e1d0-3f4b-4c6d-8e9f-0a1b2c3d4e02',
    deliveryId: STOCK_UP_TO_AUGUST,
    effect: 'significantButAcceptable',
    reasoning: REASONING,
    judgedOn: '2025-08-31',
    judgedByName: SYSTEM_ACTOR,
    recordedAt: '2025-09-01T09:00:00.000Z',
  },
];

/**
 * The project's state holds as of the letter's reference date, 31 August 2025: the letter of 10 September
 * reports the measure as taken ("zijn er maatregelen") in its account of the period up to that date, so
 * that date's annex lists it, and the annex of the letter of February (reference date 4 February) does not.
 */
export const DEMONSTRATION_PROJECTS: readonly (Omit<ProjectInput, 'reason'> & { id: string; recordedAt: string })[] = [
  {
    id: 'd3b8f2e1-4a5c-4d7e-9f0a-1b2c3d4e5f01',
    name: 'Demonstratie: versnelde aankoop van vervangend materieel',
    stage: 'approved',
    budgetCents: null,
    expectedOn: '2027-12-31',
    note: 'Demonstratie: de brief noemt de maatregel, geen bedragen; vervangen deel en datum aangenomen.',
    replaces: [{ deliveryId: STOCK_UP_TO_FEBRUARY, replacedValueCents: 1_000_000_000_00, replacedQuantity: null }],
    asOf: '2025-08-31',
    recordedAt: '2025-09-01T09:00:00.000Z',
  },
];
