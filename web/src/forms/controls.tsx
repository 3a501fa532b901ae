import type { InputHTMLAttributes } from 'react';
import type { Language } from '../../../common/vocabulary/languages.ts';
import { fieldId, FormField } from './FormField.tsx';

interface CommonProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  describedBy?: string;
  /** The language of what is typed where it is not the page's (a letter's Dutch text on an English page): spelling is checked in it, and it is read aloud in it. */
  lang?: Language;
}

type TextFieldProps = CommonProps & {
  type?: 'text' | 'date' | 'url' | 'search' | 'password' | 'datetime-local';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  size?: 'small' | 'medium';
  readOnly?: boolean;
  /** The earliest date a date picker offers; an earlier one typed is the server's to refuse. */
  min?: string;
};

export function TextField({ type = 'text', inputMode, autoComplete = 'off', size, readOnly, min, lang, value, onChange, ...field }: TextFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          {...control}
          lang={lang}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          readOnly={readOnly}
          min={min}
          className={`utrecht-textbox utrecht-textbox--html-input${size ? ` form-size-${size}` : ''}${field.error ? ' utrecht-textbox--invalid' : ''}${readOnly ? ' utrecht-textbox--read-only' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export function TextAreaField({ value, onChange, rows = 4, lang, ...field }: CommonProps & { rows?: number }) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          {...control}
          lang={lang}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea${field.error ? ' utrecht-textarea--invalid' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ options, value, onChange, ...field }: CommonProps & { options: Option[] }) {
  return (
    <FormField {...field}>
      {(control) => (
        <select
          {...control}
          className={`utrecht-select utrecht-select--html-select${field.error ? ' utrecht-select--invalid' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ name, label, checked, onChange }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced">
      <div className="utrecht-form-field__input">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

/** One choice out of a few, all visible: a fieldset whose legend is the question. */
export function RadioGroupField({ name, label, value, onChange, options, hint, error }: CommonProps & { options: Option[] }) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset radio-group${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{label}</legend>
      {hint && (
        <div className="utrecht-form-field-description" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      {options.map((option, index) => {
        // The first option carries the field's id, so the error summary's link lands on the group.
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                id={optionId}
                name={name}
                type="radio"
                value={option.value}
                className={`utrecht-radio-button utrecht-radio-button--html-input${error ? ' utrecht-radio-button--invalid' : ''}`}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
