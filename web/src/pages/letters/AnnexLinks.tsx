import { useTranslation } from 'react-i18next';
import { ANNEX_FORMATS, annexAddress } from '../../api/letters.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';
import { currentLanguage } from '../../i18n/index.ts';

/** The confidential annex of a letter in each of its formats; opening it is recorded, and marks it with the reader. */
export function AnnexLinks({ id, label }: { id: string; label: string }) {
  const language = currentLanguage();
  return <DownloadLinks label={label} downloads={ANNEX_FORMATS.map((format) => ({ format, href: annexAddress(id, format, language) }))} />;
}

/** What a reader should know before opening an annex. */
export function AnnexNotice() {
  const { t } = useTranslation();
  return <p className="nl-paragraph annex-notice">{t('annexes.notice')}</p>;
}
