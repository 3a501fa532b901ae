import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateLetter, type Letter } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { FigureNamesHelp } from './FigureNamesHelp.tsx';

interface LetterEditorProps {
  letter: Letter;
  etag: string;
  /** The page is loading the letter again: saving waits for the version to base the change on. */
  busy: boolean;
  onSaved: () => void;
  /** Asks the page to load the latest version, whose text then replaces what is in the form. */
  onReload: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

const blockField = (index: number) => `blocks.${index}.text`;
const LETTERHEAD_FIELDS = ['wordmark', 'signatoryTitle', 'signatoryName'] as const;
type LetterheadFields = Letter['letterhead'];

/** A textarea per text block of a draft, and its letter date; saved as one change, refused if someone else saved first. */
export function LetterEditor({ letter, etag, busy, onSaved, onReload, onDirtyChange }: LetterEditorProps) {
  const { t } = useTranslation();
  const helpId = useId();
  const submission = useSubmission();
  const [letterDate, setLetterDate] = useState(letter.letterDate ?? '');
  const [texts, setTexts] = useState(() => letter.blocks.map((block) => block.text));
  const [letterhead, setLetterhead] = useState<LetterheadFields>(letter.letterhead);
  const savedVersion = useLatestVersion(letter, (latest) => {
    submission.reset();
    setLetterDate(latest.letterDate ?? '');
    setTexts(latest.blocks.map((block) => block.text));
    setLetterhead(latest.letterhead);
  });

  const dirty =
    letterDate !== (letter.letterDate ?? '') ||
    letter.blocks.some((block, index) => texts[index] !== block.text) ||
    LETTERHEAD_FIELDS.some((field) => letterhead[field] !== letter.letterhead[field]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const labelOf = (index: number) => letter.blocks[index]?.heading ?? t('letters.editor.opening');
  const labels = {
    letterDate: t('fields.letterDate'),
    ...Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, t(`letters.letterhead.${field}`)])),
    ...Object.fromEntries(letter.blocks.map((_, index) => [blockField(index), labelOf(index)])),
  };

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submission.submit({}, async () => {
      const blocks = letter.blocks.map((block, index) => ({ ...block, text: texts[index] ?? block.text }));
      const { data } = await updateLetter(letter.id, { blocks, letterDate: letterDate || null, ...letterhead }, etag);
      savedVersion(data.version);
      onSaved();
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="record-form letter-editor">
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals}>
        {submission.conflict && (
          <>
            <p className="nl-paragraph">{t('letters.editor.conflict')}</p>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
              {t('letters.editor.reload')}
            </button>
          </>
        )}
      </ErrorSummary>
      <TextField name="letterDate" type="date" label={t('fields.letterDate')} hint={t('letters.editor.letterDateHint')} value={letterDate} error={submission.fieldErrors.letterDate} onChange={setLetterDate} />
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('letters.letterhead.legend')}</legend>
        <TextField name="wordmark" label={t('letters.letterhead.wordmark')} hint={t('letters.letterhead.wordmarkHint')} value={letterhead.wordmark} error={submission.fieldErrors.wordmark} onChange={(wordmark) => setLetterhead((old) => ({ ...old, wordmark }))} />
        <TextField name="signatoryTitle" label={t('letters.letterhead.signatoryTitle')} value={letterhead.signatoryTitle} error={submission.fieldErrors.signatoryTitle} onChange={(signatoryTitle) => setLetterhead((old) => ({ ...old, signatoryTitle }))} />
        <TextField name="signatoryName" label={t('letters.letterhead.signatoryName')} hint={t('letters.letterhead.signatoryNameHint')} value={letterhead.signatoryName} error={submission.fieldErrors.signatoryName} onChange={(signatoryName) => setLetterhead((old) => ({ ...old, signatoryName }))} />
        {letterhead.signatoryName.trim() === '' && <Alert type="warning">{t('letters.letterhead.signatoryMissing')}</Alert>}
      </fieldset>
      <FigureNamesHelp id={helpId} />
      {letter.blocks.map((block, index) => (
        <TextAreaField
          key={block.key}
          name={blockField(index)}
          label={labelOf(index)}
          describedBy={helpId}
          rows={rowsFor(block.text)}
          value={texts[index] ?? ''}
          error={submission.fieldErrors[blockField(index)]}
          onChange={(text) => setTexts((previous) => previous.map((old, at) => (at === index ? text : old)))}
        />
      ))}
      <div className="action-row letter-editor__actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={submission.submitting || busy}>
          {submission.submitting ? t('form.saving') : t('letters.editor.save')}
        </button>
        {dirty && <Alert type="info">{t('letters.editor.unsaved')}</Alert>}
      </div>
    </form>
  );
}

/** Room for the whole text of a block, within reason. */
function rowsFor(text: string): number {
  return Math.min(24, Math.max(5, Math.ceil(text.length / 55) + text.split('\n').length));
}

/**
 * Calls `reset` when the page shows a version of the letter that this form did not save itself (the
 * latest, loaded after a refused save), so the form then holds that version's text. Returns what to
 * call with the version a save of this form produced.
 */
function useLatestVersion(letter: Letter, reset: (latest: Letter) => void): (version: number) => void {
  const known = useRef(letter.version);
  const latestReset = useRef(reset);
  latestReset.current = reset;
  useEffect(() => {
    if (known.current === letter.version) return;
    known.current = letter.version;
    latestReset.current(letter);
  }, [letter]);
  return useCallback((version: number) => {
    known.current = version;
  }, []);
}
