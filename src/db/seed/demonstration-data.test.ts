import { describe, expect, it } from 'vitest';
import { decisionViolations, movementsOf, shiftBudgetViolations, shiftFieldViolations, stageFollowsDeliveryViolations, stageViolations } from '../../domain/budget.ts';
import { lifecycleViolations } from '../../domain/delivery.ts';
import { buildFiguresTable, headlineSentence } from '../../domain/figures.ts';
import { COMPARISON_PRECISION, REFERENCE_PRECISION, formatLetterAmount } from '../../../common/letter-format.ts';
import { centsOfTotal, totalCents } from '../../../common/money.ts';
import { realisedTotals, type RegisterContents } from '../../domain/realised-support.ts';
import { DEMONSTRATION_DELIVERIES, LETTER_COMPARE_DATE, LETTER_REFERENCE_DATE } from './demonstration-data.ts';
import { DEMONSTRATION_BUDGET_DECISIONS, DEMONSTRATION_BUDGET_SHIFTS, DEMONSTRATION_COMMITMENTS } from './demonstration-budget.ts';
import { PUBLISHED_HISTORY } from './demonstration-history.ts';
import { DEMONSTRATION_EPF_CLAIMS, DEMONSTRATION_EPF_TRANCHES } from './demonstration-epf.ts';
import { assessmentViolations, blockageViolations, claimViolations, newTrancheViolations, receiptViolations, trancheViolations, type EpfClaimHistory } from '../../domain/epf.ts';

const MILLION_EURO = 100_000_000;

const register: RegisterContents = {
  deliveries: DEMONSTRATION_DELIVERIES,
  valuations: DEMONSTRATION_DELIVERIES.flatMap((delivery) => delivery.valuations),
  payments: DEMONSTRATION_DELIVERIES.flatMap((delivery) => delivery.payments),
};
const reference = { date: LETTER_REFERENCE_DATE, totals: realisedTotals(register, LETTER_REFERENCE_DATE) };
const compare = { date: LETTER_COMPARE_DATE, totals: realisedTotals(register, LETTER_COMPARE_DATE) };
const table = buildFiguresTable(reference, compare);

describe('the demonstration register reproduces the letter of 10 September 2025', () => {
  it('has the letter reference dates', () => {
    expect(LETTER_COMPARE_DATE).toBe('2025-02-04');
    expect(LETTER_REFERENCE_DATE).toBe('2025-08-31');
  });

  it('realises the chosen exact amounts', () => {
    expect(compare.totals).toEqual({ stock: 2_050n * BigInt(MILLION_EURO), procurement: 3_730n * BigInt(MILLION_EURO), natoFund: 100n * BigInt(MILLION_EURO) });
    expect(reference.totals).toEqual({ stock: 2_400n * BigInt(MILLION_EURO), procurement: 6_121n * BigInt(MILLION_EURO), natoFund: 179n * BigInt(MILLION_EURO) });
  });

  it('grows from April 2022 through the running totals the earlier letters published, each to the cent', () => {
    const total = (date: string) => centsOfTotal(totalCents(Object.values(realisedTotals(register, date))));
    expect(total('2022-04-13')).toBe(0);
    expect(PUBLISHED_HISTORY.map((step) => [step.on, total(step.on) / MILLION_EURO])).toEqual([
      ['2022-04-14', 65],
      ['2022-07-01', 172.7],
      ['2022-12-16', 987],
      ['2023-02-06', 1_070],
      ['2023-04-13', 1_200],
      ['2023-07-05', 1_900],
      ['2023-12-15', 2_630],
      ['2024-06-13', 3_100],
      ['2024-09-30', 3_760],
      ['2025-02-04', 5_880],
    ]);
    expect(realisedTotals(register, '2023-02-06').stock).toBe(BigInt(771.3 * MILLION_EURO));
    for (const step of PUBLISHED_HISTORY) expect(step.source.description).not.toBe('');
  });

  it('prints every figure of the letter table', () => {
    const printed = [...table.rows, table.total].map((line) => [line.label, line.compare.text, line.reference.text]);
    expect(printed).toEqual([
      ['Directe levering (vervangingswaarde)', '€ 2,05 mld.', '€ 2,4 mld.'],
      ['Commerciële verwervingen', '€ 3,73 mld.', '€ 6,1 mld.'],
      ['NAVO-fonds', '€ 0,1 mld.', '€ 0,18 mld.'],
      ['Totaal', '€ 5,88 mld.', '€ 8,7 mld.'],
    ]);
    expect(table.total.difference.text).toBe('€ 2,82 mld.');
    expect(table.total.increasePercent).toBe(47.96);
    expect(table.total.increasePercentText).toBe('48 procent');
  });

  it('yields the letter headline and the amounts of its bullets', () => {
    expect(headlineSentence(table.referenceDate, table.total.reference.cents, table.total.compare.cents)).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. ' +
        'Dit is een toename van €2,82 mld. of 48 procent ten opzichte van de vorige leveringenbrief.',
    );
    const inText = { runningText: true };
    expect(formatLetterAmount(reference.totals.stock, REFERENCE_PRECISION, inText)).toBe('€2,4 mld.');
    expect(formatLetterAmount(reference.totals.procurement, REFERENCE_PRECISION, inText)).toBe('€6,1 mld.');
    expect(formatLetterAmount(reference.totals.natoFund, COMPARISON_PRECISION, inText)).toBe('€179 mln.');
  });
});

describe('the demonstration deliveries', () => {
  const byTitle = (fragment: string) => {
    const found = DEMONSTRATION_DELIVERIES.filter((delivery) => delivery.title.includes(fragment));
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const paidUpTo = (delivery: (typeof DEMONSTRATION_DELIVERIES)[number], date: string) =>
    delivery.payments.filter((payment) => payment.paidOn <= date).reduce((sum, payment) => sum + payment.amountCents, 0);

  it('have fixed, distinct UUIDs and point their valuations and payments at themselves', () => {
    const ids = DEMONSTRATION_DELIVERIES.flatMap((delivery) => [
      delivery.id,
      ...delivery.valuations.map((valuation) => valuation.id),
      ...delivery.payments.map((payment) => payment.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const delivery of DEMONSTRATION_DELIVERIES) {
      for (const row of [...delivery.valuations, ...delivery.payments]) expect(row.deliveryId).toBe(delivery.id);
    }
  });

  it('are marked as demonstration data and cite the letter', () => {
    for (const delivery of DEMONSTRATION_DELIVERIES) {
      expect(delivery.isDemonstration).toBe(true);
      expect(delivery.sources).toContainEqual({ description: 'Kamerbrief leveringen militaire goederen aan Oekraïne, 10 september 2025' });
    }
  });

  it('keep the lifecycle in order; payment-realised ones are realised on their first payment, none before commitment', () => {
    for (const delivery of DEMONSTRATION_DELIVERIES) {
      expect(lifecycleViolations(delivery), delivery.title).toEqual([]);
      if (delivery.supportType === 'stock') continue;
      const paidOn = delivery.payments.map((payment) => payment.paidOn).sort();
      expect(delivery.realisedAt, delivery.title).toBe(paidOn[0] ?? null);
      for (const date of paidOn) expect(date >= delivery.committedAt!, delivery.title).toBe(true);
    }
  });

  it('record valuations and payments no earlier than the facts they describe', () => {
    for (const delivery of DEMONSTRATION_DELIVERIES) {
      for (const valuation of delivery.valuations) expect(valuation.recordedAt >= valuation.effectiveDate).toBe(true);
      for (const payment of delivery.payments) expect(payment.recordedAt >= payment.paidOn).toBe(true);
    }
  });

  it('keep the confidential remainder in labelled aggregates without a public title', () => {
    const aggregates = DEMONSTRATION_DELIVERIES.filter((delivery) => delivery.title.endsWith('(geaggregeerd)'));
    expect(aggregates.map((delivery) => delivery.supportType).sort()).toEqual(['procurement', 'procurement', 'stock', 'stock']);
    for (const aggregate of aggregates) {
      expect(aggregate.title).toMatch(/^Demonstratie: /);
      expect(aggregate.publicTitle).toBeNull();
    }
  });

  it('hold the items the letter names', () => {
    const purl = byTitle('PURL');
    expect(purl.supportType).toBe('procurement');
    expect(paidUpTo(purl, LETTER_COMPARE_DATE)).toBe(0);
    expect(paidUpTo(purl, LETTER_REFERENCE_DATE)).toBe(500 * MILLION_EURO);

    const ucap = byTitle('Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package');
    expect(ucap.payments.length).toBeGreaterThan(1);
    expect(paidUpTo(ucap, LETTER_REFERENCE_DATE)).toBe(179 * MILLION_EURO);

    const drones = byTitle('Europese Vredesfaciliteit');
    expect(drones.fundingSource).toBe('epf');
    expect(drones.valuations.map((valuation) => valuation.amountCents)).toEqual([100 * MILLION_EURO]);
    expect(paidUpTo(drones, LETTER_REFERENCE_DATE)).toBeGreaterThan(0);

    const buildWithUkraine = byTitle('Build with Ukraine');
    expect(buildWithUkraine.committedAt).not.toBeNull();
    expect(buildWithUkraine.payments).toEqual([]);
  });

  it('include a stock revaluation and procurement paid in instalments', () => {
    const revalued = DEMONSTRATION_DELIVERIES.filter(
      (delivery) => delivery.supportType === 'stock' && new Set(delivery.valuations.map((v) => v.effectiveDate)).size > 1,
    );
    expect(revalued.length).toBeGreaterThan(0);
    const instalments = DEMONSTRATION_DELIVERIES.filter(
      (delivery) => delivery.supportType === 'procurement' && delivery.fundingSource !== 'epf' && delivery.payments.length > 1,
    );
    expect(instalments.length).toBeGreaterThan(0);
  });
});

describe('the demonstration budget', () => {
  it('keeps the rules a person entering it meets: decisions and shifts within their reach, commitments in their budget year and after the delivery they are for began', () => {
    for (const decision of DEMONSTRATION_BUDGET_DECISIONS) expect(decisionViolations(decision, LETTER_REFERENCE_DATE), decision.moment).toEqual([]);
    const movements = movementsOf(DEMONSTRATION_BUDGET_DECISIONS, []);
    for (const shift of DEMONSTRATION_BUDGET_SHIFTS) expect([...shiftFieldViolations(shift, LETTER_REFERENCE_DATE), ...shiftBudgetViolations(shift, movements, LETTER_REFERENCE_DATE)], shift.moment).toEqual([]);
    const deliveries = new Map(DEMONSTRATION_DELIVERIES.map((delivery) => [delivery.id, delivery]));
    for (const { commitment, stages } of DEMONSTRATION_COMMITMENTS) {
      const delivery = commitment.deliveryId === null ? undefined : deliveries.get(commitment.deliveryId);
      if (commitment.deliveryId !== null) expect(delivery, commitment.title).toBeDefined();
      stages.forEach((stage, index) =>
        expect([...stageViolations(commitment.budgetYear, stages.slice(0, index), stage, LETTER_REFERENCE_DATE), ...stageFollowsDeliveryViolations(delivery, stage.effectiveOn)], commitment.title).toEqual([]),
      );
    }
  });
});

describe('the demonstration EPF', () => {
  it('keeps the rules a person entering it meets: each claim on a tranche the Netherlands claims on, decided by the day it was declared, and its history added in order', () => {
    for (const tranche of DEMONSTRATION_EPF_TRANCHES) expect(newTrancheViolations(tranche, LETTER_REFERENCE_DATE), tranche.name).toEqual([]);
    const tranches = new Map(DEMONSTRATION_EPF_TRANCHES.map((tranche) => [tranche.id, tranche]));
    for (const { claim, assessments, receipts, blockages } of DEMONSTRATION_EPF_CLAIMS) {
      const tranche = claim.trancheId === null ? null : tranches.get(claim.trancheId);
      expect(tranche, claim.reference).toBeDefined();
      expect([...claimViolations(claim, LETTER_REFERENCE_DATE, null), ...(tranche ? trancheViolations(tranche, claim.declaredOn) : [])], claim.reference).toEqual([]);
      // Each addition judged against the history recorded before it, as the register judges it.
      const history: EpfClaimHistory = { claim, assessments: [], receipts: [], blockages: [] };
      const additions = [
        ...assessments.map((row) => ({ row, violations: () => assessmentViolations(history, row, LETTER_REFERENCE_DATE), add: () => history.assessments.push(row) })),
        ...receipts.map((row) => ({ row, violations: () => receiptViolations(history, row, LETTER_REFERENCE_DATE), add: () => history.receipts.push(row) })),
        ...blockages.map((row) => ({ row, violations: () => blockageViolations(history, row, LETTER_REFERENCE_DATE), add: () => history.blockages.push(row) })),
      ].sort((a, b) => a.row.recordedAt.localeCompare(b.row.recordedAt));
      for (const { row, violations, add } of additions) {
        expect(violations(), row.id).toEqual([]);
        add();
      }
    }
  });
});
