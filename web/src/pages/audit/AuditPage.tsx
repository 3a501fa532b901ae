import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { listAuditEvents } from '../../api/audit.ts';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useResource } from '../../state/useResource.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { auditAddress, auditApiQuery, parseAuditAddress } from './auditQuery.ts';
import { AuditTable } from './AuditTable.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const address = parseAuditAddress(params);
  const query = auditApiQuery(address);
  const { before: _before, limit: _limit, ...trailFilters } = query;
  const resource = useResource(JSON.stringify(query), (signal) => listAuditEvents(query, signal));
  const page = resource.data?.data;

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="nl-paragraph">{t('audit.intro')}</p>
      <AuditFilterForm key={JSON.stringify(address.filters)} filters={address.filters} onApply={(filters) => navigate(auditAddress(filters))} />
      <div className="results">
        <p role="status" className="nl-paragraph results__count">
          {page ? t('audit.shown', { count: page.items.length }) : ''}
        </p>
        {!(resource.status === 'loading' && page) && <ResourceStatus resource={resource} onRetry={resource.reload} />}
        {page && page.items.length === 0 && <p className="nl-paragraph">{t('audit.empty')}</p>}
        {page && page.items.length > 0 && <ExportLinks list="audit-events" filters={trailFilters} />}
        {page && page.items.length > 0 && <AuditTable events={page.items} busy={resource.status === 'loading'} />}
        {page && (address.before !== undefined || page.nextBefore !== null) && (
          <nav className="audit-paging" aria-label={t('audit.paging')}>
            {address.before !== undefined && (
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={auditAddress(address.filters)}>
                {t('audit.newest')}
              </Link>
            )}
            {page.nextBefore !== null && (
              <Link
                className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                href={auditAddress(address.filters, page.nextBefore)}
              >
                {t('audit.older')}
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
