import type { Contribution, TrainingProgrammeInput } from '../../domain/training.ts';
import { SYSTEM_ACTOR } from '../../../common/actors.ts';

/**
 * The demonstration's training programmes, from the section "Training" of the letter of 10 September
 * 2025: its counts up to August 2025 (the letter: "tot en met augustus 2025"), and the continuation of
 * Interflex in 2026. Where the letter names no host country or framework, the note says it is assumed.
 * Ids are fixed, so loading twice changes nothing.
 */

const COUNTED_UP_TO = '2025-08-31';
const FROM_LETTER = 'Demonstratie: aantallen volgens de brief van 10 september 2025.';
const RECORDED_AT = '2025-09-01T09:00:00.000Z';

type DemonstrationContribution = Omit<Contribution, 'programmeId' | 'recordedByName' | 'recordedAt'>;

const NOTHING_COUNTED = {
  periodTo: null,
  countsUpTo: COUNTED_UP_TO,
  trainers: null,
  trainersIsMaximum: false,
  rotations: null,
  soldiersPerRotation: null,
  trainees: null,
  traineesIsApproximate: false,
  courses: null,
  costEstimateCents: null,
  fundingSource: null,
  note: FROM_LETTER,
} as const;

export const DEMONSTRATION_PROGRAMMES: readonly (TrainingProgrammeInput & { id: string; contributions: DemonstrationContribution[] })[] = [
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f01',
    key: 'stc',
    name: 'EUMAM Specialized Training Command (ST-C)',
    hostCountry: 'DE',
    framework: 'euMission',
    systemTrainedOn: 'Leopard 1, Panzerhaubitze 2000',
    description: 'Demonstratie: trainers bij het Specialized Training Command onder de EU-trainingsmissie EUMAM, o.a. Leopard 1 tank crew training en Panzerhouwitser operator training.',
    deliveryIds: [],
    contributions: [{ ...NOTHING_COUNTED, id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0001', periodFrom: '2022-11-15', trainers: 71, trainees: 250, traineesIsApproximate: true }],
  },
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f02',
    key: 'marine',
    name: 'Mariniersopleidingen',
    hostCountry: 'DE',
    framework: 'euMission',
    systemTrainedOn: null,
    description: 'Demonstratie: land en kader aangenomen; de brief noemt alleen het aantal trainers.',
    deliveryIds: [],
    contributions: [{ ...NOTHING_COUNTED, id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0002', periodFrom: '2022-11-15', trainers: 75 }],
  },
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f03',
    key: 'interflex',
    name: 'Operatie Interflex',
    hostCountry: 'GB',
    framework: 'coalition',
    systemTrainedOn: null,
    description: 'Demonstratie: trainings- en opleidingsprogramma in het Verenigd Koninkrijk: militaire basisvaardigheden en leiderschapstraining.',
    deliveryIds: [],
    contributions: [
      {
        ...NOTHING_COUNTED,
        id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0003',
        periodFrom: '2022-07-01',
        trainees: 60_000,
        traineesIsApproximate: true,
        note: `${FROM_LETTER} Getraind door alle deelnemende landen samen.`,
      },
      {
        ...NOTHING_COUNTED,
        id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0004',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        soldiersPerRotation: 90,
        costEstimateCents: 500_000_000,
        fundingSource: 'internationalSecurityBudget',
        note: `${FROM_LETTER} Voortzetting in 2026 door de Koninklijke Landmacht; besloten vóór de brief, datum aangenomen.`,
      },
    ],
  },
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f04',
    key: 'interbow',
    name: 'Medische training Interbow',
    hostCountry: 'GB',
    framework: 'coalition',
    systemTrainedOn: null,
    description: 'Demonstratie: medische training in het Verenigd Koninkrijk.',
    deliveryIds: [],
    contributions: [{ ...NOTHING_COUNTED, id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0005', periodFrom: '2023-01-01', trainers: 2 }],
  },
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f05',
    key: 'romania',
    name: 'Training van Oekraïense marinierseenheden in Roemenië',
    hostCountry: 'RO',
    framework: 'coalition',
    systemTrainedOn: null,
    description: 'Demonstratie: kader aangenomen.',
    deliveryIds: [],
    contributions: [{ ...NOTHING_COUNTED, id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0006', periodFrom: '2024-01-01', trainers: 20, trainersIsMaximum: true }],
  },
  {
    id: '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f06',
    key: 'specialist',
    name: 'Specialistische trainingen in Nederland (CLAS, CLRS, CZSK, DOSCO, COMMIT)',
    hostCountry: 'NL',
    framework: 'bilateral',
    systemTrainedOn: 'F-16, mijnenjagers',
    description: 'Demonstratie: trainingen in Nederland, in toenemende mate verbonden aan de leveringen.',
    deliveryIds: [],
    contributions: [{ ...NOTHING_COUNTED, id: 'b1d6f0c4-7e0c-4a55-9f0e-2f8d0c1a0007', periodFrom: '2022-03-01', courses: 19, trainees: 220, traineesIsApproximate: true }],
  },
];

export const DEMONSTRATION_CONTRIBUTION_RECORDED = { recordedByName: SYSTEM_ACTOR, recordedAt: RECORDED_AT } as const;
