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
 * it (amounts in euro, dates in the user's language, choices by their name, a list item by item, an object
 * field by field). `ownLabel` may give a label first (the audit trail's own); fields the application has no
 * name for keep the name the API gives them.
 */
export function useFieldText(ownLabel: (field: string) => string | undefined = () => undefined) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = shownWords();

  function label(field: string): string {
    return ownLabel(field) ?? (hasKey(words.fields, field) ? t(`fields.${field}`) : field);
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
    if ((field === 'disclosureState' || field === 'state') && hasKey(words.disclosureStates, value)) return t(`disclosureStates.${value}`);
    if (field === 'ground' && hasKey(words.confidentialityGrounds, value)) return t(`confidentialityGrounds.${value}`);
    if (field === 'kind' && hasKey(words.epfTrancheKinds, value)) return t(`epfTrancheKinds.${value}`);
    if (field === 'dutchRole' && hasKey(words.epfDutchRoles, value)) return t(`epfDutchRoles.${value}`);
    if (field === 'mode' && hasKey(words.audit.importModes, value)) return t(`audit.importModes.${value}`);
    if (field === 'sheet' && hasKey(words.imports.sheets, value)) return t(`imports.sheets.${value}`);
    return null;
  }

  /** What an import created, by the names of its sheets, those it created none of left out: "Levering: 1, Waardering: 1". */
  function createdText(counts: object): string {
    const made = Object.entries(counts).filter(([, count]) => typeof count === 'number' && count > 0);
    return made.map(([sheet, count]) => `${hasKey(words.imports.sheets, sheet) ? t(`imports.sheets.${sheet}`) : sheet}: ${value('', count)}`).join(', ') || t('common.none');
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
    if (Array.isArray(raw)) {
      // A list of values item by item; a list of objects (a contract's milestones) each in brackets, field by field.
      const objects = raw.some((item) => item !== null && typeof item === 'object');
      return raw.map((item) => (objects ? `(${value(field, item)})` : value(field, item))).join(objects ? ' ' : ', ') || t('common.none');
    }
    if (typeof raw === 'object') {
      if (field === 'created') return createdText(raw);
      return Object.entries(raw)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => `${label(key)}: ${value(key, item)}`)
        .join('; ') || t('common.none');
    }
    return String(raw);
  }

  return { label, value };
}

function sourceText(source: unknown): string {
  if (source === null || typeof source !== 'object') return String(source);
  const { description, url } = source as { description?: unknown; url?: unknown };
  return typeof url === 'string' && url ? `${String(description)} (${url})` : String(description);
}
