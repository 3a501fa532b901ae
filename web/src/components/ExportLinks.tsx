import { useTranslation } from 'react-i18next';
import { EXPORT_FILE_KINDS, exportAddress, type ExportedList } from '../api/exports.ts';
import { currentLanguage } from '../i18n/index.ts';
import { DownloadLinks } from './DownloadLinks.tsx';

export interface ExportLinksProps {
  list: ExportedList;
  filters?: Record<string, string | number | undefined>;
}

/** "Exporteren: Excel (.xlsx) · CSV voor Excel (;) · CSV (RFC 4180)": the list as a file, with the filters the page shows it with. */
export function ExportLinks({ list, filters = {} }: ExportLinksProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DownloadLinks
      label={t('exportLinks.label')}
      downloads={EXPORT_FILE_KINDS.map((file) => ({ format: file, href: exportAddress(list, filters, file, language) }))}
    />
  );
}
