import { isIsoDate } from './dates.ts';

/**
 * Parliament publishes a letter on its date or later: a publication date before the letter's is a
 * mistake. Checked by the server and, before it asks for confirmation, by the browser.
 */
export function publishedBeforeLetterDate(publishedOn: string, letterDate: string | null): boolean {
  return isIsoDate(publishedOn) && letterDate !== null && publishedOn < letterDate;
}
