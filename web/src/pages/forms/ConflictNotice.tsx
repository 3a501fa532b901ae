import { useTranslation } from 'react-i18next';

export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="nl-paragraph">{t('form.conflict.message')}</p>
      <p className="nl-paragraph">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
          {t('form.conflict.reload')}
        </button>{' '}
        {t('form.conflict.reloadHint')}
      </p>
    </>
  );
}
