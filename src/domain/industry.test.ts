import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  companyOrigin,
  companyTakenViolations,
  companyViolations,
  contractViolations,
  contractWithdrawalViolations,
  coproductionViolations,
  correctedContractViolations,
  demandBundleViolations,
  milestoneStatus,
  nextStageViolations,
  priceChangePerMille,
  priceDevelopmentViolations,
  priceUnderContractViolations,
  progressAt,
  progressViolations,
  type ProgressReport,
} from './industry.ts';

const TODAY = '2025-09-10';
/** The contract of these reports, signed on the first day the reports may lie on and never withdrawn. */
const CONTRACT = { signedOn: '2024-01-01', withdrawnOn: null };
const day = fc.integer({ min: 0, max: 600 }).map((offset) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10));
const report = fc.record({ percent: fc.integer({ min: 0, max: 100 }), reportedOn: day, reason: fc.constantFrom('', 'Leverancier kreeg onderdelen niet op tijd') });

/** Applies reports one by one as the use case does: a report is kept only when it breaks no rule. */
function accepted(reports: ProgressReport[]): ProgressReport[] {
  const history: ProgressReport[] = [];
  for (const next of reports) if (progressViolations(history.at(-1) ?? null, next, TODAY, CONTRACT).length === 0) history.push(next);
  return history;
}

describe('the progress of a milestone', () => {
  it('never goes back without a reason, and its reports never go back in time', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 20 }), (reports) => {
        const history = accepted(reports);
        history.slice(1).forEach((current, index) => {
          const previous = history[index]!;
          expect(current.reportedOn >= previous.reportedOn).toBe(true);
          if (current.percent < previous.percent) expect(current.reason.trim()).not.toBe('');
        });
      }),
      { numRuns: 200 },
    );
  });

  it('at any date is the latest report on or before it, and completed only at 100 %', () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 12 }), day, day, (reports, dueOn, date) => {
        const history = accepted(reports);
        const latest = progressAt(history, date);
        expect(latest).toEqual(history.filter((r) => r.reportedOn <= date).at(-1) ?? null);
        const status = milestoneStatus(dueOn, latest, date);
        expect(status === 'completed').toBe(latest?.percent === 100);
        if (status === 'late') expect(dueOn < date).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a lower percentage without a reason, a percentage out of range, and a date in the future', () => {
    const latest = { percent: 60, reportedOn: '2025-06-01', reason: '' };
    expect(progressViolations(latest, { percent: 40, reportedOn: '2025-07-01', reason: ' ' }, TODAY, CONTRACT)).toEqual([{ field: 'reason', code: 'progressGoesBack', params: { latest: '60' } }]);
    expect(progressViolations(latest, { percent: 40, reportedOn: '2025-07-01', reason: 'Afgekeurde partij' }, TODAY, CONTRACT)).toEqual([]);
    expect(progressViolations(null, { percent: 101, reportedOn: '2099-01-01', reason: '' }, TODAY, CONTRACT).map((v) => v.code)).toEqual(['percentOutOfRange', 'dateInFuture']);
  });

  it('refuses a report dated before its contract was signed, and takes one on that day', () => {
    const first = (reportedOn: string) => progressViolations(null, { percent: 10, reportedOn, reason: '' }, TODAY, { signedOn: '2025-03-01', withdrawnOn: null });
    expect(first('2025-02-28')).toEqual([{ field: 'reportedOn', code: 'beforeSigning', params: { signedOn: '2025-03-01' } }]);
    expect(first('2025-03-01')).toEqual([]);
  });

  it('refuses a report dated on or after the day its contract was withdrawn, and takes one the day before, when the contract stood', () => {
    const first = (reportedOn: string) => progressViolations(null, { percent: 10, reportedOn, reason: '' }, TODAY, { signedOn: '2025-03-01', withdrawnOn: '2025-07-01' });
    expect(first('2025-07-01')).toEqual([{ field: 'reportedOn', code: 'contractWithdrawn', params: { withdrawnOn: '2025-07-01' } }]);
    expect(first('2025-09-01')).toEqual([{ field: 'reportedOn', code: 'contractWithdrawn', params: { withdrawnOn: '2025-07-01' } }]);
    expect(first('2025-06-30')).toEqual([]);
  });
});

describe('companies and contracts', () => {
  it('are Dutch, Ukrainian or other by their country', () => {
    expect([companyOrigin('NL'), companyOrigin('UA'), companyOrigin('DE')]).toEqual(['dutch', 'ukrainian', 'other']);
  });

  it('names every wrong field at once', () => {
    expect(companyViolations({ name: ' ', country: 'nl', registrationNumber: 'KVK\u0000' }).map((v) => v.field)).toEqual(['name', 'country', 'registrationNumber']);
    const contract = { companyId: 'x', reference: '', subject: 'Drones', amountCents: 0, signedOn: '2013-12-31', deliveryIds: [], milestones: [{ title: 'Levering', dueOn: '2013-01-01' }] };
    expect(contractViolations(contract, TODAY).map((v) => `${v.field} ${v.code}`)).toEqual([
      'reference required',
      'amountCents amountNotPositive',
      'signedOn dateOutOfRange',
      'milestones.0.dueOn beforeSigning',
    ]);
  });

  it('names a delivery it fulfils a second time at its place, whatever the case of its id, as the API refuses it (the use case would link it twice)', () => {
    const id = '0b6f3c1e-7d2a-4c5b-9e8f-1a2b3c4d5e6f';
    const contract = { reference: 'G2B-1', subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', milestones: [] };
    expect(contractViolations({ ...contract, deliveryIds: [id, '1c6f3c1e-7d2a-4c5b-9e8f-1a2b3c4d5e6f', id.toUpperCase()] }, TODAY)).toEqual([{ field: 'deliveryIds.2', code: 'duplicateDelivery' }]);
  });
});

describe('the milestones of a contract', () => {
  it('each have a title of their own: one that reads as an earlier one is refused at its place, naming that one', () => {
    const contract = { reference: 'G2B-1', subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', deliveryIds: [] };
    const milestones = ['Levering', 'Keuring', 'levering ', 'LEVERING'].map((title) => ({ title, dueOn: '2025-06-01' }));
    expect(contractViolations({ ...contract, milestones }, TODAY)).toEqual([
      { field: 'milestones.2.title', code: 'milestoneTitleRepeated', params: { title: 'Levering' } },
      { field: 'milestones.3.title', code: 'milestoneTitleRepeated', params: { title: 'Levering' } },
    ]);
  });
});

describe('a company', () => {
  const registered = [{ name: 'QA Défensie BV', registrationNumber: 'KVK 1234' }, { name: 'Укроборонпром', registrationNumber: null }];
  const named = (name: string) => ({ name, registrationNumber: null });

  it.each(['QA Défensie BV', 'QA Defensie BV', 'qa defensie bv', 'QA  Defensie BV ', 'QA De\u0301fensie\u00a0BV', 'QA D\u0435fensie BV', 'QA DEFENSIE \u0412V', 'QA Defensie B.V.', 'QA Defensie B. V.'])('is registered once in its country: %j is the company registered, named as the register has it', (name) => {
    expect(companyTakenViolations(named(name), registered)).toEqual([{ field: 'name', code: 'companyNameTaken', params: { name: 'QA Défensie BV' } }]);
  });

  it('folds letters beyond A-Z, and takes a name that reads otherwise than in case, accents, spaces and the dots of initials', () => {
    expect(companyTakenViolations(named('УКРОБОРОНПРОМ'), registered)).toEqual([{ field: 'name', code: 'companyNameTaken', params: { name: 'Укроборонпром' } }]);
    expect(companyTakenViolations(named('QA Defensie B V'), registered)).toEqual([]);
    expect(companyTakenViolations(named('QA Defensie'), registered)).toEqual([]);
    expect(companyTakenViolations(named('QA Defensie BV'), [])).toEqual([]);
  });

  it('is registered once under its registration number, whatever its case and spacing, naming the company that has it', () => {
    expect(companyTakenViolations({ name: 'Andere naam BV', registrationNumber: 'kvk  1234' }, registered)).toEqual([
      { field: 'registrationNumber', code: 'registrationNumberTaken', params: { company: 'QA Défensie BV' } },
    ]);
    expect(companyTakenViolations({ name: 'QA Defensie BV', registrationNumber: 'KVK 1234' }, registered).map((violation) => violation.code)).toEqual(['companyNameTaken', 'registrationNumberTaken']);
    expect(companyTakenViolations({ name: 'Andere naam BV', registrationNumber: 'KVK 12345' }, registered)).toEqual([]);
  });
});

describe('an amount of industry', () => {
  const contract = { companyId: 'x', reference: 'G2B-1', subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', deliveryIds: [], milestones: [] };
  const price = { item: 'Drone', contractId: null, earlierPriceCents: 100, earlierOn: '2024-05-01', paidPriceCents: 120, paidOn: '2025-06-01', note: '' };

  it.each([0, -5, -500])('of %d cents is refused as every amount not above zero is, not as a number below 1', (cents) => {
    expect(contractViolations({ ...contract, amountCents: cents }, TODAY)).toEqual([{ field: 'amountCents', code: 'amountNotPositive' }]);
    expect(priceDevelopmentViolations({ ...price, earlierPriceCents: cents, paidPriceCents: cents }, TODAY)).toEqual([
      { field: 'earlierPriceCents', code: 'amountNotPositive' },
      { field: 'paidPriceCents', code: 'amountNotPositive' },
    ]);
  });

  it('of one cent is taken, and above € 10 mld. said as an amount', () => {
    expect(contractViolations({ ...contract, amountCents: 1 }, TODAY)).toEqual([]);
    expect(contractViolations({ ...contract, amountCents: 1_000_000_000_001 }, TODAY)).toEqual([{ field: 'amountCents', code: 'tooLarge', params: { maximum: '1000000000000', kind: 'amount' } }]);
  });
});

describe('the stages of a co-production project', () => {
  const signed = { stage: 'signed' as const, reachedOn: '2025-03-01', note: '' };

  it('go forward in time, and back to an earlier stage only with the reason in the note', () => {
    expect(nextStageViolations(undefined, signed, TODAY)).toEqual([]);
    expect(nextStageViolations(signed, { ...signed, stage: 'producing', reachedOn: '2025-05-01' }, TODAY)).toEqual([]);
    expect(nextStageViolations({ ...signed, stage: 'producing' }, { ...signed, reachedOn: '2025-06-01', note: ' ' }, TODAY)).toEqual([
      { field: 'note', code: 'coproductionStageGoesBack', params: { latest: 'producing' } },
    ]);
    expect(nextStageViolations({ ...signed, stage: 'producing' }, { ...signed, reachedOn: '2025-06-01', note: 'De productielijn is stilgelegd.' }, TODAY)).toEqual([]);
    expect(nextStageViolations(signed, { ...signed, reachedOn: '2025-02-28' }, TODAY)).toEqual([{ field: 'reachedOn', code: 'beforeLatestReport', params: { latest: '2025-03-01' } }]);
  });
});

it('states a price change in per mille of the earlier price', () => {
  expect(priceChangePerMille(100_00, 125_00)).toBe(250);
  expect(priceChangePerMille(300, 299)).toBe(-3);
});

describe('the names typed for prices, co-production and demand', () => {
  it.each(['nr 460 ???', 'nr 460 ? ? ?'])('refuses a run of question marks in an item, a partner and a need: %j', (name) => {
    const price = { item: name, contractId: null, earlierPriceCents: 100, earlierOn: '2024-05-01', paidPriceCents: 120, paidOn: '2025-06-01', note: '' };
    const project = { title: 'Drones', partner: name, stage: 'signed' as const, reachedOn: '2025-01-01', note: '' };
    const bundle = { need: name, category: 'ammunition', dutchQuantity: 1, ukrainianQuantity: 1, identifiedOn: '2025-04-01', note: '' };
    expect(priceDevelopmentViolations(price, TODAY)).toEqual([{ field: 'item', code: 'placeholderText' }]);
    expect(coproductionViolations(project, TODAY)).toEqual([{ field: 'partner', code: 'placeholderText' }]);
    expect(demandBundleViolations(bundle, TODAY)).toEqual([{ field: 'need', code: 'placeholderText' }]);
  });
});

describe('a price paid under a contract', () => {
  const contract = { signedOn: '2025-03-01', withdrawnOn: null, amountCents: 250_000_000 };

  it('is paid once the contract was signed, up to what the whole contract is worth', () => {
    expect(priceUnderContractViolations({ paidOn: '2025-03-01', paidPriceCents: 250_000_000 }, contract)).toEqual([]);
  });

  it('is refused on or after the day the contract was withdrawn, and taken the day before, when it stood', () => {
    const withdrawn = { ...contract, withdrawnOn: '2025-07-01' };
    expect(priceUnderContractViolations({ paidOn: '2025-07-01', paidPriceCents: 100 }, withdrawn)).toEqual([{ field: 'paidOn', code: 'contractWithdrawn', params: { withdrawnOn: '2025-07-01' } }]);
    expect(priceUnderContractViolations({ paidOn: '2025-06-30', paidPriceCents: 100 }, withdrawn)).toEqual([]);
  });

  it('is refused before the signing and above the contract, both at once', () => {
    expect(priceUnderContractViolations({ paidOn: '2025-02-28', paidPriceCents: 250_000_001 }, contract)).toEqual([
      { field: 'paidOn', code: 'beforeSigning', params: { signedOn: '2025-03-01' } },
      { field: 'paidPriceCents', code: 'aboveContractAmount', params: { amountCents: '250000000' } },
    ]);
  });
});

describe('correcting and withdrawing a contract', () => {
  const dependants = { dueOn: ['2025-04-01'], reportedOn: ['2025-03-15'], prices: [{ paidOn: '2025-05-01', paidPriceCents: 500_00 }], withdrawnOn: [] };

  it('keeps the records under a corrected contract after its signing and within its amount', () => {
    expect(correctedContractViolations({ signedOn: '2025-03-15', amountCents: 500_00 }, dependants)).toEqual([]);
    expect(correctedContractViolations({ signedOn: '2025-03-16', amountCents: 499_99 }, dependants)).toEqual([
      { field: 'signedOn', code: 'afterContractRecords', params: { first: '2025-03-15' } },
      { field: 'amountCents', code: 'belowPricePaid', params: { amountCents: '50000' } },
    ]);
    expect(correctedContractViolations({ signedOn: '2030-01-01', amountCents: 1 }, { dueOn: [], reportedOn: [], prices: [], withdrawnOn: [] })).toEqual([]);
    expect(correctedContractViolations({ signedOn: '2025-06-02' }, { dueOn: [], reportedOn: [], prices: [], withdrawnOn: ['2025-06-01'] })).toEqual([{ field: 'signedOn', code: 'afterContractRecords', params: { first: '2025-06-01' } }]);
  });

  it('withdraws a contract once, with a reason, on a day that has come and no earlier than its signing', () => {
    const contract = { signedOn: '2025-03-01', withdrawnOn: null };
    expect(contractWithdrawalViolations({ withdrawnOn: '2025-03-01', reason: 'Dubbel vastgelegd' }, TODAY, contract)).toEqual([]);
    expect(contractWithdrawalViolations({ withdrawnOn: '2025-02-28', reason: ' ' }, TODAY, contract).map((violation) => violation.code)).toEqual(['beforeSigning', 'required']);
    expect(contractWithdrawalViolations({ withdrawnOn: '2025-09-11', reason: 'Ontbonden\u0007' }, TODAY, contract).map((violation) => violation.code)).toEqual(['dateInFuture', 'controlCharacter']);
    expect(contractWithdrawalViolations({ withdrawnOn: '2025-06-01', reason: 'Ontbonden' }, TODAY, { ...contract, withdrawnOn: '2025-05-01' })).toEqual([
      { field: 'withdrawnOn', code: 'contractAlreadyWithdrawn', params: { withdrawnOn: '2025-05-01' } },
    ]);
  });
});
