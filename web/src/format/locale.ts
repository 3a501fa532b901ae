import type { Language } from '../i18n/index.ts';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function locale(language: Language): string {
  return LOCALES[language];
}
