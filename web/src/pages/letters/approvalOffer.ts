import type { Letter } from '../../api/letters.ts';

/** What keeps a disclosure officer from approving, said where the approval would be offered. */
const SAID_ON_THE_PAGE = ['laterLetterIsFinal', 'notSubmitted', 'approvalByWriter', 'undecidedDeliveries'] as const;

type HeldBack = (typeof SAID_ON_THE_PAGE)[number] | 'problemsInText';

/**
 * Whether the page offers the reader to approve the letter as it reads now, and if not, why where the page
 * says so: the server's reason (approvalRefusal), or the problems of its text, which the page lists above
 * and an approval would be refused with (they can arise after it was submitted: a delivery it names decided
 * confidential since).
 */
export function approvalOffer(letter: Pick<Letter, 'approval' | 'approvalRefusal' | 'problems'>): { offered: boolean; heldBack: HeldBack | undefined } {
  if (letter.approval?.matchesCurrent) return { offered: false, heldBack: undefined };
  const refused = SAID_ON_THE_PAGE.find((refusal) => refusal === letter.approvalRefusal);
  if (refused || letter.approvalRefusal !== null) return { offered: false, heldBack: refused };
  return letter.problems.length > 0 ? { offered: false, heldBack: 'problemsInText' } : { offered: true, heldBack: undefined };
}
