import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * Why the server refused an action taken from a button rather than a form: in words for a dialog.
 * `changed` says what a refused If-Match (412) means for this action; `labels` names the dialog's own
 * fields, so that a reason about one of them says which ("Reden: Vul dit veld in.").
 */
export function refusalReason(error: unknown, t: TFunction, changed: string, labels: Readonly<Record<string, string>> = {}): string {
  if (!(error instanceof ApiError)) return t('form.errors.network');
  if (error.status === 412) return changed;
  if (error.status === 403) return t('access.submitRefused');
  const reasons = invalidParamsShown(error).map((param) => (labels[param.name] ? `${labels[param.name]}: ${param.reason}` : param.reason));
  return reasons.length > 0 ? reasons.join(' ') : error.message;
}

/**
 * The fields the server refused, each with its reason in the language the page shows now: the one the
 * request was made in, or another the user switched to since, which the API also wrote it in.
 */
export function invalidParamsShown(error: ApiError): { name: string; reason: string }[] {
  const inLanguage = error.problem.reasonsByLanguage?.[currentLanguage()];
  return (error.problem.invalidParams ?? []).map((param, index) => ({ name: param.name, reason: inLanguage?.[index] ?? param.reason }));
}
