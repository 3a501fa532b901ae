import { useTranslation } from 'react-i18next';
import { vocabulary } from '../../../../common/vocabulary/index.ts';
import { exportControl as en } from '../../i18n/en/export-control.ts';
import { exportControl as nl } from '../../i18n/nl/export-control.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * Export control's words in the chosen language: the pages' own, the codes' labels from the common
 * vocabulary, and the forms' prompt to choose. They are kept out of the typed i18next resources, whose type
 * grows too deep with them.
 */
export function useExportWords() {
  const { i18n, t } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : currentLanguage();
  return { ...(language === 'en' ? en : nl), codes: vocabulary(language).exportControl, choose: t('form.choose'), fill: (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '') };
}
