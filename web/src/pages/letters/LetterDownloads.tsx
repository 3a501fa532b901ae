import { LETTER_FORMATS, renderingAddress } from '../../api/letters.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';

/** The letter in every format the ministry sends it in; a draft is marked as such on every page. */
export function LetterDownloads({ id, label }: { id: string; label: string }) {
  return <DownloadLinks label={label} downloads={LETTER_FORMATS.map((format) => ({ format, href: renderingAddress(id, format) }))} />;
}
