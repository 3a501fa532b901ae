import type { IsoDate } from '../../../common/dates.ts';
import type { LessonCategory } from '../../../common/vocabulary/codes.ts';
import { cents } from '../../../common/money.ts';

/**
 * The demonstration industry register, from the seed letter's section "Industrie" and its EPF section:
 * the Netherlands buys €100 mln. of drones directly from the Ukrainian defence industry (government to
 * business), works towards co-production of unmanned systems with Ukraine, and weighs speed of delivery
 * against price. Every name says it is demonstration data; where the letter gives no date, one is
 * assumed and the note says so. Ids are fixed.
 */

const DRONE_DELIVERY_ID = '16e45b14-bc02-4b2f-b7b1-b482790309b7';
const ASSUMED = 'Demonstratie: datum aangenomen.';

export const DEMONSTRATION_COMPANIES = [
  { id: '6f1c54d2-3a7e-4b8e-9d0b-1c2f3a4b5c61', name: 'Demonstratie: Oekraïense dronefabrikant', country: 'UA', registrationNumber: null },
  { id: '6f1c54d2-3a7e-4b8e-9d0b-1c2f3a4b5c62', name: 'Demonstratie: Nederlands bedrijf voor onbemande systemen', country: 'NL', registrationNumber: null },
] as const;

/** The letter: "verwerven van €100 miljoen aan drones bij de Oekraïense defensie industrie". */
export const DEMONSTRATION_CONTRACTS = [
  {
    id: '7a2d65e3-4b8f-4c9f-8e1c-2d3e4f5a6b71',
    companyId: DEMONSTRATION_COMPANIES[0].id,
    reference: 'Demonstratie: G2B-drones-2025',
    subject: 'Drones van de Oekraïense defensie-industrie, als uitvoerder voor de Europese Vredesfaciliteit',
    amountCents: cents(100 * 100_000_000),
    signedOn: '2025-05-15' as IsoDate,
    deliveryIds: [DRONE_DELIVERY_ID],
    milestones: [
      {
        id: '8b3e76f4-5c9a-4d0a-9f2d-3e4f5a6b7c81',
        title: 'Eerste partij geleverd',
        dueOn: '2025-07-15' as IsoDate,
        progress: [
          { id: '9c4f87a5-6d0b-4e1b-8a3e-4f5a6b7c8d91', percent: 50, reportedOn: '2025-06-15' as IsoDate, reason: ASSUMED },
          { id: '9c4f87a5-6d0b-4e1b-8a3e-4f5a6b7c8d92', percent: 100, reportedOn: '2025-07-15' as IsoDate, reason: ASSUMED },
        ],
      },
      {
        id: '8b3e76f4-5c9a-4d0a-9f2d-3e4f5a6b7c82',
        title: 'Laatste partij geleverd',
        dueOn: '2025-12-31' as IsoDate,
        progress: [{ id: '9c4f87a5-6d0b-4e1b-8a3e-4f5a6b7c8d93', percent: 40, reportedOn: '2025-08-20' as IsoDate, reason: ASSUMED }],
      },
    ],
  },
] as const;

export const DEMONSTRATION_LESSONS: readonly { id: string; notedOn: IsoDate; category: LessonCategory; text: string }[] = [
  {
    id: 'ad5098b6-7e1c-4f2c-9b4f-5a6b7c8d9ea1',
    notedOn: '2025-08-31',
    category: 'contracting',
    text: 'Demonstratie: het Government to Business-model geeft zicht op de betrokken bedrijven en maakt controle van de voortgang mogelijk.',
  },
  {
    id: 'ad5098b6-7e1c-4f2c-9b4f-5a6b7c8d9ea2',
    notedOn: '2025-08-31',
    category: 'pricing',
    text: 'Demonstratie: de prijzen van defensiematerieel stijgen snel; snelheid van levering kan zwaarder wegen dan de beste prijs.',
  },
];

/** The letter: the cabinet expects to declare the intention of co-production with Ukraine shortly. */
export const DEMONSTRATION_COPRODUCTION = {
  id: 'be61a9c7-8f2d-4a3d-8c5a-6b7c8d9e0fb1',
  title: 'Demonstratie: coproductie van onbemande systemen in Nederland',
  partner: 'Oekraïense overheid en bedrijven',
  stage: { id: 'be61a9c7-8f2d-4a3d-8c5a-6b7c8d9e0fb2', stage: 'intention', reachedOn: '2025-09-30' as IsoDate, note: `${ASSUMED} De brief verwacht de intentie op korte termijn.` },
} as const;
