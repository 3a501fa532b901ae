import type { DecisionInput } from '../../domain/disclosure.ts';

/**
 * The demonstration's disclosure decisions: what the letter of 10 September 2025 names is public (in the
 * words the letter uses); the aggregates that stand for the rest are confidential, as the letter's
 * confidential annex is.
 */
export const DEMONSTRATION_DECISIONS: readonly { deliveryIds: string[]; decision: DecisionInput }[] = [
  {
    deliveryIds: ['9decc899-e686-494c-be62-6a52efcef57a'],
    decision: {
      state: 'public',
      presentation: {
        title: 'Bijdrage aan het Prioritized Ukraine Requirement List-initiatief (PURL)',
        detail: 'Snelle verwerving van Amerikaanse wapensystemen voor acute Oekraïense behoeften, bijvoorbeeld ten aanzien van luchtverdediging.',
        category: 'airDefence',
        quantity: null,
      },
      // The letter names the amount (€500 mln.): open data may give it, and the month of the payment.
      openData: { realisedDate: 'month', value: true },
      note: 'Demonstratie: genoemd in de brief van 10 september 2025.',
    },
  },
  {
    deliveryIds: ['7d57667c-8ef4-44e0-a7a3-ee3d993812ba'],
    decision: {
      state: 'public',
      presentation: {
        title: 'Bijdragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP)',
        detail: 'Uit het UCAP levert NAVO niet-letale steun.',
        category: 'nonLethal',
        quantity: null,
      },
      note: 'Demonstratie: genoemd in de brief van 10 september 2025.',
    },
  },
  {
    deliveryIds: ['43944e6d-6ea4-411e-ad74-bdcb3f586752'],
    decision: {
      state: 'public',
      presentation: { title: 'Extra bijdrage aan het NAVO UCAP in 2026', detail: 'Conform de Voorjaarsnota 2025.', category: 'nonLethal', quantity: null },
      note: 'Demonstratie: genoemd in de brief van 10 september 2025.',
    },
  },
  {
    deliveryIds: ['16e45b14-bc02-4b2f-b7b1-b482790309b7'],
    decision: {
      state: 'public',
      presentation: {
        title: 'Drones van de Oekraïense defensie-industrie',
        detail: 'Verworven door Nederland als uitvoerder binnen de tweede tranche van de Europese Vredesfaciliteit.',
        category: 'drones',
        quantity: null,
      },
      openData: { realisedDate: 'day', value: false },
      note: 'Demonstratie: genoemd in de brief van 10 september 2025.',
    },
  },
  {
    deliveryIds: ['35a66239-63a6-494f-825b-9387fac451d9'],
    decision: {
      state: 'public',
      presentation: { title: 'Bijdrage aan het Build with Ukraine co-productieproject', detail: '', category: 'other', quantity: null },
      note: 'Demonstratie: genoemd in de brief van 10 september 2025.',
    },
  },
  {
    deliveryIds: [
      'eb51ab98-09d6-4275-b358-644a2cc992ed',
      '9a774c91-f7d0-4a37-ae6f-e3b05f65139d',
      '557a563e-8803-4839-b75f-b33232b02f7d',
      '8edca534-f397-4c05-89c2-b849d69d5c57',
    ],
    decision: { state: 'confidential', ground: 'operationalSecurity', reviewOn: null, note: 'Demonstratie: staat voor het vertrouwelijke deel van de leveringen.' },
  },
];

/** The letter before the seed letter, as the seed letter cites it. */
export const PREVIOUS_LETTER = { referenceDate: '2025-02-04', letterDate: '2025-02-17', paperNumber: 'Kamerstuk 22 054, nr. 453', publishedOn: '2025-02-17' } as const;
/** The seed letter itself: its reference date and date. */
export const SEED_LETTER = { referenceDate: '2025-08-31', letterDate: '2025-09-10' } as const;
