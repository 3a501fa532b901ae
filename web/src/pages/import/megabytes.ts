import { locale } from '../../format/locale.ts';
import type { Language } from '../../i18n/index.ts';

/** A file's size as people read it: "20 MB", "50,3 MB". */
export function megabytes(bytes: number, language: Language): string {
  return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(bytes / 2 ** 20)} MB`;
}
