import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="utrecht-button utrecht-button--secondary-action language-switch" lang={other} onClick={() => void changeLanguage(other)}>
      {t('language.switchLabel')}
    </button>
  );
}
