/**
 * What a letter's page says once a step on it is done, by the key of its words: the page words it in the
 * language it shows, also after switching language.
 */
export type LetterNotice =
  | 'letters.approval.done'
  | 'letters.editor.saved'
  | 'letters.embargo.sendDone'
  | 'letters.finalise.done'
  | 'letters.publication.corrected'
  | 'letters.publication.recorded'
  | 'letters.review.rejectDone'
  | 'letters.review.submitDone'
  | 'letters.review.withdrawDone'
  | 'letters.withdrawal.done';
