import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/audit.ts';
import { FieldChangesTable } from '../../components/FieldChangesTable.tsx';
import { fieldChanges } from '../../format/changes.ts';
import { useFieldText } from '../../format/useFieldText.ts';
import { useAuditTerms } from './useAuditTerms.ts';

function entriesOf(detail: unknown): [string, unknown][] {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return detail == null ? [] : [['detail', detail]];
  return Object.entries(detail).filter(([, value]) => value !== undefined);
}

/** Whether an event has more to show than its row: the before and after of a change, or details. */
export function hasEventDetails(event: AuditEvent): boolean {
  return event.before != null || event.after != null || entriesOf(event.detail).length > 0;
}

/** The before and after of a change, per field, and anything else recorded with it; closed at first. */
export function AuditEventDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const terms = useAuditTerms();
  const text = useFieldText(terms.field);
  const changes = event.before != null || event.after != null ? fieldChanges(event.before, event.after) : [];
  const detail = entriesOf(event.detail);
  const summary =
    changes.length > 0 ? t('audit.change.summary', { count: changes.length, seq: event.seq }) : t('audit.detail.summary', { seq: event.seq });
  return (
    <details className="audit-details">
      <summary>{summary}</summary>
      {changes.length > 0 && (
        <FieldChangesTable
          caption={t('audit.change.caption', { seq: event.seq })}
          headers={{ field: t('audit.change.field'), before: t('audit.change.before'), after: t('audit.change.after') }}
          changes={changes}
          text={text}
        />
      )}
      {detail.length > 0 && <DetailList entries={detail} text={text} />}
    </details>
  );
}

/** Details that name an event of the trail (a restore's, a page of the trail's): numbered as the trail numbers its events, "nr. 1234", not counted as a quantity. */
const EVENT_NUMBERS: ReadonlySet<string> = new Set(['restoredTo', 'lostFrom', 'lostUpTo', 'before']);

function DetailList({ entries, text }: { entries: [string, unknown][]; text: ReturnType<typeof useFieldText> }) {
  const { t } = useTranslation();
  const terms = useAuditTerms();
  const shown = (key: string, value: unknown) => {
    if (key === 'reason' && typeof value === 'string') return terms.reason(value);
    if (EVENT_NUMBERS.has(key) && typeof value === 'number') return t('audit.number', { seq: value });
    // The fields a refused request had wrong, each by its label where the application has one.
    if (key === 'fields' && Array.isArray(value)) return value.map((name) => (typeof name === 'string' ? text.label(name) : text.value(key, name))).join(', ') || t('common.none');
    return text.value(key, value);
  };
  return (
    <dl className="audit-details__list">
      {entries.map(([key, value]) => (
        <div key={key} className="audit-details__item">
          <dt>{text.label(key)}</dt>
          <dd>{shown(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
