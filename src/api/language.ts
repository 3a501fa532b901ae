import type { Language } from '../../common/vocabulary/index.ts';

/** Dutch unless the client prefers English over Dutch. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag: tag.split('-')[0], quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag === 'nl' || entry.tag === 'en')
    .sort((a, b) => b.quality - a.quality);
  return ranked[0]?.tag === 'en' ? 'en' : 'nl';
}
