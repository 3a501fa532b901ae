import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/reports.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { useCan } from '../../state/session.tsx';
import { AnnexLinks, AnnexNotice } from './AnnexLinks.tsx';
import { LetterDownloads } from './LetterDownloads.tsx';
import { LetterFacts } from './LetterFacts.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { PublicationForm } from './PublicationForm.tsx';
import { VerificationResult } from './VerificationResult.tsx';

/** A final letter: frozen, with its hashes and downloads; what parliament assigned is added once. */
export function FinalLetter({ report, onChanged }: { report: Report; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const published = report.paperNumber !== null && report.publishedOn !== null;
  return (
    <>
      <LetterFacts report={report} />
      <div className="letter-tools">
        <LetterDownloads id={report.id} label={t('letters.downloads.final')} />
      </div>
      {can('annex.read') && (
        <LabelledSection heading={t('letters.annexHeading')}>
          <AnnexNotice />
          <AnnexLinks id={report.id} label={t('letters.downloads.annex')} />
        </LabelledSection>
      )}
      {can('report.write') && !published && (
        <LabelledSection heading={t('letters.publication.heading')}>
          <PublicationForm report={report} onRecorded={() => onChanged(t('letters.publication.recorded'))} />
        </LabelledSection>
      )}
      <LabelledSection heading={t('letters.verification.heading')}>
        <VerificationResult id={report.id} />
      </LabelledSection>
      <LabelledSection heading={t('letters.preview.finalHeading')}>
        <LetterPreview report={report} />
      </LabelledSection>
    </>
  );
}
