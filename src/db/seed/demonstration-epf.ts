import { cents, type Cents } from '../../../common/money.ts';
import type { EpfAssessment, EpfBlockage, EpfClaim, EpfReceipt, EpfTranche } from '../../domain/epf.ts';

/**
 * Demonstration data: the European Peace Facility as the letters to parliament describe it. The letter of
 * 10 September 2025 (paragraph "Europese Vredesfaciliteit") gives the state at its date:
 * - the EU has committed about €6 mld. to Ukraine through the EPF (one aggregate assistance measure here, dated
 *   from the first measure, Council Decision (CFSP) 2022/338 of 28 February 2022,
 *   https://eur-lex.europa.eu/eli/dec/2022/338/oj); it compensates the Dutch claims;
 * - two tranches of windfall profits, €1,4 and €1,9 mld.; in the second the Netherlands is implementing
 *   actor for €100 mln. of drones (the delivery funded by the EPF in the demonstration register);
 * - of the claims for support delivered until early 2023 and for the ammunition initiatives, €440 mln. is
 *   compensated, €52,8 mln. of it paid in 2024, the rest expected up to and including 2027;
 * - claims for deliveries from Q2 2023 on are blocked by Hungary's veto on further tranches;
 * - up to and including 20 July 2025 the Netherlands declared €3,305 mld. in all ("ruim €3,3 mld.").
 * Earlier letters give the history (cited beside each claim and assessment):
 * - April 2022: €30 mln. declared (as reported by the Nederlands Dagblad,
 *   https://www.nd.nl/varia/varia/1119985/nederland-leverde-voor-65-miljoen-aan-militaire-goederen-aan-kiev);
 * - 6 February 2023: €62,9 mln. compensated so far
 *   (https://nieuws.nl/algemeen/20230206/nederland-heeft-oekraine-voor-ruim-1-miljard-militair-gesteund/);
 * - 13 April 2023 (Kamerstuk 22 054, nr. 387): €516 mln. declared in all, about €202,9 mln. compensated
 *   for deliveries up to the end of November 2022
 *   (https://nieuws.nl/algemeen/20230413/nederland-gaf-oekraine-12-miljard-aan-militair-materieel/);
 * - 5 July 2023: €708 mln. declared in all
 *   (https://nieuws.nl/algemeen/20230705/nederland-gaf-bijna-2-miljard-euro-aan-militaire-hulp-aan-oekraine/).
 *   The same report's "242 miljoen uitbetaald" is left out: it cannot be squared with the letter of
 *   September 2025, which names €52,8 mln. paid in 2024 as what has been paid.
 * Not published, so assumed (the notes say so): the day of each declaration, the ammunition claim's amount,
 * how the €440 mln. and the blocked €2,447 mld. split over claims, and the windfall-profit tranches' dates.
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
    // The first measure's day, so that the claims it compensates, from April 2022 on, follow it; its amount is the letter's.
    decidedOn: '2022-02-28',
    dutchRole: 'claimant',
    note: 'Demonstratie: "ongeveer 6 miljard euro" volgens de brief; datum van de eerste bijstandsmaatregel voor Oekraïne (Besluit (GBVB) 2022/338 van de Raad van 28 februari 2022).',
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

type Sourced<T> = Omit<T, 'claimId' | 'recordedAt' | 'note'> & { note?: string };

function batchClaim(
  id: string,
  reference: string,
  batch: string,
  period: string,
  declared: { million: number; on: string; note?: string },
  history: { assessments?: Sourced<EpfAssessment>[]; receipts?: Sourced<EpfReceipt>[]; blockedOn?: { id: string; on: string } } = {},
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
      note: declared.note ?? ASSUMED,
      isDemonstration: true,
      recordedAt: recordedOn(declared.on),
    },
    assessments: (history.assessments ?? []).map((row) => ({ ...row, claimId: id, note: row.note ?? ASSUMED, recordedAt: recordedOn(row.assessedOn) })),
    receipts: (history.receipts ?? []).map((row) => ({ ...row, claimId: id, note: row.note ?? ASSUMED, recordedAt: recordedOn(row.receivedOn) })),
    blockages: history.blockedOn
      ? [{ id: history.blockedOn.id, claimId: id, blocked: true, effectiveOn: history.blockedOn.on, reason: VETO, recordedAt: recordedOn(history.blockedOn.on) }]
      : [],
  };
}

const APRIL_2023 = 'Demonstratie: stand van 13 april 2023 volgens Kamerstuk 22 054, nr. 387 (€516 mln. gedeclareerd, circa €202,9 mln. gecompenseerd voor leveringen t/m eind november 2022); dag van declaratie aangenomen.';

export const DEMONSTRATION_EPF_CLAIMS: readonly DemonstrationClaim[] = [
  batchClaim('5c0e8f3a-6b1d-4e2a-9f47-2d8c1b0a9e63', 'Demo EPF-NL-2022-01', 'Demonstratie: leveringen uit eigen voorraad (geaggregeerd)', 'feb. t/m apr. 2022', {
    million: 30,
    on: '2022-04-14',
    note: 'Demonstratie: €30 mln. gedeclareerd volgens de Kamerbrief van april 2022 (zoals bericht door het Nederlands Dagblad); dag aangenomen.',
  }, {
    assessments: [{ id: 'e4a1c7d2-3b8f-4a65-9c0e-7f2b5d1a8c34', compensatedCents: millionEuro(30), assessedOn: '2023-02-06', remainderExpectedBy: 2027, note: 'Demonstratie: deel van de €62,9 mln. gecompenseerd per 6 februari 2023; verdeling aangenomen.' }],
  }),
  batchClaim('3dffe690-a9f6-4ac2-bcd1-a65fdf752706', 'Demo EPF-NL-2023-01', 'Demonstratie: leveringen uit eigen voorraad (geaggregeerd)', 'mei t/m nov. 2022', { million: 486, on: '2023-01-31', note: APRIL_2023 }, {
    assessments: [
      { id: '7a2d9e41-5c3b-4f08-a6d2-1e9b8c7f0a53', compensatedCents: millionEuro(32.9), assessedOn: '2023-02-06', remainderExpectedBy: 2027, note: 'Demonstratie: rest van de €62,9 mln. gecompenseerd per 6 februari 2023.' },
      { id: '9e19f63d-c9c9-44ba-9643-fd0e1d8204cd', compensatedCents: millionEuro(172.9), assessedOn: '2023-04-13', remainderExpectedBy: 2027, note: APRIL_2023 },
    ],
    receipts: [{ id: '8554d06f-1c71-46bb-bf1e-cfce6a065c9b', amountCents: millionEuro(52.8), receivedOn: '2024-06-28', note: 'Demonstratie: €52,8 mln. in 2024 uitbetaald volgens de brief van 10 september 2025; dag aangenomen.' }],
  }),
  batchClaim('f61b2c8e-0d4a-4b97-8e35-a7c9d2e1f048', 'Demo EPF-NL-2023-03', 'Demonstratie: leveringen uit eigen voorraad en verwervingen (geaggregeerd)', 'dec. 2022 t/m mrt. 2023', {
    million: 192,
    on: '2023-07-05',
    note: 'Demonstratie: €708 mln. gedeclareerd in totaal per 5 juli 2023 (bericht over de Kamerbrief van die dag), min de €516 mln. van april 2023.',
  }, {
    assessments: [{ id: 'b83e0f5d-2a19-4c76-9d4b-6e1f0a2c8d97', compensatedCents: millionEuro(137.1), assessedOn: '2024-02-15', remainderExpectedBy: 2027 }],
  }),
  batchClaim('d2bcf042-794a-4bc7-817d-bc5c9e6ff533', 'Demo EPF-NL-2023-02', 'Demonstratie: bijdragen aan de EPF-munitie-initiatieven', '2023', { million: 150, on: '2023-09-29' }, {
    assessments: [{ id: '38b78fe4-942f-40b7-8825-cfdc89260e89', compensatedCents: millionEuro(100), assessedOn: '2024-02-15', remainderExpectedBy: 2027 }],
  }),
  batchClaim('7806b057-70fb-4628-8704-ba903734276c', 'Demo EPF-NL-2024-01', 'Demonstratie: leveringen uit eigen voorraad (geaggregeerd)', 'apr. t/m dec. 2023', { million: 1_442, on: '2024-03-29' }, {
    blockedOn: { id: '6dd8abfa-eb55-42c7-a828-fe085f4defc4', on: '2024-03-29' },
  }),
  batchClaim('946e8b9b-e7db-4881-ac63-616c610a4eab', 'Demo EPF-NL-2025-01', 'Demonstratie: leveringen en verwervingen (geaggregeerd)', '2024', { million: 800, on: '2025-01-31' }, {
    blockedOn: { id: 'b7168342-1837-4770-84c2-0ad60a8a2ac8', on: '2025-01-31' },
  }),
  batchClaim('0c004257-61f5-4dea-a793-7323348052a6', 'Demo EPF-NL-2025-02', 'Demonstratie: leveringen en verwervingen (geaggregeerd)', 'jan. t/m jun. 2025', { million: 205, on: '2025-07-20' }, {
    blockedOn: { id: '2faf29ba-69a0-4ff8-94f1-ff3e9122bdfc', on: '2025-07-20' },
  }),
];
