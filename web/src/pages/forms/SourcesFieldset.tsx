import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../forms/FormField.tsx';
import { TextField } from '../../forms/controls.tsx';
import type { FieldErrors } from '../../forms/useSubmission.ts';
import type { DeliveryValues } from './deliveryValues.ts';

type Sources = DeliveryValues['sources'];

/** Where the facts of a delivery come from: any number of descriptions, each with an optional address. */
export function SourcesFieldset({ sources, errors, onChange }: { sources: Sources; errors: FieldErrors; onChange: (sources: Sources) => void }) {
  const { t } = useTranslation();
  const focusAfterAdd = useRef(false);
  useEffect(() => {
    if (!focusAfterAdd.current) return;
    focusAfterAdd.current = false;
    document.getElementById(fieldId(`sources.${sources.length - 1}.description`))?.focus();
  }, [sources.length]);

  const change = (index: number, part: 'description' | 'url', value: string) =>
    onChange(sources.map((source, position) => (position === index ? { ...source, [part]: value } : source)));

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset form-section">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('form.sections.sources')}</legend>
      {sources.map((source, index) => (
        <fieldset key={index} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset source-entry">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend source-entry__legend">
            {t('form.source', { number: index + 1 })}
          </legend>
          <TextField
            name={`sources.${index}.description`}
            label={t('fields.sourceDescription')}
            value={source.description}
            error={errors[`sources.${index}.description`]}
            onChange={(value) => change(index, 'description', value)}
          />
          <TextField
            name={`sources.${index}.url`}
            type="url"
            label={t('fields.sourceUrl')}
            value={source.url}
            error={errors[`sources.${index}.url`]}
            optional
            onChange={(value) => change(index, 'url', value)}
          />
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => onChange(sources.filter((_, position) => position !== index))}
          >
            {t('form.removeSource', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={() => {
          focusAfterAdd.current = true;
          onChange([...sources, { description: '', url: '' }]);
        }}
      >
        {t('form.addSource')}
      </button>
    </fieldset>
  );
}
