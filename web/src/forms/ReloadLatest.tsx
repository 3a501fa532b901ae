import { useTranslation } from 'react-i18next';

/** After a change was refused because someone else changed the record first: start again from their version. */
export function ReloadLatest({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="action-row conflict-reload">
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
        {t('form.conflict.reload')}
      </button>
      <span>{t('form.conflict.reloadHint')}</span>
    </div>
  );
}
