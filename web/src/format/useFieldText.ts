import { useTranslation } from 'react-i18next';
import { currentLanguage, shownWords } from '../i18n/index.ts';
import { formatPreciseMoment, formatShortDate } from './dates.ts';
import { locale } from './locale.ts';
import { formatEuro } from './money.ts';

function hasKey<T extends object>(object: T, key: unknown): key is Extract<keyof T, string> {
  return typeof key === 'string' && Object.hasOwn(object, key);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Fields that hold a year, shown as a year is written (2025, not 2.025). */
const YEARS: ReadonlySet<string> = new Set(['budgetYear', 'firstYear', 'lastYear', 'fromYear', 'toYear', 'remainderExpectedBy']);
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A field of a stored record in words: its label, and its value as the rest of the application shows
 * it (amounts in euro, dates in the user's language, choices by their name). Fields the application
 * has no name for keep the name the API gives them.
 */
export function useFieldText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = shownWords();

  function label(field: string): string {
    return hasKey(words.fields, field) ? t(`fields.${field}`) : field;
  }

  function choice(field: string, value: unknown): string | null {
    if (field === 'category' && hasKey(words.categories, value)) return t(`categories.${value}`);
    if (field === 'supportType' && hasKey(words.supportTypes, value)) return t(`supportTypes.${value}`);
    if ((field === 'fundingSource' || field === 'fund') && hasKey(words.fundingSources, value)) return t(`fundingSources.${value}`);
    if (field === 'basis' && hasKey(words.valuationBases, value)) return t(`valuationBases.${value}`);
    if (field === 'role' && hasKey(words.roles, value)) return t(`roles.${value}`);
    if (field === 'framework' && hasKey(words.trainingFrameworks, value)) return t(`trainingFrameworks.${value}`);
    if (field === 'effect' && hasKey(words.readinessEffects, value)) return t(`readinessEffects.${value}`);
    if (field === 'stage' && hasKey(words.stages, value)) return t(`stages.${value}`);
    return null;
  }

  function value(field: string, raw: unknown): string {
    if (raw === null || raw === undefined || raw === '') return t('common.none');
    if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
    if (typeof raw === 'number') {
      if (field.endsWith('Cents')) return formatEuro(raw, language);
      return YEARS.has(field) ? String(raw) : raw.toLocaleString(locale(language));
    }
    if (typeof raw === 'string') {
      if (DATE.test(raw)) return formatShortDate(raw, language);
      if (MOMENT.test(raw)) return formatPreciseMoment(raw, language);
      return choice(field, raw) ?? raw;
    }
    if (field === 'sources' && Array.isArray(raw)) return raw.map(sourceText).join('; ') || t('common.none');
    return JSON.stringify(raw);
  }

  return { label, value };
}

function sourceText(source: unknown): string {
  if (source === null || typeof source !== 'object') return String(source);
  const { description, url } = source as { description?: unknown; url?: unknown };
  return typeof url === 'string' && url ? `${String(description)} (${url})` : String(description);
}
