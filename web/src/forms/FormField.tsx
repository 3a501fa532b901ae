import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** The element id of a field, also the target of the error summary's links. */
export function fieldId(name: string): string {
  return `veld-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

interface FormFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  /** Text elsewhere on the page that also describes the control, such as help shared by several fields. */
  describedBy?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error message of one control, tied to it for assistive technology. */
export function FormField({ name, label, hint, error, optional, describedBy: sharedHelp, children }: FormFieldProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId, sharedHelp].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="form-optional"> {t('common.optional')}</span>}
        </label>
      </div>
      {hint && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({ id, name, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      </div>
    </div>
  );
}
