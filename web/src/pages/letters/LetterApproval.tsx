import { useTranslation } from 'react-i18next';
import { approveLetter, type Letter } from '../../api/letters.ts';
import { ConfirmedAction } from '../../components/ConfirmedAction.tsx';
import { formatMoment } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { actorName } from '../../format/actors.ts';
import { approvalOffer } from './approvalOffer.ts';
import { DisclosureCautions } from './DisclosureCautions.tsx';

type ApprovalState = 'none' | 'current' | 'outdated';

function approvalState(letter: Letter): ApprovalState {
  if (!letter.approval) return 'none';
  return letter.approval.matchesCurrent ? 'current' : 'outdated';
}

interface LetterApprovalProps {
  letter: Letter;
  etag: string;
  onApproved: () => void;
}

/**
 * Whether a disclosure officer approved the public letter as it reads now: its figures disclose
 * aggregates of confidential deliveries too. A disclosure officer approves here once the draft is
 * submitted, unless they wrote it, deliveries the letter counts still wait for their disclosure decision
 * (the server says which) or its text has problems; any change after that asks for a new approval
 * before the letter can be finalised.
 */
export function LetterApproval({ letter, etag, onApproved }: LetterApprovalProps) {
  const { t } = useTranslation();
  const state = approvalState(letter);
  const who = letter.approval && { name: actorName(letter.approval.byName, t), moment: formatMoment(letter.approval.at, currentLanguage()) };
  const { offered, heldBack } = approvalOffer(letter);
  return (
    <div className={`letter-approval letter-approval--${state}`}>
      <p className="nl-paragraph letter-approval__state">{t(`letters.approval.${state}`, who ?? {})}</p>
      {heldBack && <p className="nl-paragraph letter-approval__held-back">{t(`letters.approval.${heldBack}`)}</p>}
      {offered && <ApproveButton letter={letter} etag={etag} onApproved={onApproved} />}
      {letter.disclosureCautions && letter.disclosureCautions.length > 0 && <DisclosureCautions cautions={letter.disclosureCautions} />}
    </div>
  );
}

function ApproveButton({ letter, etag, onApproved }: LetterApprovalProps) {
  const { t } = useTranslation();
  return (
    <ConfirmedAction
      buttonLabel={t('letters.approval.button')}
      title={t('letters.approval.title')}
      confirmLabel={t('letters.approval.confirm')}
      action={() => approveLetter(letter.id, etag).then(() => undefined)}
      failureText={(error) => t('letters.approval.failed', { detail: refusalReason(error, t, t('letters.approval.changed')) })}
      onDone={onApproved}
    >
      <p className="nl-paragraph">{t('letters.approval.body')}</p>
    </ConfirmedAction>
  );
}
