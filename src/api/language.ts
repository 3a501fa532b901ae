import type { Context } from 'hono';
import type { Language } from '../../common/vocabulary/index.ts';

/** Dutch unless the client prefers English over Dutch; a language of quality 0 is one the client does not accept (RFC 9110). */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag: tag.split('-')[0], quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => (entry.tag === 'nl' || entry.tag === 'en') && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked[0]?.tag === 'en' ? 'en' : 'nl';
}

/**
 * The client's language for an answer whose words depend on it: the one a request's `lang` asks (a file's
 * link names the language of the page it is on, which its refusal then speaks too), else as Accept-Language
 * prefers; the answer then says so (`Vary: Accept-Language`), so that a cache between keeps one per language
 * instead of serving one to all.
 */
export function answerLanguage(c: Context): Language {
  const asked = c.req.query('lang');
  if (asked === 'nl' || asked === 'en') return asked;
  const vary = c.res.headers.get('Vary') ?? '';
  if (!vary.split(',').some((name) => name.trim().toLowerCase() === 'accept-language')) c.header('Vary', 'Accept-Language', { append: true });
  return preferredLanguage(c.req.header('accept-language'));
}
