/** Between the public read path and the JSON of the public API: links to each letter's texts, and the published figures. */
import type { PublicLetterSummary } from '../../db/repositories/public.ts';
import { LETTER_FORMATS } from '../../letters/renderings.ts';
import type { PublicLetterSnapshot } from '../../letters/snapshot.ts';
import { formatPublishedFigure } from '../../../common/letter-format.ts';
import { API_BASE_PATH } from '../paths.ts';

export function presentPublicLetter(letter: PublicLetterSummary) {
  const self = `${API_BASE_PATH}/public/letters/${letter.id}`;
  const links = {
    self,
    snapshot: `${self}/snapshot`,
    ...Object.fromEntries(LETTER_FORMATS.map((format) => [format, `${self}/renderings/${format}`])),
  };
  return { ...letter, links };
}

/** Realised support per type as each letter published it, newest reference date first. */
export function presentPublishedFigures(snapshots: PublicLetterSnapshot[]) {
  return [...snapshots]
    .sort((a, b) => b.referenceDate.localeCompare(a.referenceDate))
    .map((snapshot) => ({
      letterId: snapshot.id,
      referenceDate: snapshot.referenceDate,
      isDemonstration: snapshot.isDemonstration,
      lines: snapshot.figures.lines.map((line) => ({ key: line.key, label: line.label, cents: line.currentCents, printed: formatPublishedFigure(line.currentCents) })),
    }));
}
