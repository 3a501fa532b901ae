/** A letter to parliament is a draft until it is finalised; a final letter never changes. */
export const LETTER_STATUSES = ['draft', 'final'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The steps of a draft's review. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'reject', 'withdraw'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
