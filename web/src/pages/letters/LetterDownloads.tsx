import { LETTER_FORMATS, renderingAddress } from '../../api/letters.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';

/** The letter in every format the ministry sends it in; a draft is marked as such on every page. */
export function LetterDownloads({ id, label }: { id: string; label: string }) {
  const language = currentLanguage();
  return <DownloadLinks label={label} downloads={LETTER_FORMATS.map((format) => ({ format, href: renderingAddress(id, format, language) }))} />;
}
