import type { BudgetDecision, BudgetShift, CommitmentStageEntry } from '../../domain/budget.ts';
import type { StoredCommitment } from '../repositories/budget.ts';

/**
 * Demonstration data: the budget for military support from 2022 on, with the decisions the government
 * published, each citing its source beside it, and the letter of 10 September 2025's own figures: about
 * €13,6 mld. budgeted since the start of the full-scale war; the Voorjaarsnota 2025 adding €3,2 mld. for
 * 2025-2027 and moving €2 mld. from 2026 to 2025; nearly all available money legally committed or with
 * plans and projects identified; €25 mln. to be added to the NATO UCAP in 2026.
 *
 * Left out, and why: the Miljoenennota 2024's budget for 2027 (−€16 mln.: a decision holds no negative
 * amount) and for 2028-2029 (€441 and €80 mln.: beyond the years the letter's total covers). Not found in
 * a source: the budget of 2022 per decision, and how the Voorjaarsnota 2025 spreads its €3,2 mld. over
 * 2025-2027; the first is derived as what the letter's total leaves, the second is assumed. The
 * commitments are the letter's "nearly all committed or planned", per year, with assumed dates.
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

const MILLION_IN_BILLIONS = 0.001;
const perYear = (amounts: Record<number, number>) =>
  Object.entries(amounts).map(([year, millions]) => ({ budgetYear: Number(year), amountCents: billion(millions * MILLION_IN_BILLIONS) }));

/** The sourced decisions and the Voorjaarsnota 2025; the budget of 2022 is what the letter's total leaves of them. */
const SOURCED_DECISIONS: readonly DemonstrationDecision[] = [
  decision({
    id: 'b50efb6d-32f1-44be-bedf-394c03cbe4bd',
    moment: 'Extra militaire steun 2023',
    decidedOn: '2023-11-17',
    fund: 'ukraineSupportBudget',
    firstYear: 2023,
    lastYear: 2023,
    amounts: perYear({ 2023: 1_700 }),
    description:
      'Demonstratiegegevens. Bron: Kamerbrief over de steun aan Oekraïne in 2024, 17 november 2023, zoals bericht op ' +
      'https://nieuws.nl/algemeen/20231117/kabinet-trekt-ruim-2-miljard-uit-voor-steun-aan-oekraine-in-2024/ ("Daar kwam nog eens 1,7 miljard euro aan extra ' +
      'militaire steun bij"). Datum: die van de bron; het besluit viel eerder in 2023.',
  }),
  decision({
    id: 'b9691049-2793-44a2-a7c8-22cf7c1f0270',
    moment: 'Miljoenennota 2024 (stand eerdere besluiten)',
    decidedOn: '2023-09-19',
    fund: 'ukraineSupportBudget',
    firstYear: 2024,
    lastYear: 2026,
    amounts: perYear({ 2024: 1_146, 2025: 536, 2026: 296 }),
    description:
      'Demonstratiegegevens. Bron: Voorjaarsnota 2024, § 4.2 Oekraïne, tabel 15 "Uitgaven internationale steun Oekraïne", regel ' +
      '"Stand Miljoenennota 2024, militaire ondersteuning" (in mln. euro), https://rijksfinancien.nl/voorjaarsnota/2024/2744670. ' +
      'Weggelaten: 2027 (−16), 2028 (441) en 2029 (80).',
  }),
  decision({
    id: '0f8158c8-73ed-4101-aacc-ef61dbbe1829',
    moment: 'Voorjaarsnota 2024',
    decidedOn: '2024-04-15',
    fund: 'ukraineSupportBudget',
    firstYear: 2024,
    lastYear: 2028,
    amounts: perYear({ 2024: 2_021, 2025: 1_748, 2026: 2_025, 2027: 38, 2028: 70 }),
    description:
      'Demonstratiegegevens. Bron: Voorjaarsnota 2024 (15 april 2024), § 4.2 Oekraïne, tabel 15, regel "Besluitvorming, militaire ' +
      'ondersteuning" (in mln. euro): de €2 mld. voor 2024 en aanvullend €4 mld. voor 2024-2026, https://rijksfinancien.nl/voorjaarsnota/2024/2744670.',
  }),
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
    description:
      'Demonstratiegegevens. Bron: Kamerbrief leveringen militaire goederen aan Oekraïne, 10 september 2025: €3,2 mld. voor 2025-2027. ' +
      'De verdeling over de jaren en de datum zijn aangenomen (niet in de gevonden bronnen).',
  }),
];

/** The letter of 10 September 2025: "circa €13,6 mld. aan militaire steun begroot". */
const LETTER_BUDGET_TOTAL = billion(13.6);
const sourcedTotal = SOURCED_DECISIONS.reduce((sum, sourced) => sum + sourced.amounts.reduce((years, amount) => years + amount.amountCents, 0), 0);

export const DEMONSTRATION_BUDGET_DECISIONS: readonly DemonstrationDecision[] = [
  decision({
    id: '4a9576ce-9f54-4ba5-9aaa-69c6484403f2',
    moment: 'Budget 2022',
    decidedOn: '2022-12-16',
    fund: 'ukraineSupportBudget',
    firstYear: 2022,
    lastYear: 2022,
    amounts: [{ budgetYear: 2022, amountCents: LETTER_BUDGET_TOTAL - sourcedTotal }],
    description:
      'Demonstratiegegevens: geen bron per besluit gevonden. Afgeleid als het totaal van de brief van 10 september 2025 ' +
      '(€13,6 mld.) min de besluiten met een bron; datum aangenomen.',
  }),
  ...SOURCED_DECISIONS,
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

const ukraineBudgetOf = (year: number) =>
  DEMONSTRATION_BUDGET_DECISIONS.filter((each) => each.fund === 'ukraineSupportBudget')
    .flatMap((each) => each.amounts)
    .filter((amount) => amount.budgetYear === year)
    .reduce((sum, amount) => sum + amount.amountCents, 0);

export const DEMONSTRATION_COMMITMENTS: readonly DemonstrationCommitment[] = [
  commitment('4a6e1f0b-2d47-4c1e-9a3b-6f2d1c0e9b71', 'Contracten en bijdragen 2022', 'ukraineSupportBudget', 2022, [
    { id: '8a661ce0-8d16-4efd-8516-af6d950558f0', stage: 'committed', amountCents: ukraineBudgetOf(2022), effectiveOn: '2022-12-16', note: COMBINED },
  ]),
  commitment('50405d82-b092-4de8-8e8c-7590120b1b1b', 'Contracten en bijdragen 2023', 'ukraineSupportBudget', 2023, [
    { id: 'afee2035-572a-4a18-adb6-3f32858708e7', stage: 'committed', amountCents: ukraineBudgetOf(2023), effectiveOn: '2023-12-15', note: COMBINED },
  ]),
  commitment('0cf06497-599b-4e9f-8f01-1296ef9adc80', 'Contracten en bijdragen 2024', 'ukraineSupportBudget', 2024, [
    { id: '5fefefd4-3f9b-4328-8ea7-0187708b0990', stage: 'pledged', amountCents: billion(2.6), effectiveOn: '2024-03-01', note: COMBINED },
    { id: 'a2f78403-e20b-4585-9719-c29acd43ca16', stage: 'committed', amountCents: ukraineBudgetOf(2024), effectiveOn: '2024-12-13', note: COMBINED },
  ]),
  commitment('669e5a97-b002-4c08-9b98-d30ef5ee75f1', 'Contracten en bijdragen 2025 (Steunfonds Oekraïne)', 'ukraineSupportBudget', 2025, [
    { id: '1b7c3d52-5e0a-4f6b-8c21-3d9e4a7b6c10', stage: 'pledged', amountCents: ukraineBudgetOf(2025), effectiveOn: '2025-01-15', note: COMBINED },
    { id: '2c8d4e63-6f1b-4a7c-9d32-4eaf5b8c7d21', stage: 'committed', amountCents: ukraineBudgetOf(2025), effectiveOn: '2025-05-30', note: COMBINED },
  ]),
  commitment('b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', 'Plannen en projecten 2026 (Steunfonds Oekraïne)', 'ukraineSupportBudget', 2026, [
    { id: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', stage: 'pledged', amountCents: ukraineBudgetOf(2026), effectiveOn: '2025-07-31', note: COMBINED },
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
