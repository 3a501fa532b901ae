import { useTranslation } from 'react-i18next';
import type { Letter } from '../../api/letters.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { useCan } from '../../state/session.tsx';
import { AnnexLinks, AnnexNotice } from './AnnexLinks.tsx';
import { LetterDownloads } from './LetterDownloads.tsx';
import { LetterFacts } from './LetterFacts.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { LetterEmbargo } from './LetterEmbargo.tsx';
import { VerificationResult } from './VerificationResult.tsx';
import { WithdrawalNotice } from './LetterWithdrawal.tsx';
import type { LetterNotice } from './letterNotice.ts';

/**
 * A final letter: frozen, with its hashes and downloads; sent, then published, its publication details corrected if
 * need be; or, never sent, withdrawn, and kept as it was final.
 */
export function FinalLetter({ letter, etag, onChanged }: { letter: Letter; etag: string; onChanged: (notice: LetterNotice) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      {letter.withdrawal && <WithdrawalNotice withdrawal={letter.withdrawal} />}
      <LetterFacts letter={letter} />
      <div className="letter-tools">
        <LetterDownloads id={letter.id} label={t('letters.downloads.final')} />
      </div>
      {can('annex.read') && (
        <LabelledSection heading={t('letters.annexHeading')}>
          <AnnexNotice />
          <AnnexLinks id={letter.id} label={t('letters.downloads.annex')} />
        </LabelledSection>
      )}
      <LetterEmbargo letter={letter} etag={etag} onChanged={onChanged} />
      {can('letter.verify') && (
        <LabelledSection heading={t('letters.verification.heading')}>
          <VerificationResult id={letter.id} />
        </LabelledSection>
      )}
      <LabelledSection heading={t(letter.status === 'withdrawn' ? 'letters.preview.withdrawnHeading' : 'letters.preview.finalHeading')}>
        <LetterPreview letter={letter} />
      </LabelledSection>
    </>
  );
}
