import { useTranslation } from 'react-i18next';
import { CONFIDENTIALITY_GROUNDS } from '../../../../common/vocabulary/codes.ts';

/** A ground for confidentiality in words; none or one the application does not know as it is. */
export function useGroundLabel(): (ground: string | null) => string {
  const { t } = useTranslation();
  return (ground) => {
    const known = CONFIDENTIALITY_GROUNDS.find((candidate) => candidate === ground);
    return known ? t(`confidentialityGrounds.${known}`) : (ground ?? t('common.none'));
  };
}
