import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** `csv` is the dialect Dutch Excel opens (BOM, `;`), `csvRfc4180` the one of RFC 4180 (`,`). */
type DownloadFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'csv' | 'csvRfc4180' | 'json' | 'snapshot' | 'xlsx';

export interface Download {
  format: DownloadFormat;
  href: string;
}

/** A document's links, one per format it comes in, after a label that says what the document is. */
export function DownloadLinks({ label, downloads }: { label: string; downloads: readonly Download[] }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div className="downloads">
      <span id={labelId} className="downloads__label">
        {label}
      </span>
      <ul className="downloads__list" aria-labelledby={labelId}>
        {downloads.map(({ format, href }) => (
          <li key={format}>
            <a className="utrecht-link utrecht-link--html-a" href={href}>
              {t(`downloads.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
