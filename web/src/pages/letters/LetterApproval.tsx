import { useTranslation } from 'react-i18next';
import { approveReport, type Report } from '../../api/reports.ts';
import { ConfirmedAction } from '../../components/ConfirmedAction.tsx';
import { formatMoment } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';

type ApprovalState = 'none' | 'current' | 'outdated';

function approvalState(report: Report): ApprovalState {
  if (!report.approval) return 'none';
  return report.approval.matchesCurrent ? 'current' : 'outdated';
}

interface LetterApprovalProps {
  report: Report;
  etag: string;
  onApproved: () => void;
}

/**
 * Whether a disclosure officer approved the public letter as it reads now: its figures disclose
 * aggregates of confidential deliveries too. A disclosure officer approves here; any change after that
 * asks for a new approval before the letter can be finalised.
 */
export function LetterApproval({ report, etag, onApproved }: LetterApprovalProps) {
  const { t } = useTranslation();
  const mayApprove = useCan()('disclosure.decide');
  const state = approvalState(report);
  const who = report.approval && { name: report.approval.byName, moment: formatMoment(report.approval.at, currentLanguage()) };
  return (
    <div className={`letter-approval letter-approval--${state}`}>
      <p className="nl-paragraph letter-approval__state">{t(`letters.approval.${state}`, who ?? {})}</p>
      {mayApprove && state !== 'current' && <ApproveButton report={report} etag={etag} onApproved={onApproved} />}
    </div>
  );
}

function ApproveButton({ report, etag, onApproved }: LetterApprovalProps) {
  const { t } = useTranslation();
  return (
    <ConfirmedAction
      buttonLabel={t('letters.approval.button')}
      title={t('letters.approval.title')}
      confirmLabel={t('letters.approval.confirm')}
      action={() => approveReport(report.id, etag).then(() => undefined)}
      failureText={(error) => t('letters.approval.failed', { detail: refusalReason(error, t, t('letters.approval.changed')) })}
      onDone={onApproved}
    >
      <p className="nl-paragraph">{t('letters.approval.body')}</p>
    </ConfirmedAction>
  );
}
