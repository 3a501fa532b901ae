import { createHash } from 'node:crypto';
import { cents, type Cents } from '../../../common/money.ts';
import type { IsoDate } from '../../../common/dates.ts';
import type { DeliveryFields, Payment, Source, Valuation, ValuationBasis } from '../../domain/delivery.ts';
import { NATO_FUND_HISTORY, PUBLISHED_HISTORY } from './demonstration-history.ts';

/**
 * The demonstration register, built only from what the letter of 10 September 2025 publishes: the items
 * it names, plus one clearly labelled aggregate per support type and period standing for the confidential
 * remainder. Amounts come from the letter; where it gives no date, a date within the right period is
 * assumed (and the note says so). Ids are fixed, so loading twice changes nothing.
 *
 * The aggregates up to 4 Feb 2025 grow in steps from April 2022 on, as the letters to parliament reported
 * the running totals (demonstration-history.ts cites each), so that the figures have their history.
 *
 * The letter fixes each figure only to its printed precision. The remainders are chosen so that:
 * - at 4 Feb 2025 the parts are exactly the printed 2,05 + 3,73 + 0,10 = 5,88 mld.;
 * - at 31 Aug 2025 stock is 2,40 mld. and the NATO fund the €179 mln. the text names, so procurement
 *   6,121 mld. makes the total exactly 8,70 mld.: printed 8,7, an increase of exactly 2,82 mld., and
 *   2,82 / 5,88 = 47,96 % printed as 48 procent.
 */

export const LETTER_COMPARE_DATE: IsoDate = '2025-02-04';
export const LETTER_REFERENCE_DATE: IsoDate = '2025-08-31';

export interface DemonstrationDelivery extends DeliveryFields {
  id: string;
  valuations: Valuation[];
  payments: Payment[];
}

const LETTER: Source = { description: 'Kamerbrief leveringen militaire goederen aan Oekraïne, 10 september 2025' };

const AGGREGATE_NOTE = 'Demonstratie: staat voor het vertrouwelijke deel, zodat de tabel van de brief uitkomt.';
const ASSUMED_DATE_NOTE = 'Demonstratie: bedrag volgens de brief, datum aangenomen.';

function millionEuro(amount: number): Cents {
  return cents(Math.round(amount * 100_000_000));
}

/** A fixed id for a generated row, the same at every load (a UUID's shape, from a SHA-256 of its name). */
function fixedId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const HISTORY_NOTE = (step: (typeof PUBLISHED_HISTORY)[number]) => `Demonstratie: stand op ${step.on} volgens ${step.source.description}. ${step.note}`;
/** The published steps before the previous letter, whose own figures are the last step. */
const EARLIER_STEPS = PUBLISHED_HISTORY.slice(0, -1);
/** The steps at which procurement had grown. */
const PROCUREMENT_STEPS = PUBLISHED_HISTORY.filter((step) => step.procurementMillions > 0);

type ValuationDraft = Pick<Valuation, 'id' | 'amountCents' | 'basis' | 'effectiveDate' | 'note'> & { recordedAt: string | undefined };
type PaymentDraft = Pick<Payment, 'id' | 'amountCents' | 'paidOn' | 'note'>;

interface DeliveryDraft
  extends Pick<
    DeliveryFields,
    'title' | 'description' | 'publicTitle' | 'category' | 'supportType' | 'fundingSource' | 'pledgedAt' | 'committedAt' | 'realisedAt'
  > {
  id: string;
  valuations: ValuationDraft[];
  payments: PaymentDraft[];
}

/** Recorded at noon UTC on the day the fact took effect, unless said otherwise. */
function delivery({ id, valuations, payments, sources = [], ...fields }: DeliveryDraft & { sources?: Source[] }): DemonstrationDelivery {
  return {
    id,
    ...fields,
    deliveredAt: null,
    quantity: null,
    unit: null,
    company: null,
    contractReference: null,
    sources: [LETTER, ...sources],
    isDemonstration: true,
    valuations: valuations.map(({ recordedAt, ...valuation }) => ({
      ...valuation,
      deliveryId: id,
      currency: 'EUR',
      originalAmountMinor: null,
      exchangeRate: null,
      recordedAt: recordedAt ?? `${valuation.effectiveDate}T12:00:00.000Z`,
    })),
    payments: payments.map((payment) => ({
      ...payment,
      deliveryId: id,
      reference: null,
      recordedAt: `${payment.paidOn}T12:00:00.000Z`,
    })),
  };
}

function valuation(
  id: string,
  amountCents: Cents,
  basis: ValuationBasis,
  effectiveDate: IsoDate,
  note: string,
  recordedAt?: string,
): ValuationDraft {
  return { id, amountCents, basis, effectiveDate, note, recordedAt };
}

function payment(id: string, amountCents: Cents, paidOn: IsoDate, note: string): PaymentDraft {
  return { id, amountCents, paidOn, note };
}

export const DEMONSTRATION_DELIVERIES: readonly DemonstrationDelivery[] = [
  delivery({
    id: '9decc899-e686-494c-be62-6a52efcef57a',
    title: 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)',
    publicTitle: 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)',
    description:
      'Bijdrage van €500 mln., waarmee Nederland snel Amerikaanse wapensystemen heeft verworven voor acute ' +
      'Oekraïense behoeften, bijvoorbeeld ten aanzien van luchtverdediging.',
    category: 'airDefence',
    supportType: 'procurement',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: '2025-08-04',
    committedAt: '2025-08-04',
    realisedAt: '2025-08-15',
    valuations: [valuation('af015f6b-080c-4aba-952a-79349a553bb7', millionEuro(500), 'contractPrice', '2025-08-04', ASSUMED_DATE_NOTE)],
    payments: [payment('1350051a-110b-4342-8ba9-f7daec247692', millionEuro(500), '2025-08-15', ASSUMED_DATE_NOTE)],
  }),
  delivery({
    id: '7d57667c-8ef4-44e0-a7a3-ee3d993812ba',
    title: 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)',
    publicTitle: 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)',
    description:
      'Uit het UCAP levert NAVO niet-letale steun (Kamerstuk 22 054, nr. 377 dd. 16 december 2022 en ' +
      'Kamerstuk 22 054, nr. 387 dd. 13 april 2023). Tot en met 31 augustus 2025 €179 mln. bijgedragen.',
    category: 'nonLethal',
    supportType: 'natoFund',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: '2022-12-16',
    committedAt: '2022-12-16',
    realisedAt: NATO_FUND_HISTORY.first.on,
    sources: [NATO_FUND_HISTORY.first.source],
    valuations: [
      valuation('2de5fff0-0b8e-4608-ad8b-3d686e31ae48', millionEuro(179), 'contribution', '2025-08-31', 'Stand van de bijdragen volgens de brief.'),
    ],
    // The letters give only the running totals (€25 mln. on 16 Dec 2022, about € 0,1 mld. on 4 Feb 2025, €179 mln. on 31 Aug 2025).
    payments: [
      payment('7e53b7b8-bbd5-4c72-9674-fb917610d13e', millionEuro(NATO_FUND_HISTORY.first.millions), NATO_FUND_HISTORY.first.on, `Demonstratie: stand volgens ${NATO_FUND_HISTORY.first.source.description}.`),
      payment('76c167c7-4114-40ed-a407-e337722c3e29', millionEuro(NATO_FUND_HISTORY.rest.millions), NATO_FUND_HISTORY.rest.on, 'Demonstratie: rest tot de stand van 4 feb. 2025; wanneer betaald is niet gepubliceerd, datum aangenomen.'),
      payment('1e4267df-dea4-45d3-a20a-c47b4d9050c6', millionEuro(79), '2025-06-30', 'Demonstratie: termijn en datum aangenomen.'),
    ],
  }),
  delivery({
    id: '43944e6d-6ea4-411e-ad74-bdcb3f586752',
    title: 'Extra bijdrage aan het NAVO UCAP in 2026',
    publicTitle: 'Extra bijdrage aan het NAVO UCAP in 2026',
    description: 'In 2026 wordt €25 mln. aan het UCAP toegevoegd, conform de Voorjaarsnota 2025. Toegezegd, nog niet betaald.',
    category: 'nonLethal',
    supportType: 'natoFund',
    fundingSource: 'ukraineSupportBudget',
    // The letter does not date the Voorjaarsnota decision: the date the Voorjaarsnota 2025 was sent is assumed,
    // so that the pledge has its value at the letter's reference date.
    pledgedAt: '2025-04-17',
    committedAt: null,
    realisedAt: null,
    valuations: [valuation('f4e6e58c-ad48-4dbc-bd6c-8a7b9bf3b1fb', millionEuro(25), 'contribution', '2025-04-17', ASSUMED_DATE_NOTE)],
    payments: [],
  }),
  delivery({
    id: '16e45b14-bc02-4b2f-b7b1-b482790309b7',
    title: 'Drones van de Oekraïense defensie-industrie als uitvoerder voor de Europese Vredesfaciliteit',
    publicTitle: 'Drones van de Oekraïense defensie-industrie als uitvoerder voor de Europese Vredesfaciliteit',
    description:
      'Binnen de tweede tranche uit de rente-inkomsten over geïmmobiliseerde Russische tegoeden verwerft Nederland ' +
      'als uitvoerder (implementing actor) €100 mln. aan drones. Werk voor de EU: telt niet mee in de Nederlandse steun.',
    category: 'drones',
    supportType: 'procurement',
    fundingSource: 'epf',
    pledgedAt: '2025-05-15',
    committedAt: '2025-05-15',
    realisedAt: '2025-07-15',
    valuations: [valuation('5b0f4130-908d-4c00-b046-b8dda024d6e8', millionEuro(100), 'contractPrice', '2025-05-15', ASSUMED_DATE_NOTE)],
    // Paid within the period on purpose: were EPF work counted, procurement would print € 6,2 mld.
    payments: [payment('0e6b741a-cd31-44ef-a55f-3ea1408c4dd4', millionEuro(100), '2025-07-15', 'Demonstratie: betaling en datum aangenomen.')],
  }),
  delivery({
    id: '35a66239-63a6-494f-825b-9387fac451d9',
    title: 'Bijdrage aan het Build with Ukraine co-productieproject',
    publicTitle: 'Bijdrage aan het Build with Ukraine co-productieproject',
    description:
      'Wordt na realisatie, de betaling aan het samenwerkingsproject, bij de commerciële verwervingen opgeteld. ' +
      'De brief noemt geen bedrag.',
    category: 'other',
    supportType: 'procurement',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: '2025-06-30',
    committedAt: '2025-06-30',
    realisedAt: null,
    valuations: [],
    payments: [],
  }),
  delivery({
    id: 'eb51ab98-09d6-4275-b358-644a2cc992ed',
    title: 'Demonstratie: overige directe leveringen uit voorraad t/m 4 feb. 2025 (geaggregeerd)',
    publicTitle: null,
    description: `${AGGREGATE_NOTE} Vervangingswaarde van wat tot elke gepubliceerde stand geleverd was, oplopend van € 65 mln. (april 2022) tot € 2,05 mld. per 4 feb. 2025, later herzien tot € 2,1 mld.`,
    category: 'other',
    supportType: 'stock',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: null,
    committedAt: PUBLISHED_HISTORY[0]!.on,
    realisedAt: PUBLISHED_HISTORY[0]!.on,
    sources: PUBLISHED_HISTORY.map((step) => step.source),
    valuations: [
      ...EARLIER_STEPS.map((step) =>
        valuation(fixedId(`eb51ab98 stock ${step.on}`), millionEuro(step.stockMillions), 'replacementValue', step.on, HISTORY_NOTE(step)),
      ),
      valuation('959fa6cd-2ab3-4215-ac7b-e7a22538f404', millionEuro(2_050), 'replacementValue', '2025-02-04', AGGREGATE_NOTE),
      // Effective after 4 Feb 2025, so that column stays as reported; it counts from 30 Jun 2025 on.
      valuation(
        '4b3f388b-d063-4b69-ae2f-e26fd18d3831',
        millionEuro(2_100),
        'replacementValue',
        '2025-06-30',
        'Demonstratie: vervangingswaarde herzien wegens gestegen prijzen op de defensiemarkt.',
        '2025-07-15T10:00:00.000Z',
      ),
    ],
    payments: [],
  }),
  delivery({
    id: '9a774c91-f7d0-4a37-ae6f-e3b05f65139d',
    title: 'Demonstratie: overige directe leveringen uit voorraad 5 feb. t/m 31 aug. 2025 (geaggregeerd)',
    publicTitle: null,
    description: `${AGGREGATE_NOTE} Vervangingswaarde € 0,3 mld.`,
    category: 'other',
    supportType: 'stock',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: null,
    committedAt: '2025-08-31',
    realisedAt: '2025-08-31',
    valuations: [valuation('575a22a0-09c5-4d0b-a7f1-0e41d6aaf049', millionEuro(300), 'replacementValue', '2025-08-31', AGGREGATE_NOTE)],
    payments: [],
  }),
  delivery({
    id: '557a563e-8803-4839-b75f-b33232b02f7d',
    title: 'Demonstratie: overige commerciële verwervingen t/m 4 feb. 2025 (geaggregeerd)',
    publicTitle: null,
    description: `${AGGREGATE_NOTE} Betaald in termijnen tot elke gepubliceerde stand, oplopend tot € 3,73 mld. per 4 feb. 2025.`,
    category: 'other',
    supportType: 'procurement',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: null,
    committedAt: PROCUREMENT_STEPS[0]!.on,
    realisedAt: PROCUREMENT_STEPS[0]!.on,
    sources: PROCUREMENT_STEPS.map((step) => step.source),
    // The contract price of what was bought up to each step, and the payments that realised it.
    valuations: PROCUREMENT_STEPS.map((step) =>
      step.on === '2025-02-04'
        ? valuation('303d00ca-323e-4401-b372-268a62d1daff', millionEuro(3_730), 'contractPrice', '2025-02-04', AGGREGATE_NOTE)
        : valuation(fixedId(`557a563e value ${step.on}`), millionEuro(step.procurementMillions), 'contractPrice', step.on, HISTORY_NOTE(step)),
    ),
    payments: PROCUREMENT_STEPS.map((step, index) => {
      const instalment = millionEuro(step.procurementMillions - (PROCUREMENT_STEPS[index - 1]?.procurementMillions ?? 0));
      return step.on === '2025-02-04'
        ? payment('00d9e7c8-f12b-4717-afe0-65ca5381c592', instalment, '2025-02-04', AGGREGATE_NOTE)
        : payment(fixedId(`557a563e paid ${step.on}`), instalment, step.on, HISTORY_NOTE(step));
    }),
  }),
  delivery({
    id: '8edca534-f397-4c05-89c2-b849d69d5c57',
    title: 'Demonstratie: overige commerciële verwervingen 5 feb. t/m 31 aug. 2025 (geaggregeerd)',
    publicTitle: null,
    description: `${AGGREGATE_NOTE} € 1,891 mld., betaald in drie termijnen.`,
    category: 'other',
    supportType: 'procurement',
    fundingSource: 'ukraineSupportBudget',
    pledgedAt: null,
    committedAt: '2025-02-05',
    realisedAt: '2025-03-31',
    valuations: [valuation('f4249205-e9e4-4068-891a-4ef1e9cca274', millionEuro(1_891), 'contractPrice', '2025-02-05', AGGREGATE_NOTE)],
    payments: [
      payment('fe68a4ac-ec06-43fa-bc2d-7aa765f48471', millionEuro(630), '2025-03-31', AGGREGATE_NOTE),
      payment('80fa1b77-b9ec-423c-9cdd-2a977299e18d', millionEuro(630), '2025-05-30', AGGREGATE_NOTE),
      payment('c7edce15-b83f-40fe-8273-56f88fd08c01', millionEuro(631), '2025-07-31', AGGREGATE_NOTE),
    ],
  }),
];
