import { useTranslation } from 'react-i18next';
import { isApiError, namesNothing } from '../api/client.ts';
import type { Resource } from '../state/useResource.ts';
import { Alert } from './Alert.tsx';

/**
 * What to show instead of a resource that is not there yet: a loading note, a failure with a retry, or,
 * for a page about one record, `notFound` when its address names none (trying again would not help).
 */
export function ResourceStatus({ resource, onRetry, notFound }: { resource: Resource<unknown>; onRetry: () => void; notFound?: string }) {
  const { t } = useTranslation();
  if (resource.status === 'loading') {
    return (
      <p role="status" className="nl-paragraph">
        {t('common.loading')}
      </p>
    );
  }
  if (resource.status === 'failed') {
    if (notFound !== undefined && namesNothing(resource.error)) return <Alert type="warning">{notFound}</Alert>;
    return (
      <Alert type="error">
        <p className="nl-paragraph">{t('common.loadFailed')}</p>
        {/* What the register holds keeps it from answering (a total beyond what it can show exactly): the server says what. */}
        {isApiError(resource.error, 409) && resource.error.problem.detail && <p className="nl-paragraph">{resource.error.problem.detail}</p>}
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return null;
}
