import { useTranslation } from 'react-i18next';

const FIGURE_KEYS = ['stock', 'procurement', 'natoFund', 'total', 'annexTotal'] as const;

/** A figure of a letter by its name in the user's language; a name the application does not know stays as it is. */
export function useFigureLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const known = FIGURE_KEYS.find((candidate) => candidate === key);
    return known ? t(`letters.figureLabels.${known}`) : key;
  };
}
