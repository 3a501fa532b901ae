import { useTranslation } from 'react-i18next';
import { SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';

const FIGURE_ROWS = [...SUPPORT_TYPES, 'total'] as const;
/** A row of the confidential annex as `letter verify` names it: by its delivery's id (by its title in an annex frozen before rows had one). */
const ANNEX_ROW = 'annexRow:';

/** The delivery of an annex row's figure name, or null for another figure. */
export const annexRowDelivery = (key: string): string | null => (key.startsWith(ANNEX_ROW) ? key.slice(ANNEX_ROW.length) : null);

/** A figure of a letter by its name in the user's language; a name the application does not know stays as it is. */
export function useFigureLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    if (key === 'annexTotal') return t('letters.annexTotal');
    const delivery = annexRowDelivery(key);
    if (delivery !== null) return t('letters.annexRow', { delivery });
    const row = FIGURE_ROWS.find((candidate) => candidate === key);
    return row ? t(`figureRows.${row}`) : key;
  };
}
