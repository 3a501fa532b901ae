import { cents, type Cents } from '../../../common/money.ts';
import type { EpfAssessment, EpfBlockage, EpfClaim, EpfReceipt, EpfTranche } from '../../domain/epf.ts';

/**
 * Demonstration data: the European Peace Facility as the letter of 10 September 2025 describes it, in its
 * paragraph "Europese Vredesfaciliteit". The totals are the letter's; how they split over claims, and every
 * date the letter does not give, are assumed (the notes say so):
 * - the EU has committed about €6 mld. to Ukraine through the EPF (one aggregate assistance measure here);
 * - two tranches of windfall profits, €1,4 and €1,9 mld.; in the second the Netherlands is implementing
 *   actor for €100 mln. of drones (the delivery funded by the EPF in the demonstration register);
 * - of the claims for support delivered until early 2023 and for the ammunition initiatives, €440 mln. is
 *   compensated, €52,8 mln. of it paid in 2024, the rest expected up to and including 2027;
 * - claims for deliveries from Q2 2023 on are blocked by Hungary's veto on further tranches;
 * - up to and including 20 July 2025 the Netherlands declared €3,305 mld. in all ("ruim €3,3 mld.").
 */

const ASSUMED = 'Demonstratie: bedrag volgens de brief, verdeling en datum aangenomen.';
const VETO = 'Hongaarse blokkade op het aannemen van volgende tranches steun (leveringen vanaf Q2 2023).';

function millionEuro(amount: number): Cents {
  return cents(Math.round(amount * 100_000_000));
}

const recordedOn = (date: string) => `${date}T12:00:00.000Z`;

const EPF_ASSISTANCE_MEASURES = '772e2f08-5552-4c98-b20b-a064ff931048';
const EPF_WINDFALL_TRANCHE_1 = 'bf962a47-f833-496c-8f23-f1cfba36650f';
const EPF_WINDFALL_TRANCHE_2 = 'bde01989-ad4e-4175-a935-3b75d744b640';

export const DEMONSTRATION_EPF_TRANCHES: readonly EpfTranche[] = [
  {
    id: EPF_ASSISTANCE_MEASURES,
    kind: 'assistanceMeasure',
    name: 'Demonstratie: EPF-bijstandsmaatregelen voor Oekraïne (geaggregeerd)',
    euAmountCents: millionEuro(6_000),
    decidedOn: '2024-03-18',
    dutchRole: 'claimant',
    note: 'Demonstratie: "ongeveer 6 miljard euro" volgens de brief; datum aangenomen.',
    isDemonstration: true,
  },
  {
    id: EPF_WINDFALL_TRANCHE_1,
    kind: 'windfallProfits',
    name: 'Windfall profits, tranche 1',
    euAmountCents: millionEuro(1_400),
    decidedOn: '2024-07-26',
    dutchRole: 'none',
    note: 'Demonstratie: bedrag volgens de brief, datum aangenomen.',
    isDemonstration: true,
  },
  {
    id: EPF_WINDFALL_TRANCHE_2,
    kind: 'windfallProfits',
    name: 'Windfall profits, tranche 2',
    euAmountCents: millionEuro(1_900),
    decidedOn: '2025-04-15',
    dutchRole: 'implementingActor',
    note: 'Demonstratie: bedrag volgens de brief, datum aangenomen. Nederland verwerft als uitvoerder €100 mln. aan drones.',
    isDemonstration: true,
  },
];

interface DemonstrationClaim {
  claim: EpfClaim;
  assessments: EpfAssessment[];
  receipts: EpfReceipt[];
  blockages: EpfBlockage[];
}

function batchClaim(
  id: string,
  reference: string,
  batch: string,
  period: string,
  declared: { million: number; on: string },
  history: { assessments?: Omit<EpfAssessment, 'claimId' | 'recordedAt' | 'note'>[]; receipts?: Omit<EpfReceipt, 'claimId' | 'recordedAt' | 'note'>[]; blockedOn?: { id: string; on: string } } = {},
): DemonstrationClaim {
  return {
    claim: {
      id,
      reference,
      deliveryId: null,
      batch,
      trancheId: EPF_ASSISTANCE_MEASURES,
      period,
      declaredCents: millionEuro(declared.million),
      declaredOn: declared.on,
      note: ASSUMED,
      isDemonstration: true,
      recordedAt: recordedOn(declared.on),
    },
    assessments: (history.assessments ?? []).map((row) => ({ ...row, claimId: id, note: ASSUMED, recordedAt: recordedOn(row.assessedOn) })),
    receipts: (history.receipts ?? []).map((row) => ({ ...row, claimId: id, note: ASSUMED, recordedAt: recordedOn(row.receivedOn) })),
    blockages: history.blockedOn
      ? [{ id: history.blockedOn.id, claimId: id, blocked: true, effectiveOn: history.blockedOn.on, reason: VETO, recordedAt: recordedOn(history.blockedOn.on) }]
      : [],
  };
}

export const DEMONSTRATION_EPF_CLAIMS: readonly DemonstrationClaim[] = [
  batchClaim('3dffe690-a9f6-4ac2-bcd1-a65fdf752706', 'Demo EPF-NL-2023-01', 'Demonstratie: leveringen uit eigen voorraad (geaggregeerd)', 'feb. 2022 t/m mrt. 2023', { million: 1_150, on: '2023-04-28' }, {
    assessments: [{ id: '9e19f63d-c9c9-44ba-9643-fd0e1d8204cd', compensatedCents: millionEuro(340), assessedOn: '2023-11-15', remainderExpectedBy: 2027 }],
    receipts: [{ id: '8554d06f-1c71-46bb-bf1e-cfce6a065c9b', amountCents: millionEuro(52.8), receivedOn: '2024-06-28' }],
  }),
  batchClaim('d2bcf042-794a-4bc7-817d-bc5c9e6ff533', 'Demo EPF-NL-2023-02', 'Demonstratie: bijdragen aan de EPF-munitie-initiatieven', '2023', { million: 150, on: '2023-09-29' }, {
    assessments: [{ id: '38b78fe4-942f-40b7-8825-cfdc89260e89', compensatedCents: millionEuro(100), assessedOn: '2024-02-15', remainderExpectedBy: 2027 }],
  }),
  batchClaim('7806b057-70fb-4628-8704-ba903734276c', 'Demo EPF-NL-2024-01', 'Demonstratie: leveringen uit eigen voorraad (geaggregeerd)', 'apr. t/m dec. 2023', { million: 1_000, on: '2024-03-29' }, {
    blockedOn: { id: '6dd8abfa-eb55-42c7-a828-fe085f4defc4', on: '2024-03-29' },
  }),
  batchClaim('946e8b9b-e7db-4881-ac63-616c610a4eab', 'Demo EPF-NL-2025-01', 'Demonstratie: leveringen en verwervingen (geaggregeerd)', '2024', { million: 800, on: '2025-01-31' }, {
    blockedOn: { id: 'b7168342-1837-4770-84c2-0ad60a8a2ac8', on: '2025-01-31' },
  }),
  batchClaim('0c004257-61f5-4dea-a793-7323348052a6', 'Demo EPF-NL-2025-02', 'Demonstratie: leveringen en verwervingen (geaggregeerd)', 'jan. t/m jun. 2025', { million: 205, on: '2025-07-20' }, {
    blockedOn: { id: '2faf29ba-69a0-4ff8-94f1-ff3e9122bdfc', on: '2025-07-20' },
  }),
];
