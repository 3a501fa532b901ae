import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { queryString } from '../../api/queryString.ts';
import { listDeliveries } from '../../api/deliveries.ts';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField } from '../../forms/controls.tsx';
import { useResource } from '../../state/useResource.ts';
import { DeliveryFilters, typedFilterErrors } from './DeliveryFilters.tsx';
import { DeliveryTable } from './DeliveryTable.tsx';
import { PAGE_SIZES, addressParams, apiParams, parseListQuery, type ListQuery } from './listQuery.ts';

export function DeliveryListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = parseListQuery(params);
  const request = apiParams(query);
  const { after: _after, before: _before, pageSize: _pageSize, ...listFilters } = request;
  const resource = useResource(JSON.stringify(request), (signal) => listDeliveries(request, signal));
  const result = resource.data?.data;
  // A filter the server refuses is said at its field, over the list as the filters before it gave it.
  const errors = typedFilterErrors(resource.status === 'failed' ? resource.error : undefined);

  const addressOf = (next: ListQuery) => queryString(addressParams(next));
  function update(change: Partial<ListQuery>, options?: { replace: boolean }) {
    setParams(addressOf({ ...query, after: '', before: '', ...change }).replace(/^\?/, ''), options);
  }
  const hrefAt = (start: { after: string } | { before: string } | null) =>
    start && `/leveringen${addressOf({ ...query, after: '', before: '', ...start })}`;

  return (
    <>
      <PageHeading title={t('deliveries.title')}>{t('deliveries.title')}</PageHeading>
      <DeliveryFilters query={query} onChange={update} onReset={() => setParams('')} errors={errors} />
      <div className="results">
        <p role="status" className="nl-paragraph results__count">
          {result && (result.totalIsCapped ? t('deliveries.countMoreThan', { number: result.total }) : t('deliveries.count', { count: result.total }))}
        </p>
        {!(resource.status === 'loading' && result) && Object.keys(errors).length === 0 && <ResourceStatus resource={resource} onRetry={resource.reload} />}
        {result && result.items.length === 0 && <p className="nl-paragraph">{t('deliveries.empty')}</p>}
        {result && result.items.length > 0 && <ExportLinks list="deliveries" filters={listFilters} />}
        {result && result.items.length > 0 && (
          <>
            <DeliveryTable items={result.items} sort={query.sort} busy={resource.status === 'loading'} onSort={(sort) => update({ sort })} />
            <div className="results__footer">
              <Pagination
                previousHref={hrefAt(result.previous === null ? null : { before: result.previous })}
                nextHref={hrefAt(result.next === null ? null : { after: result.next })}
              />
              <div className="results__page-size">
                <SelectField
                  name="pageSize"
                  label={t('deliveries.pagination.pageSize')}
                  value={String(query.pageSize)}
                  onChange={(pageSize) => update({ pageSize: Number(pageSize) })}
                  options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
                />
              </div>
            </div>
          </>
        )}
      </div>
    </>
  );
}
