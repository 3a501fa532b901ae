import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { SelectField } from '../../forms/controls.tsx';

interface Versioned {
  id: string;
  version: number;
}

/**
 * Correcting a record of the overview typed in error: the registrar chooses it, and its form, filled as the overview
 * shows it, is saved against that version. Once saved the form closes, saying so: the record's next version is a new
 * form, chosen anew.
 */
export function CorrectionChooser<R extends Versioned>({
  words,
  options,
  form,
  onRecorded,
}: {
  words: { legend: string; intro: string; choose: string; done: string };
  options: readonly { record: R; label: string }[];
  form: (record: R, saved: () => void) => ReactNode;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const [chosenId, setChosenId] = useState('');
  const [corrected, setCorrected] = useState(false);
  const choose = (id: string) => {
    setChosenId(id);
    setCorrected(false);
  };
  const saved = () => {
    choose('');
    setCorrected(true);
    onRecorded();
  };
  const chosen = options.find((option) => option.record.id === chosenId)?.record;
  if (options.length === 0) return null;
  return (
    <fieldset className="utrecht-form-fieldset">
      <legend className="utrecht-form-fieldset__legend">{words.legend}</legend>
      <p className="nl-paragraph">{words.intro}</p>
      <div role="status">{corrected && <Alert type="ok">{words.done}</Alert>}</div>
      <SelectField
        name={`${name}record`}
        label={words.choose}
        value={chosenId}
        onChange={choose}
        options={[{ value: '', label: t('form.choose') }, ...options.map(({ record, label }) => ({ value: record.id, label }))]}
      />
      {/* A new version (after a correction, or loading the latest) is a new form, filled from it. */}
      {chosen && <Fragment key={`${chosen.id}:${chosen.version}`}>{form(chosen, saved)}</Fragment>}
    </fieldset>
  );
}
