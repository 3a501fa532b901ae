import { useTranslation } from 'react-i18next';
import { SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';

const FIGURE_ROWS = [...SUPPORT_TYPES, 'total'] as const;

/** A figure of a letter by its name in the user's language; a name the application does not know stays as it is. */
export function useFigureLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    if (key === 'annexTotal') return t('letters.annexTotal');
    const row = FIGURE_ROWS.find((candidate) => candidate === key);
    return row ? t(`figureRows.${row}`) : key;
  };
}
