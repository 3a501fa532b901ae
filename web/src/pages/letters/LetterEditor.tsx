import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionEnded } from '../../api/client.ts';
import { updateLetter, type Letter, type LetterChange } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { TextAreaField, TextField } from '../../forms/controls.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useSession } from '../../state/session.tsx';
import { FigureNamesHelp } from './FigureNamesHelp.tsx';
import { FigurePicker } from './FigurePicker.tsx';
import { blockField, blockLabel, headingField, LETTERHEAD_FIELDS, letterFieldLabels } from './letterFields.ts';
import { forgetUnsavedText, keepUnsavedText, keptUnsavedText, type EditorText } from './unsavedText.ts';
import { useWarningBeforeLeaving } from './useWarningBeforeLeaving.ts';

interface LetterEditorProps {
  letter: Letter;
  etag: string;
  /** The page is loading the letter again: saving waits for the version to base the change on. */
  busy: boolean;
  onSaved: () => void;
  /** Asks the page to load the latest version, whose text then replaces what is in the form. */
  onReload: () => void;
  /** The text as typed while it differs from what is saved (for the live preview and the warning before leaving), else null. */
  onUnsavedChange: (change: LetterChange | null) => void;
}

type LetterheadFields = Letter['letterhead'];

/** The letter is Dutch, also where the page around it is English. */
const LETTER_LANGUAGE = 'nl';

/** A textarea per text block of a draft with its heading, and its letter date; saved as one change, refused if someone else saved first. */
export function LetterEditor({ letter, etag, busy, onSaved, onReload, onUnsavedChange }: LetterEditorProps) {
  const { t } = useTranslation();
  const helpId = useId();
  const submission = useSubmission();
  const username = useSession()?.username ?? '';
  // What was typed before the session ended or the author went back, put back once they are here again.
  const [restored] = useState(() => keptUnsavedText(username, letter));
  const [letterDate, setLetterDate] = useState(restored?.letterDate ?? letter.letterDate ?? '');
  const [texts, setTexts] = useState(() => restored?.texts ?? letter.blocks.map((block) => block.text));
  const [headings, setHeadings] = useState(() => restored?.headings ?? letter.blocks.map((block) => block.heading));
  const [letterhead, setLetterhead] = useState<LetterheadFields>(restored?.letterhead ?? letter.letterhead);
  const savedVersion = useLatestVersion(letter, (latest) => {
    submission.reset();
    setLetterDate(latest.letterDate ?? '');
    setTexts(latest.blocks.map((block) => block.text));
    setHeadings(latest.blocks.map((block) => block.heading));
    setLetterhead(latest.letterhead);
  });

  const dirty =
    letterDate !== (letter.letterDate ?? '') ||
    letter.blocks.some((block, index) => texts[index] !== block.text || headings[index] !== block.heading) ||
    LETTERHEAD_FIELDS.some((field) => letterhead[field] !== letter.letterhead[field]);
  const change = useMemo(
    () => ({
      blocks: letter.blocks.map((block, index) => ({ ...block, heading: headings[index] ?? block.heading, text: texts[index] ?? block.text })),
      letterDate: letterDate || null,
    }),
    [letter.blocks, headings, texts, letterDate],
  );
  useEffect(() => onUnsavedChange(dirty ? change : null), [dirty, change, onUnsavedChange]);
  const agreedToLeave = useWarningBeforeLeaving(dirty, t('letters.review.unsaved'));
  const unsaved = useRef<EditorText | null>(null);
  unsaved.current = dirty ? { letterDate, texts, headings, letterhead } : null;
  useEffect(() => {
    forgetUnsavedText(username, letter);
    const keep = () => unsaved.current && keepUnsavedText(username, letter, unsaved.current);
    const stopKeepingOnSessionEnd = onSessionEnded(keep);
    const here = window.location.pathname;
    return () => {
      stopKeepingOnSessionEnd();
      // Gone from the letter without being asked: by the browser's Back or Forward, which the page cannot ask about.
      if (window.location.pathname !== here && !agreedToLeave()) keep();
    };
  }, [username, letter, agreedToLeave]);

  const labelOf = (index: number) => blockLabel(letter, index, t);
  const labels = letterFieldLabels(letter, t);

  const insertFigure = useInsertionAtCaret((index, text) => setTexts((previous) => previous.map((old, at) => (at === index ? text : old))));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submission.submit({}, async () => {
      const { data } = await updateLetter(letter.id, { ...change, ...letterhead }, etag);
      savedVersion(data.version);
      onSaved();
    });
  }

  return (
    <form ref={submission.formRef} noValidate onSubmit={handleSubmit} onFocus={insertFigure.remember} className="record-form letter-editor">
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
      {restored && dirty && <Alert type="info">{t('letters.editor.restored')}</Alert>}
      <TextField name="letterDate" type="date" label={t('fields.letterDate')} hint={t('letters.editor.letterDateHint')} value={letterDate} error={submission.fieldErrors.letterDate} onChange={setLetterDate} />
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('letters.letterhead.legend')}</legend>
        <TextField name="wordmark" lang={LETTER_LANGUAGE} label={t('letters.letterhead.wordmark')} hint={t('letters.letterhead.wordmarkHint')} value={letterhead.wordmark} error={submission.fieldErrors.wordmark} onChange={(wordmark) => setLetterhead((old) => ({ ...old, wordmark }))} />
        <TextField name="signatoryTitle" lang={LETTER_LANGUAGE} label={t('letters.letterhead.signatoryTitle')} value={letterhead.signatoryTitle} error={submission.fieldErrors.signatoryTitle} onChange={(signatoryTitle) => setLetterhead((old) => ({ ...old, signatoryTitle }))} />
        <TextField name="signatoryName" label={t('letters.letterhead.signatoryName')} hint={t('letters.letterhead.signatoryNameHint')} value={letterhead.signatoryName} error={submission.fieldErrors.signatoryName} onChange={(signatoryName) => setLetterhead((old) => ({ ...old, signatoryName }))} />
        {letterhead.signatoryName.trim() === '' && <Alert type="warning">{t('letters.letterhead.signatoryMissing')}</Alert>}
      </fieldset>
      <FigureNamesHelp id={helpId} />
      <FigurePicker figures={letter.figures} onInsert={(name) => insertFigure.insert(`{{${name}}}`)} />
      {letter.blocks.map((block, index) => (
        <Fragment key={block.key}>
          {block.heading !== null && (
            <TextField
              name={headingField(index)}
              lang={LETTER_LANGUAGE}
              label={t('letters.editor.blockHeading', { heading: labelOf(index) })}
              value={headings[index] ?? ''}
              error={submission.fieldErrors[headingField(index)]}
              onChange={(heading) => setHeadings((previous) => previous.map((old, at) => (at === index ? heading : old)))}
            />
          )}
          <TextAreaField
            name={blockField(index)}
            lang={LETTER_LANGUAGE}
            label={labelOf(index)}
            describedBy={helpId}
            rows={rowsFor(block.text)}
            value={texts[index] ?? ''}
            error={submission.fieldErrors[blockField(index)]}
            onChange={(text) => setTexts((previous) => previous.map((old, at) => (at === index ? text : old)))}
          />
        </Fragment>
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

/**
 * Puts a piece of text where the author last typed: at the caret (or over the selection) of the block last
 * focused, which a text area keeps when it loses the focus; at the end of the first block if none was
 * focused. That block then has the focus again, with the caret after what was inserted.
 */
function useInsertionAtCaret(setText: (index: number, text: string) => void) {
  const lastFocused = useRef<number | null>(null);
  const remember = (event: FocusEvent<HTMLFormElement>) => {
    const match = /^blocks\.(\d+)\.text$/.exec(event.target.getAttribute('name') ?? '');
    if (match) lastFocused.current = Number(match[1]);
  };
  const insert = (piece: string) => {
    const index = lastFocused.current ?? 0;
    const area = document.querySelector<HTMLTextAreaElement>(`textarea[name="${blockField(index)}"]`);
    if (!area) return;
    const [start, end] = lastFocused.current === null ? [area.value.length, area.value.length] : [area.selectionStart, area.selectionEnd];
    setText(index, area.value.slice(0, start) + piece + area.value.slice(end));
    lastFocused.current = index;
    const caret = start + piece.length;
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(caret, caret);
    });
  };
  return { remember, insert };
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
