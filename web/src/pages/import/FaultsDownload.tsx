import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importFaultsFile, type ImportUpload } from '../../api/imports.ts';

/**
 * "Alle fouten downloaden: Excel (.xlsx) · CSV": every fault of the file as a spreadsheet, where the page
 * lists the first ones. The file is checked again to make it (a POST), so each format is a button.
 */
export function FaultsDownload({ upload }: { upload: ImportUpload }) {
  const { t } = useTranslation();
  const labelId = useId();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function download(format: 'xlsx' | 'csv') {
    setBusy(true);
    setFailed(false);
    try {
      const { blob, fileName } = await importFaultsFile(upload, format);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName ?? `importfouten.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser reads the file after the click: the address is let go of a while later.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="downloads">
      <span id={labelId} className="downloads__label">
        {t('imports.faultsDownload')}
      </span>
      <ul className="downloads__list" aria-labelledby={labelId}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <li key={format}>
            <button type="button" className="utrecht-button utrecht-button--subtle" disabled={busy} onClick={() => void download(format)}>
              {t(`downloads.${format}`)}
            </button>
          </li>
        ))}
      </ul>
      {failed && (
        <p className="nl-paragraph" role="alert">
          {t('imports.faultsDownloadFailed')}
        </p>
      )}
    </div>
  );
}
