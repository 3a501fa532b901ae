import { publicLetterFile, type PublicLetter } from '../../api/public.ts';
import { LETTER_FORMATS } from '../../api/letters.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';
import { currentLanguage } from '../../i18n/index.ts';

/** A sent letter in every format, each named in the page's language, and the snapshot whose hash it carries. */
export function PublicLetterDownloads({ letter, label }: { letter: PublicLetter; label: string }) {
  const language = currentLanguage();
  return (
    <DownloadLinks
      label={label}
      downloads={[...LETTER_FORMATS.map((format) => ({ format, href: publicLetterFile(letter.links[format], language) })), { format: 'snapshot' as const, href: letter.links.snapshot }]}
    />
  );
}
