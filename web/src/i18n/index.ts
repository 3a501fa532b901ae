import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from '../../../common/vocabulary/languages.ts';
import type { nl } from './nl/index.ts';

export type { Language };

const STORAGE_KEY = 'steunregister.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof nl };
  }
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'nl';
}

/** The words of the language shown now, for code that asks which keys exist (both languages have the same). */
export function shownWords(): typeof nl {
  return i18next.getResourceBundle(currentLanguage(), 'translation') as typeof nl;
}

/** Each language's words in a chunk of their own: a visit loads the one it shows, the other only on switching. */
const DICTIONARIES: Readonly<Record<Language, () => Promise<typeof nl>>> = {
  nl: async () => (await import('./nl/index.ts')).nl,
  en: async () => (await import('./en/index.ts')).en,
};

async function loadDictionary(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await DICTIONARIES[language]());
}

/** Switches once the language's words are there, so no text shows untranslated in between. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Without storage the choice lasts for this visit only.
  }
  await loadDictionary(language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Starts i18next with the chosen language's words loaded; the application renders after it. */
export async function startTranslation(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await DICTIONARIES[language]() } },
    lng: language,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
  });
}
