import type { AssessmentInput, LicenceInput, RequirementInput } from '../../domain/export-control.ts';
import { EXPORT_CRITERIA, type CriterionFinding, type ExportCriterion } from '../../../common/vocabulary/codes.ts';

/**
 * Demonstration data: the letter says every delivery was, where needed, assessed against the EU
 * criteria by the Minister of Foreign Affairs and then licensed by the Minister for Foreign Trade. It
 * names no licence, so what follows is made up to show the process, and says so: every delivery of the
 * demonstration register that needs a licence gets an assessment and a licence dated before it left;
 * goods the Netherlands does not itself export get the rule overridden, with the reason.
 */

const NOTE = 'Demonstratie: ';
const END_USER = 'Ministerie van Defensie van Oekraïne (demonstratie)';
const END_USE = 'Demonstratie: eindgebruikersverklaring van het Oekraïense ministerie van Defensie, gebruik door de eigen strijdkrachten, geen wederuitvoer zonder toestemming.';

const REASONS: Record<ExportCriterion, string> = {
  1: 'Geen sancties of embargo van de VN-Veiligheidsraad of de EU tegen Oekraïne; verplichtingen uit non-proliferatieverdragen staan de uitvoer niet in de weg.',
  2: 'Geen duidelijk risico dat de goederen worden gebruikt voor interne repressie of ernstige schendingen van het internationaal humanitair recht.',
  3: 'De goederen dienen de verdediging tegen een gewapende aanval van buiten; zij verlengen of verergeren geen binnenlands conflict.',
  4: 'De uitvoer dient de uitoefening van het recht op zelfverdediging (art. 51 VN-Handvest).',
  5: 'De uitvoer schaadt de veiligheid van de lidstaten en bondgenoten niet; zij is in lijn met het beleid van de EU en de NAVO.',
  6: 'Oekraïne leeft het internationaal recht na en steunt geen terrorisme.',
  7: 'Risico op omleiding ondervangen met een eindgebruikersverklaring en controle na levering.',
  8: 'De steun is een gift en doet geen afbreuk aan de economische ontwikkeling van het land.',
};

function criteria(findings: Partial<Record<ExportCriterion, { finding: CriterionFinding; reasoning: string }>> = {}): AssessmentInput['criteria'] {
  return EXPORT_CRITERIA.map((criterion) => ({
    criterion,
    finding: findings[criterion]?.finding ?? (criterion === 7 ? 'riskMitigated' : 'noObjection'),
    reasoning: NOTE + (findings[criterion]?.reasoning ?? REASONS[criterion]),
  }));
}

interface DemonstrationAssessment {
  id: string;
  input: AssessmentInput;
  /** A licence issued on this assessment. */
  licence?: { id: string; input: Omit<LicenceInput, 'assessmentId'> };
  inspectionGranted?: string;
}

/** The overrides, each holding from its delivery's pledge: what its goods are does not change. */
export const DEMONSTRATION_REQUIREMENTS: readonly (RequirementInput & { deliveryId: string })[] = [
  {
    deliveryId: '9decc899-e686-494c-be62-6a52efcef57a',
    required: false,
    effectiveOn: '2025-04-17',
    reason: `${NOTE}PURL: de goederen worden in de Verenigde Staten verworven en door hen uitgevoerd; Nederland voert niets uit.`,
  },
  {
    deliveryId: '16e45b14-bc02-4b2f-b7b1-b482790309b7',
    required: false,
    effectiveOn: '2025-05-15',
    reason: `${NOTE}drones van de Oekraïense defensie-industrie, in Oekraïne gemaakt en geleverd; er is geen uitvoer uit Nederland.`,
  },
  {
    deliveryId: '35a66239-63a6-494f-825b-9387fac451d9',
    required: false,
    effectiveOn: '2025-06-30',
    reason: `${NOTE}Build with Ukraine: productie in Oekraïne; uitvoer van onderdelen uit Nederland wordt apart getoetst.`,
  },
];

const licence = (id: string, number: string, issuedOn: string, validUntil: string, fields: Pick<LicenceInput, 'militaryListCategory' | 'unRegisterCategory' | 'valueAuthorisedCents' | 'withheldGround'>) => ({
  id,
  input: { number, issuedOn, validUntil, conditions: '', quantityAuthorised: null, importingState: 'UA', ...fields },
});

export const DEMONSTRATION_ASSESSMENTS: readonly { deliveryId: string; assessments: DemonstrationAssessment[] }[] = [
  {
    // Stock handed over from April 2022 up to 4 February 2025: the confidential remainder, so left out of the ATT report.
    deliveryId: 'eb51ab98-09d6-4275-b358-644a2cc992ed',
    assessments: [
      {
        id: '5b7c1e0a-3f57-4f0e-9a51-0d6f3c1a2b01',
        input: { criteria: criteria(), endUser: END_USER, endUseStatement: END_USE, outcome: 'positive', conditions: '', expedited: true, assessedOn: '2022-04-07' },
        licence: licence('c1d2e3f4-0a1b-4c2d-8e3f-5a6b7c8d9e01', 'DEMO-NL-2022-0001', '2022-04-11', '2027-04-11', {
          militaryListCategory: 'ML4',
          unRegisterCategory: 'VII',
          valueAuthorisedCents: 210_000_000_000,
          withheldGround: 'nationalSecurity',
        }),
      },
    ],
  },
  {
    // Stock handed over up to 31 August 2025.
    deliveryId: '9a774c91-f7d0-4a37-ae6f-e3b05f65139d',
    assessments: [
      {
        id: '5b7c1e0a-3f57-4f0e-9a51-0d6f3c1a2b02',
        input: { criteria: criteria(), endUser: END_USER, endUseStatement: END_USE, outcome: 'positive', conditions: '', expedited: true, assessedOn: '2025-06-02' },
        licence: licence('c1d2e3f4-0a1b-4c2d-8e3f-5a6b7c8d9e02', 'DEMO-NL-2025-0002', '2025-06-05', '2026-06-05', {
          militaryListCategory: 'ML6',
          unRegisterCategory: 'II',
          valueAuthorisedCents: 30_000_000_000,
          withheldGround: null,
        }),
        inspectionGranted: `${NOTE}verzoek van de vaste commissie voor Defensie om vertrouwelijke inzage.`,
      },
    ],
  },
  {
    // Procurement up to 4 February 2025.
    deliveryId: '557a563e-8803-4839-b75f-b33232b02f7d',
    assessments: [
      {
        id: '5b7c1e0a-3f57-4f0e-9a51-0d6f3c1a2b03',
        input: { criteria: criteria(), endUser: END_USER, endUseStatement: END_USE, outcome: 'positive', conditions: '', expedited: true, assessedOn: '2025-01-15' },
        licence: licence('c1d2e3f4-0a1b-4c2d-8e3f-5a6b7c8d9e03', 'DEMO-NL-2025-0003', '2025-01-17', '2027-01-17', {
          militaryListCategory: 'ML3',
          unRegisterCategory: null,
          valueAuthorisedCents: 373_000_000_000,
          withheldGround: null,
        }),
      },
    ],
  },
  {
    // Procurement from 5 February 2025: first refused for want of an end-use statement, then, with one, approved with conditions.
    deliveryId: '8edca534-f397-4c05-89c2-b849d69d5c57',
    assessments: [
      {
        id: '5b7c1e0a-3f57-4f0e-9a51-0d6f3c1a2b04',
        input: {
          criteria: criteria({ 7: { finding: 'objection', reasoning: 'zonder eindgebruikersverklaring is het risico op omleiding niet te ondervangen.' } }),
          endUser: END_USER,
          endUseStatement: `${NOTE}nog niet ontvangen.`,
          outcome: 'negative',
          conditions: '',
          expedited: false,
          assessedOn: '2025-02-10',
        },
      },
      {
        id: '5b7c1e0a-3f57-4f0e-9a51-0d6f3c1a2b05',
        input: {
          criteria: criteria(),
          endUser: END_USER,
          endUseStatement: END_USE,
          outcome: 'positiveWithConditions',
          conditions: `${NOTE}controle na levering door de Nederlandse defensieattaché.`,
          expedited: true,
          assessedOn: '2025-02-20',
        },
        licence: licence('c1d2e3f4-0a1b-4c2d-8e3f-5a6b7c8d9e05', 'DEMO-NL-2025-0004', '2025-02-24', '2027-02-24', {
          militaryListCategory: 'ML4',
          unRegisterCategory: 'VII',
          valueAuthorisedCents: 189_100_000_000,
          withheldGround: null,
        }),
      },
    ],
  },
];
