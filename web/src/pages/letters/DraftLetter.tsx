import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Letter, LetterChange } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { AnnexLinks } from './AnnexLinks.tsx';
import { LetterApproval } from './LetterApproval.tsx';
import { FinaliseLetter } from './FinaliseLetter.tsx';
import { LetterDownloads } from './LetterDownloads.tsx';
import { LetterEditor } from './LetterEditor.tsx';
import { LetterFacts } from './LetterFacts.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { LetterReview } from './LetterReview.tsx';
import { ShipmentsWithoutLicence } from './ShipmentsWithoutLicence.tsx';
import type { LetterNotice } from './letterNotice.ts';

interface DraftLetterProps {
  letter: Letter;
  etag: string;
  busy: boolean;
  /** Something changed the letter: the page says so and loads it again. */
  onChanged: (notice: LetterNotice) => void;
  onReload: () => void;
}

/** A draft: its text to edit beside the letter as it will look, what keeps it from being final, and finalising. */
export function DraftLetter({ letter, etag, busy, onChanged, onReload }: DraftLetterProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [unsavedChange, setUnsavedChange] = useState<LetterChange | null>(null);
  const unsaved = unsavedChange !== null;
  const mayWrite = can('letter.write');
  return (
    <>
      <LetterFacts letter={letter} />
      {letter.problems.length > 0 && <LetterProblems letter={letter} />}
      {letter.notes.length > 0 && <LetterNotes letter={letter} />}
      <LetterApproval letter={letter} etag={etag} onApproved={() => onChanged('letters.approval.done')} />
      <LetterReview letter={letter} etag={etag} onChanged={onChanged} />
      <div className="letter-tools">
        <div className="letter-tools__downloads">
          <LetterDownloads id={letter.id} label={t('letters.downloads.draft')} />
          {can('annex.read') && <AnnexLinks id={letter.id} label={t('letters.downloads.annex')} />}
        </div>
        {mayWrite && letter.approval?.matchesCurrent && (
          <div className="letter-tools__finalise">
            <FinaliseLetter letter={letter} etag={etag} unsaved={unsaved} onFinalised={() => onChanged('letters.finalise.done')} />
          </div>
        )}
      </div>
      <div className={mayWrite ? 'letter-workspace' : undefined}>
        {mayWrite && (
          <LabelledSection heading={t('letters.editor.heading')} className="letter-workspace__editor">
            <LetterEditor
              letter={letter}
              etag={etag}
              busy={busy}
              onSaved={() => onChanged('letters.editor.saved')}
              onReload={onReload}
              onUnsavedChange={setUnsavedChange}
            />
          </LabelledSection>
        )}
        <LabelledSection heading={t('letters.preview.heading')} className="letter-workspace__preview">
          <LetterPreview letter={letter} unsavedChange={unsavedChange} />
        </LabelledSection>
      </div>
    </>
  );
}

/**
 * Figure names the text uses that the letter does not know, or may not publish, and why, placeholders or
 * footnotes that are not whole, and amounts or percentages typed by hand (said by the server in words, in the
 * language the page shows now): submitting and finalising are refused until they are gone.
 */
function LetterProblems({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  const problems = letter.problemsByLanguage[currentLanguage()];
  return <SaidList type="warning" intro={t('letters.problems', { count: problems.length })} items={problems} />;
}

/**
 * What the author and the signatory should know before finalising, which does not keep the letter from being finalised (said by the
 * server), and the deliveries its note on export control counts.
 */
function LetterNotes({ letter }: { letter: Letter }) {
  const { t } = useTranslation();
  return (
    <SaidList type="info" intro={t('letters.notes')} items={letter.notesByLanguage[currentLanguage()]}>
      {letter.shipmentsWithoutLicence.count > 0 && <ShipmentsWithoutLicence shipments={letter.shipmentsWithoutLicence} />}
    </SaidList>
  );
}

function SaidList({ type, intro, items, children }: { type: 'warning' | 'info'; intro: string; items: string[]; children?: ReactNode }) {
  return (
    <Alert type={type}>
      <p className="nl-paragraph">{intro}</p>
      <ul className="utrecht-unordered-list">
        {items.map((item) => (
          <li key={item} className="utrecht-unordered-list__item">
            {item}
          </li>
        ))}
      </ul>
      {children}
    </Alert>
  );
}
