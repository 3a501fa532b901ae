import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { deleteLetter, rejectLetter, submitLetter, withdrawSubmission, type Letter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmedAction } from '../../components/ConfirmedAction.tsx';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { actorName } from '../../format/actors.ts';
import type { LetterNotice } from './letterNotice.ts';

interface LetterReviewProps {
  letter: Letter;
  etag: string;
  onChanged: (notice: LetterNotice) => void;
}

/**
 * The review of a draft: its author submits it for approval or withdraws it, a disclosure officer sends
 * it back with a comment; the author can delete a draft. The last rejection is shown until resubmitted.
 */
export function LetterReview({ letter, etag, onChanged }: LetterReviewProps) {
  const { t } = useTranslation();
  const can = useCan();
  const language = currentLanguage();
  const [, navigate] = useLocation();
  const latest = letter.reviews[0];
  const failure = (error: unknown) => refusalReason(error, t, t('letters.review.changed'));
  const submitted = letter.submittedAt !== null;
  return (
    <div className="letter-review">
      {submitted && <p className="nl-paragraph">{t('letters.review.submitted', { name: actorName(letter.submittedByName!, t), moment: formatMoment(letter.submittedAt!, language) })}</p>}
      {!submitted && latest?.action === 'reject' && (
        <Alert type="warning">
          <p className="nl-paragraph">{t('letters.review.rejected', { name: actorName(latest.byName, t), moment: formatMoment(latest.at, language) })}</p>
          <blockquote className="letter-review__comment">{latest.comment}</blockquote>
        </Alert>
      )}
      <div className="letter-review__actions">
        {/* Not while the text has problems: the page lists them, and the server would refuse it for each. */}
        {can('letter.write') && !submitted && !letter.approval?.matchesCurrent && letter.problems.length === 0 && (
          <ConfirmedAction
            buttonLabel={t('letters.review.submit')}
            title={t('letters.review.submitTitle')}
            confirmLabel={t('letters.review.submitConfirm')}
            action={() => submitLetter(letter.id, etag).then(() => undefined)}
            failureText={failure}
            onDone={() => onChanged('letters.review.submitDone')}
          >
            <p className="nl-paragraph">{t('letters.review.submitBody')}</p>
          </ConfirmedAction>
        )}
        {can('letter.write') && submitted && (
          <ConfirmedAction
            buttonLabel={t('letters.review.withdraw')}
            title={t('letters.review.withdrawTitle')}
            confirmLabel={t('letters.review.withdrawConfirm')}
            action={() => withdrawSubmission(letter.id, etag).then(() => undefined)}
            failureText={failure}
            onDone={() => onChanged('letters.review.withdrawDone')}
          >
            <p className="nl-paragraph">{t('letters.review.withdrawBody')}</p>
          </ConfirmedAction>
        )}
        {can('disclosure.decide') && submitted && <RejectAction letter={letter} etag={etag} onChanged={onChanged} />}
        {can('letter.write') && (
          <ConfirmedAction
            buttonLabel={t('letters.review.delete')}
            title={t('letters.review.deleteTitle')}
            confirmLabel={t('letters.review.deleteConfirm')}
            destructive
            removes
            action={() => deleteLetter(letter.id, etag).then(() => undefined)}
            failureText={failure}
            onDone={() => navigate('/brieven')}
          >
            <p className="nl-paragraph">{t('letters.review.deleteBody', { referenceDate: formatLongDate(letter.referenceDate, language) })}</p>
          </ConfirmedAction>
        )}
      </div>
    </div>
  );
}

function RejectAction({ letter, etag, onChanged }: LetterReviewProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <ConfirmedAction
      buttonLabel={t('letters.review.reject')}
      title={t('letters.review.rejectTitle')}
      confirmLabel={t('letters.review.rejectConfirm')}
      action={() => rejectLetter(letter.id, comment, etag).then(() => undefined)}
      failureText={(error) => refusalReason(error, t, t('letters.review.changed'))}
      onDone={() => onChanged('letters.review.rejectDone')}
    >
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="rejection-comment">
          {t('fields.comment')}
        </label>
        <textarea id="rejection-comment" className="utrecht-textarea" rows={4} value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
    </ConfirmedAction>
  );
}
