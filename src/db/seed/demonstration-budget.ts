import type { BudgetDecision, BudgetShift, CommitmentStageEntry } from '../../domain/budget.ts';
import type { StoredCommitment } from '../repositories/budget.ts';

/**
 * Demonstration data: the budget for military support as the letter of 10 September 2025 describes it.
 * From the letter: about €13,6 mld. budgeted since the start of the full-scale war; the spring decisions
 * of 2025 (Voorjaarsnota 2025) adding €3,2 mld. for 2025-2027 and moving €2 mld. from 2026 to 2025;
 * nearly all available money legally committed or with plans and projects identified; and €25 mln. to
 * be added to the NATO UCAP in 2026. The split over the earlier years, the dates of the decisions and
 * the commitments are assumed, so that the totals come out as the letter's: they are no published figures.
 */

const billion = (value: number) => Math.round(value * 100_000_000_000);
const million = (value: number) => Math.round(value * 100_000_000);

const ASSUMED = 'Demonstratiegegevens: bedrag per jaar en datum aangenomen, zodat het totaal uitkomt op dat van de brief.';

type DemonstrationDecision = Omit<BudgetDecision, 'recordedAt'>;

const decision = (fields: Omit<DemonstrationDecision, 'isDemonstration' | 'description'> & { description?: string }): DemonstrationDecision => ({
  description: ASSUMED,
  ...fields,
  isDemonstration: true,
});

/** The Voorjaarsnota 2025: €3,2 mld. for 2025-2027 on the Budget Internationale Veiligheid. */
const SPRING_2025_DECISION_ID = '45e7a54d-4594-495d-a569-ba72076ed335';
/** The Voorjaarsnota 2025: €2 mld. from 2026 to 2025. */
const SPRING_2025_SHIFT_ID = '19ec1c33-04d0-42e3-bb48-5d5b8f7af178';
/** The €25 mln. to be added to the NATO UCAP in 2026, pledged with the Voorjaarsnota 2025. */
const UCAP_2026_PLEDGE_ID = '43f6ab79-f987-46cf-93da-9deb316d76ff';
/** The Voorjaarsnota 2025 is not dated in the letter. */
const SPRING_2025 = '2025-04-15';

export const DEMONSTRATION_BUDGET_DECISIONS: readonly DemonstrationDecision[] = [
  decision({ id: '4a9576ce-9f54-4ba5-9aaa-69c6484403f2', moment: 'Najaarsnota 2022', decidedOn: '2022-11-25', fund: 'ukraineSupportBudget', firstYear: 2022, lastYear: 2022, amounts: [{ budgetYear: 2022, amountCents: billion(1.4) }] }),
  decision({ id: 'b50efb6d-32f1-44be-bedf-394c03cbe4bd', moment: 'Voorjaarsnota 2023', decidedOn: '2023-04-14', fund: 'ukraineSupportBudget', firstYear: 2023, lastYear: 2023, amounts: [{ budgetYear: 2023, amountCents: billion(2.5) }] }),
  decision({ id: 'b9691049-2793-44a2-a7c8-22cf7c1f0270', moment: 'Miljoenennota 2024', decidedOn: '2023-09-19', fund: 'ukraineSupportBudget', firstYear: 2024, lastYear: 2024, amounts: [{ budgetYear: 2024, amountCents: billion(3) }] }),
  decision({ id: '0f8158c8-73ed-4101-aacc-ef61dbbe1829', moment: 'Miljoenennota 2025', decidedOn: '2024-09-17', fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: billion(3.5) }] }),
  decision({
    id: SPRING_2025_DECISION_ID,
    moment: 'Voorjaarsnota 2025',
    decidedOn: SPRING_2025,
    fund: 'internationalSecurityBudget',
    firstYear: 2025,
    lastYear: 2027,
    amounts: [
      { budgetYear: 2025, amountCents: billion(0.4) },
      { budgetYear: 2026, amountCents: billion(2.4) },
      { budgetYear: 2027, amountCents: billion(0.4) },
    ],
    description: 'Demonstratiegegevens: €3,2 mld. voor 2025-2027 volgens de brief; de verdeling over de jaren en de datum zijn aangenomen.',
  }),
];

export const DEMONSTRATION_BUDGET_SHIFTS: readonly Omit<BudgetShift, 'recordedAt'>[] = [
  {
    id: SPRING_2025_SHIFT_ID,
    moment: 'Voorjaarsnota 2025',
    decidedOn: SPRING_2025,
    fund: 'internationalSecurityBudget',
    fromYear: 2026,
    toYear: 2025,
    amountCents: billion(2),
    description: 'Demonstratiegegevens: €2 mld. van 2026 naar 2025 volgens de brief; de datum is aangenomen.',
    isDemonstration: true,
  },
];

interface DemonstrationCommitment {
  commitment: Omit<StoredCommitment, 'createdAt'>;
  stages: Omit<CommitmentStageEntry, 'recordedAt' | 'commitmentId'>[];
}

const commitment = (
  id: string,
  title: string,
  fund: StoredCommitment['fund'],
  budgetYear: number,
  stages: DemonstrationCommitment['stages'],
): DemonstrationCommitment => ({
  commitment: { id, title, fund, budgetYear, deliveryId: null, contractReference: null, isDemonstration: true },
  stages,
});

const COMBINED = 'Demonstratiegegevens: contracten en bijdragen van het jaar opgeteld; bedragen en data aangenomen.';

export const DEMONSTRATION_COMMITMENTS: readonly DemonstrationCommitment[] = [
  commitment('4a6e1f0b-2d47-4c1e-9a3b-6f2d1c0e9b71', 'Contracten en bijdragen 2022', 'ukraineSupportBudget', 2022, [
    { id: '8a661ce0-8d16-4efd-8516-af6d950558f0', stage: 'committed', amountCents: billion(1.4), effectiveOn: '2022-12-15', note: COMBINED },
  ]),
  commitment('50405d82-b092-4de8-8e8c-7590120b1b1b', 'Contracten en bijdragen 2023', 'ukraineSupportBudget', 2023, [
    { id: 'afee2035-572a-4a18-adb6-3f32858708e7', stage: 'committed', amountCents: billion(2.5), effectiveOn: '2023-12-15', note: COMBINED },
  ]),
  commitment('0cf06497-599b-4e9f-8f01-1296ef9adc80', 'Contracten en bijdragen 2024', 'ukraineSupportBudget', 2024, [
    { id: '5fefefd4-3f9b-4328-8ea7-0187708b0990', stage: 'pledged', amountCents: billion(2.6), effectiveOn: '2024-03-01', note: COMBINED },
    { id: 'a2f78403-e20b-4585-9719-c29acd43ca16', stage: 'committed', amountCents: billion(3), effectiveOn: '2024-12-13', note: COMBINED },
  ]),
  commitment('669e5a97-b002-4c08-9b98-d30ef5ee75f1', 'Contracten en bijdragen 2025 (Steunfonds Oekraïne)', 'ukraineSupportBudget', 2025, [
    { id: '1b7c3d52-5e0a-4f6b-8c21-3d9e4a7b6c10', stage: 'pledged', amountCents: billion(3.5), effectiveOn: '2025-01-15', note: COMBINED },
    { id: '2c8d4e63-6f1b-4a7c-9d32-4eaf5b8c7d21', stage: 'committed', amountCents: billion(3.5), effectiveOn: '2025-05-30', note: COMBINED },
  ]),
  commitment('3d9e5f74-7a2c-4b8d-ae43-5fb06c9d8e32', 'Versnellingsoperatie 2025: juridisch verplicht', 'internationalSecurityBudget', 2025, [
    { id: '4eaf6a85-8b3d-4c9e-bf54-6ac17dae9f43', stage: 'pledged', amountCents: billion(1.2), effectiveOn: SPRING_2025, note: COMBINED },
    { id: '5fb07b96-9c4e-4daf-8065-7bd28ebfa054', stage: 'committed', amountCents: billion(1.4), effectiveOn: '2025-07-31', note: COMBINED },
  ]),
  commitment('6ac18ca7-ad5f-4eb0-9176-8ce39fc0b165', 'Versnellingsoperatie 2025: plannen en projecten geïdentificeerd', 'internationalSecurityBudget', 2025, [
    { id: '7bd29db8-be60-4fc1-a287-9df4a0d1c276', stage: 'pledged', amountCents: billion(0.95), effectiveOn: '2025-07-31', note: COMBINED },
  ]),
  commitment(UCAP_2026_PLEDGE_ID, 'Extra bijdrage aan het NAVO UCAP in 2026', 'internationalSecurityBudget', 2026, [
    { id: '8ce3aec9-cf71-4ad2-b398-aef5b1e2d387', stage: 'pledged', amountCents: million(25), effectiveOn: SPRING_2025, note: 'Demonstratiegegevens: €25 mln. voor 2026 volgens de brief, conform de Voorjaarsnota 2025.' },
  ]),
  commitment('9df4bfda-d082-4be3-84a9-bf06c2f3e498', 'Plannen en projecten 2026-2027', 'internationalSecurityBudget', 2026, [
    { id: 'ae05c0eb-e193-4cf4-95ba-c017d304f5a9', stage: 'pledged', amountCents: million(375), effectiveOn: '2025-07-31', note: COMBINED },
  ]),
];
