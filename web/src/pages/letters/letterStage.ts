import type { LetterSummary } from '../../api/letters.ts';

/** Where a letter is on its way from draft to the public, beyond draft or final. */
export type LetterStage = 'submitted' | 'notSent' | 'sent' | 'scheduled' | 'published';

/**
 * The step a letter has reached: a draft offered for approval; a final letter not yet sent, sent and under
 * embargo, with its publication scheduled, or published. A draft not offered, and a letter withdrawn, has no step to tell.
 */
export function letterStage(letter: Pick<LetterSummary, 'status' | 'submittedAt' | 'sentAt' | 'publishAt' | 'publishedAt'>): LetterStage | null {
  if (letter.status === 'draft') return letter.submittedAt ? 'submitted' : null;
  if (letter.status === 'withdrawn') return null;
  if (letter.publishedAt) return 'published';
  if (letter.publishAt) return 'scheduled';
  return letter.sentAt ? 'sent' : 'notSent';
}
