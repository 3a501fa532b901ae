import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';

/** A count with its qualifier, as the letter says it: "circa 250", "max. 20". */
export function useCountText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (value: number | null, qualifier?: 'approximate' | 'maximum' | false) =>
    value === null ? t('common.none') : qualifier ? t(`training.${qualifier}`, { count: value.toLocaleString(language) }) : value.toLocaleString(language);
}
