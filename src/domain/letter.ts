import type { IsoDate } from '../../common/dates.ts';
import type { NarrativeBlock } from '../letters/narrative.ts';
import type { RuleViolation } from './delivery.ts';

/** A letter to parliament is a draft until it is finalised; a final letter never changes. */
export const LETTER_STATUSES = ['draft', 'final'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The steps of a draft's review. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'reject', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Blocks = readonly NarrativeBlock[];

/** A block as a refusal names it: its place in the letter and its heading (none for the opening). */
const blockParams = (blocks: Blocks, index: number) => ({ number: String(index + 1), heading: blocks[index]!.heading ?? '' });

/**
 * What is wrong with a draft's text blocks whatever they say: there are none (the author would have nothing
 * to write in), a block has the key of an earlier one (a block is known by its key), or a text is only spaces
 * and blank lines. An empty text is a section this letter does not have; a text of spaces alone is a slip.
 */
export function draftBlockViolations(blocks: Blocks): RuleViolation[] {
  if (blocks.length === 0) return [{ field: 'blocks', code: 'noBlocks' }];
  const firstWithKey = new Map<string, number>();
  return blocks.flatMap((block, index): RuleViolation[] => {
    const first = firstWithKey.get(block.key) ?? index;
    firstWithKey.set(block.key, first);
    return [
      ...(first === index ? [] : [{ field: `blocks.${index}.key`, code: 'duplicateBlockKey', params: { ...blockParams(blocks, index), key: block.key, first: String(first + 1) } }]),
      ...(block.text !== '' && block.text.trim() === '' ? [{ field: `blocks.${index}.text`, code: 'blankText', params: blockParams(blocks, index) }] : []),
    ];
  });
}

/**
 * A letter is final only when it is whole: its figures are as at a date that has come (the register cannot
 * yet hold what a later date will), its blocks are as a draft's must be, and it has some text.
 */
export function finalisationViolations(letter: { referenceDate: IsoDate; blocks: Blocks }, today: IsoDate): RuleViolation[] {
  return [
    ...(letter.referenceDate > today ? [{ field: 'referenceDate', code: 'referenceDateNotReached', params: { today } }] : []),
    ...draftBlockViolations(letter.blocks),
    ...(letter.blocks.length > 0 && letter.blocks.every((block) => block.text.trim() === '') ? [{ field: 'blocks', code: 'noText' }] : []),
  ];
}
