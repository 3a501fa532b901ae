import { daysAfter, type IsoDate } from '../../common/dates.ts';
import { paperNumberParts } from '../../common/paper-number.ts';
import type { NarrativeBlock } from '../letters/narrative.ts';
import type { RuleViolation } from './delivery.ts';
import { plannedDateViolations } from './plausibility.ts';

/**
 * A letter to parliament is a draft until it is finalised; a final letter never changes. One never sent may be
 * withdrawn: it stays as it was final, but is never sent or published, and no letter follows it.
 */
export const LETTER_STATUSES = ['draft', 'final', 'withdrawn'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The steps of a draft's review. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'reject', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Blocks = readonly NarrativeBlock[];

/** A block as a refusal names it: its place in the letter and its heading (none for the opening). */
export const blockParams = (blocks: Blocks, index: number) => ({ number: String(index + 1), heading: blocks[index]!.heading ?? '' });

/**
 * The form of a block's key: a name (`opening`, `europeanPeaceFacility`, `f16-vliegers`), not text. A block is
 * known by its key, in the editor and from one letter to the next, which starts from the text of the one before.
 */
const BLOCK_KEY = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/**
 * What is wrong with a draft's text blocks whatever they say: there are none (the author would have nothing
 * to write in), a key is no name or that of an earlier block (whatever its case), or a text is only spaces and blank lines. An
 * empty text is a section this letter does not have; a text of spaces alone is a slip.
 */
export function draftBlockViolations(blocks: Blocks): RuleViolation[] {
  if (blocks.length === 0) return [{ field: 'blocks', code: 'noBlocks' }];
  const firstWithKey = new Map<string, number>();
  return blocks.flatMap((block, index): RuleViolation[] => {
    if (!BLOCK_KEY.test(block.key)) return [{ field: `blocks.${index}.key`, code: 'blockKeyFormat', params: { ...blockParams(blocks, index), key: block.key } }, ...blankTextViolations(blocks, index)];
    // "opening" and "Opening" name one block to a reader: keys are compared whatever their case.
    const folded = block.key.toLowerCase();
    const first = firstWithKey.get(folded) ?? index;
    firstWithKey.set(folded, first);
    return [
      ...(first === index ? [] : [{ field: `blocks.${index}.key`, code: 'duplicateBlockKey', params: { ...blockParams(blocks, index), key: block.key, first: String(first + 1) } }]),
      ...blankTextViolations(blocks, index),
    ];
  });
}

/** A letter is dated on or after its reference date, from the draft on: approving and finalising need it so. */
export function letterBeforeReferenceDateViolations(referenceDate: string, letterDate: string | null | undefined): RuleViolation[] {
  return letterDate && letterDate < referenceDate ? [{ field: 'letterDate', code: 'letterBeforeReferenceDate' }] : [];
}

/**
 * What a new draft, or a change to one, must meet whatever the register holds: its dates lie in the register's
 * years and at most ten years ahead, as any plan, the letter's not before the reference date, and its blocks
 * are as a draft's must be.
 */
export function draftViolations(
  draft: { referenceDate?: string | undefined; letterDate?: string | null | undefined; blocks?: Blocks | undefined },
  today: IsoDate,
): RuleViolation[] {
  const dates = (['referenceDate', 'letterDate'] as const).flatMap((field) => {
    const date = draft[field];
    return date ? plannedDateViolations(field, date, today) : [];
  });
  return [
    ...dates,
    ...(draft.referenceDate && dates.length === 0 ? letterBeforeReferenceDateViolations(draft.referenceDate, draft.letterDate) : []),
    ...(draft.blocks ? draftBlockViolations(draft.blocks) : []),
  ];
}

function blankTextViolations(blocks: Blocks, index: number): RuleViolation[] {
  const { text } = blocks[index]!;
  return text !== '' && text.trim() === '' ? [{ field: `blocks.${index}.text`, code: 'blankText', params: blockParams(blocks, index) }] : [];
}

/**
 * A letter to parliament is signed by a minister by name: a draft without one (saving the text refuses a
 * blank name, but an older draft may have none) is not submitted, approved or finalised.
 */
export function signatoryViolations(letterhead: { signatoryName: string }): RuleViolation[] {
  return letterhead.signatoryName.trim() === '' ? [{ field: 'signatoryName', code: 'noSignatoryName' }] : [];
}

/** A letter is dated the day it goes to the Kamer, days after it is finalised: a date further ahead is a slip (2035 for 2025). */
const LETTER_DATE_LEAD_DAYS = 31;

/**
 * A letter is final only when it is whole: its figures are as at a date that has come (the register cannot
 * yet hold what a later date will), it is dated no further ahead than it can be sent (a final letter dated
 * years ahead could not be published until then, nor could any letter after it), its blocks are as a
 * draft's must be, it has some text and a signatory's name.
 */
export function finalisationViolations(
  letter: { referenceDate: IsoDate; letterDate: IsoDate; blocks: Blocks; signatoryName: string },
  today: IsoDate,
): RuleViolation[] {
  const latestLetterDate = daysAfter(today, LETTER_DATE_LEAD_DAYS);
  return [
    ...(letter.referenceDate > today ? [{ field: 'referenceDate', code: 'referenceDateNotReached', params: { today } }] : []),
    ...(letter.letterDate > latestLetterDate
      ? [{ field: 'letterDate', code: 'letterDateTooFarAhead', params: { letterDate: letter.letterDate, latest: latestLetterDate, days: String(LETTER_DATE_LEAD_DAYS) } }]
      : []),
    ...draftBlockViolations(letter.blocks),
    ...(letter.blocks.length > 0 && letter.blocks.every((block) => block.text.trim() === '') ? [{ field: 'blocks', code: 'noText' }] : []),
    ...signatoryViolations(letter),
  ];
}

/** A letter goes to the Kamer on its date or later: the Kamer does not receive a letter dated a day still to come. */
export function sendingViolations(letter: { letterDate: IsoDate | null }, today: IsoDate): RuleViolation[] {
  return letter.letterDate !== null && letter.letterDate > today ? [{ field: 'letterDate', code: 'letterDateNotReached', params: { letterDate: letter.letterDate } }] : [];
}

/** A letter that carries a paper number, as the order of the numbers in a dossier is judged against it. */
export interface NumberedLetter {
  referenceDate: IsoDate;
  letterDate: IsoDate;
  paperNumber: string;
}

/**
 * Parliament numbers the papers of a dossier as they come in: a letter dated after another letter in the same
 * dossier has a higher number, one dated before it a lower one. A number that breaks that order is a typing
 * error far more often than not; the nearest letter it contradicts is named, letters of the same date not.
 */
export function paperNumberOrderViolations(letterDate: IsoDate, paperNumber: string, others: readonly NumberedLetter[]): RuleViolation[] {
  const own = paperNumberParts(paperNumber);
  if (!own) return [];
  const inDossier = others.flatMap((other) => {
    const parts = paperNumberParts(other.paperNumber);
    return parts?.dossier === own.dossier ? [{ ...other, number: parts.number }] : [];
  });
  const earlier = inDossier.filter((other) => other.letterDate < letterDate && other.number >= own.number).sort((a, b) => b.letterDate.localeCompare(a.letterDate))[0];
  const later = inDossier.filter((other) => other.letterDate > letterDate && other.number <= own.number).sort((a, b) => a.letterDate.localeCompare(b.letterDate))[0];
  const violation = (other: NumberedLetter, code: string): RuleViolation => ({ field: 'paperNumber', code, params: { referenceDate: other.referenceDate, paperNumber: other.paperNumber } });
  return [...(earlier ? [violation(earlier, 'paperNumberNotAfterEarlierLetter')] : []), ...(later ? [violation(later, 'paperNumberNotBeforeLaterLetter')] : [])];
}
