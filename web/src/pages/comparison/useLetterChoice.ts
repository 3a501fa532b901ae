import { useTranslation } from 'react-i18next';
import type { Option } from '../../forms/controls.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

interface ChoosableLetter {
  id: string;
  referenceDate: string;
  paperNumber: string | null;
  status?: 'draft' | 'final' | 'withdrawn';
}

/** A letter as an option to compare: its reference date, and its paper number or that it is a draft or withdrawn. */
export function useLetterChoice(): (letter: ChoosableLetter) => Option {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (letter) => {
    const date = formatShortDate(letter.referenceDate, language);
    const label =
      letter.status === 'draft' || letter.status === 'withdrawn'
        ? t(`comparison.choice.${letter.status}`, { date })
        : letter.paperNumber
          ? t('comparison.choice.withPaper', { date, paper: letter.paperNumber })
          : date;
    return { value: letter.id, label };
  };
}
