import type { InputHTMLAttributes } from 'react';
import { fieldId, FormField } from './FormField.tsx';

interface CommonProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

type TextFieldProps = CommonProps & {
  type?: 'text' | 'date' | 'url' | 'search' | 'password';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  size?: 'small' | 'medium';
  readOnly?: boolean;
};

export function TextField({ type = 'text', inputMode, autoComplete = 'off', size, readOnly, value, onChange, ...field }: TextFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          readOnly={readOnly}
          className={`utrecht-textbox utrecht-textbox--html-input${size ? ` form-size-${size}` : ''}${field.error ? ' utrecht-textbox--invalid' : ''}${readOnly ? ' utrecht-textbox--read-only' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

export function TextAreaField({ value, onChange, ...field }: CommonProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={4}
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
