import { useTranslation } from 'react-i18next';
import { sendLetter, type Letter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmedAction } from '../../components/ConfirmedAction.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { formatLongDate, formatMoment } from '../../format/dates.ts';
import { refusalReason } from '../../forms/refusalReason.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { PublicationForm } from './PublicationForm.tsx';
import { WithdrawLetter } from './LetterWithdrawal.tsx';
import { actorName } from '../../format/actors.ts';
import type { LetterNotice } from './letterNotice.ts';

/**
 * A final letter's way to the public: sent to parliament, then published (now or at a scheduled moment), or,
 * not sent, withdrawn. Until then nothing of it is public. Its publication details, as recorded and corrected, stay visible.
 */
export function LetterEmbargo({ letter, etag, onChanged }: { letter: Letter; etag: string; onChanged: (notice: LetterNotice) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mayWrite = useCan()('letter.write');
  const state = letter.status === 'withdrawn' ? 'withdrawn' : letter.publishedAt ? 'published' : letter.publishAt ? 'scheduled' : letter.sentAt ? 'sent' : 'final';
  const moment = letter.publishedAt ?? letter.publishAt ?? letter.sentAt;
  // A recorded publication is taken back only when its moment came and the letter could not be published.
  const held = state === 'sent' && letter.publications.length > 0;
  return (
    <LabelledSection heading={t('letters.embargo.heading')}>
      <p className="nl-paragraph letter-embargo__state">{t(`letters.embargo.${state}`, { moment: moment ? formatMoment(moment, language) : '' })}</p>
      {held && <Alert type="warning">{t('letters.embargo.held')}</Alert>}
      {mayWrite && state === 'final' && (
        <div className="action-row">
          <ConfirmedAction
            buttonLabel={t('letters.embargo.send')}
            title={t('letters.embargo.sendTitle')}
            confirmLabel={t('letters.embargo.sendConfirm')}
            action={() => sendLetter(letter.id, etag).then(() => undefined)}
            failureText={(error) => refusalReason(error, t, t('letters.embargo.changed'))}
            onDone={() => onChanged('letters.embargo.sendDone')}
          >
            <p className="nl-paragraph">{t('letters.embargo.sendBody')}</p>
          </ConfirmedAction>
          <WithdrawLetter letter={letter} etag={etag} onChanged={onChanged} />
        </div>
      )}
      {mayWrite && state === 'sent' && <PublicationForm letter={letter} etag={etag} mode="record" onRecorded={() => onChanged('letters.publication.recorded')} />}
      {letter.publications.length > 0 && (
        <DataTable
          caption={t('letters.publication.history')}
          rows={letter.publications}
          rowKey={(row) => row.recordedAt}
          columns={[
            { key: 'paperNumber', header: t('fields.paperNumber'), cell: (row) => row.paperNumber },
            { key: 'publishedOn', header: t('fields.publishedOn'), cell: (row) => formatLongDate(row.publishedOn, language) },
            { key: 'reason', header: t('fields.reason'), cell: (row) => row.reason || t('letters.publication.firstRecord') },
            { key: 'recorded', header: t('letters.publication.recordedBy'), cell: (row) => `${actorName(row.recordedByName, t)}, ${formatMoment(row.recordedAt, language)}` },
          ]}
        />
      )}
      {mayWrite && letter.publishAt !== null && (
        <details className="letter-embargo__correction">
          <summary>{t('letters.publication.correctHeading')}</summary>
          <PublicationForm letter={letter} etag={etag} mode="correct" onRecorded={() => onChanged('letters.publication.corrected')} />
        </details>
      )}
    </LabelledSection>
  );
}
