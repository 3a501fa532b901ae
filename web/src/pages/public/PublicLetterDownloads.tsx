import type { PublicLetter } from '../../api/public.ts';
import { LETTER_FORMATS } from '../../api/letters.ts';
import { DownloadLinks } from '../../components/DownloadLinks.tsx';

/** A sent letter in every format, and the snapshot whose hash it carries. */
export function PublicLetterDownloads({ letter, label }: { letter: PublicLetter; label: string }) {
  return (
    <DownloadLinks
      label={label}
      downloads={[...LETTER_FORMATS.map((format) => ({ format, href: letter.links[format] })), { format: 'snapshot' as const, href: letter.links.snapshot }]}
    />
  );
}
