import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isIsoDate } from '../../../../common/dates.ts';
import type { AuditEvent } from '../../api/audit.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatLongDate, formatPreciseMoment } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { AuditEventDetails, hasEventDetails } from './AuditEventDetails.tsx';
import { useAuditTerms } from './useAuditTerms.ts';
import { actorName } from '../../format/actors.ts';

/** The object of an event about all records of a kind at once (reading the accounts, a work queue, the trail itself). */
const ALL_OF_THEM = '*';

const COLUMNS = ['occurredAt', 'actor', 'role', 'action', 'object', 'result', 'origin'] as const;

/** The events, newest first; under an event that has them, its change and details, folded away. */
export function AuditTable({ events, busy }: { events: AuditEvent[]; busy: boolean }) {
  const { t } = useTranslation();
  const captionId = useId();
  const terms = useAuditTerms();
  const language = currentLanguage();

  return (
    <TableScroll labelledBy={captionId}>
      <table className={`utrecht-table utrecht-table--html-table audit-table${busy ? ' table--busy' : ''}`} aria-busy={busy}>
        <caption id={captionId} className="utrecht-table__caption">{t('audit.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="utrecht-table__header-cell">
                {t(`audit.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {events.map((event) => (
            <Fragment key={event.seq}>
              <tr className={`utrecht-table__row audit-table__event${hasEventDetails(event) ? ' audit-table__event--with-details' : ''}`}>
                <th scope="row" className="utrecht-table__header-cell table-row-heading">
                  <span className="audit-table__time">{formatPreciseMoment(event.occurredAt, language)}</span>
                  <span className="audit-table__seq">{t('audit.number', { seq: event.seq })}</span>
                </th>
                <td className="utrecht-table__cell">{event.actor ? actorName(event.actor.username, t) : t('audit.anonymous')}</td>
                <td className="utrecht-table__cell">{terms.role(event.actor?.role ?? null)}</td>
                <td className="utrecht-table__cell">{terms.action(event.action)}</td>
                <td className="utrecht-table__cell">
                  <AuditObject object={event.object} />
                </td>
                <td className="utrecht-table__cell">
                  <span className={`audit-result audit-result--${event.result}`}>{terms.result(event.result)}</span>
                </td>
                <td className="utrecht-table__cell">{event.origin ?? t('common.none')}</td>
              </tr>
              {hasEventDetails(event) && (
                <tr className="utrecht-table__row audit-table__details">
                  <td colSpan={COLUMNS.length} className="utrecht-table__cell">
                    <AuditEventDetails event={event} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AuditObject({ object }: { object: AuditEvent['object'] }) {
  const { t } = useTranslation();
  const terms = useAuditTerms();
  const language = currentLanguage();
  if (!object) return t('common.none');
  return (
    <>
      <span className="audit-table__object-type">{terms.objectType(object.type)}</span>{' '}
      {object.type === 'delivery' ? (
        <Link className="utrecht-link utrecht-link--html-a audit-table__object-id" href={`/leveringen/${encodeURIComponent(object.id)}`}>
          {object.id}
        </Link>
      ) : object.id === ALL_OF_THEM ? (
        <span className="audit-table__object-id audit-table__object-id--all">{t('audit.allObjects')}</span>
      ) : isIsoDate(object.id) ? (
        // A record of a day (the disclosure queue as at a reference date) in words, as people write a date: "31 augustus 2025", not 2025-08-31.
        <time dateTime={object.id}>{formatLongDate(object.id, language)}</time>
      ) : (
        <span className="audit-table__object-id">{object.id}</span>
      )}
    </>
  );
}
