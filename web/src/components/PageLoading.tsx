import { useTranslation } from 'react-i18next';

/** What shows while a page's code is still on its way. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="nl-paragraph">
      {t('common.loading')}
    </p>
  );
}
