import { useTranslation } from 'react-i18next';
import type { Resource } from '../state/useResource.ts';
import { Alert } from './Alert.tsx';

/** What to show instead of a resource that is not there yet: a loading note or a failure with a retry. */
export function ResourceStatus({ resource, onRetry }: { resource: Resource<unknown>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (resource.status === 'loading') {
    return (
      <p role="status" className="nl-paragraph">
        {t('common.loading')}
      </p>
    );
  }
  if (resource.status === 'failed') {
    return (
      <Alert type="error">
        <p className="nl-paragraph">{t('common.loadFailed')}</p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return null;
}
