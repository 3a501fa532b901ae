/**
 * A row of notes right below the column headers, as templates have one and people keep or add: "(verplicht)",
 * "optioneel", "JJJJ-MM-DD", "bedrag in euro" under the columns. It is no record, and is skipped as notes
 * rather than refused for each value a record needs and it lacks. It is told from a row of data by what its
 * cells say: each of its values is such a note, none a number, a date or a word of another kind.
 */
import type { CellValue } from './cells.ts';

const DATE_PART = '(?:jjjj|yyyy|jj|yy|dd|mm|d|m)';

/** What a note on a column says, each as a whole: whether it is required, how to write its value, what kind of value it is. */
const NOTE_PHRASES = [
  '(?:niet )?verplicht(?: veld)?',
  '(?:not )?required(?: field)?',
  'mandatory',
  'optioneel',
  'optional',
  'facultatief',
  '\\*+',
  `${DATE_PART}(?:[-/.]${DATE_PART}){2}`,
  '(?:als )?datum',
  '(?:as a )?date',
  "(?:bedrag )?in (?:euro(?:'s|’s|s)?|€)",
  'amount in (?:euros?|€)',
  'euro',
  'eur',
  '€',
  '(?:vrije )?tekst',
  '(?:free )?text',
  '(?:geheel )?getal',
  '(?:whole )?number',
  'kies uit (?:de )?lijst',
  'keuzelijst',
  'choose from (?:the )?list',
  'ja ?(?:/|of) ?nee',
  'yes ?(?:/|or) ?no',
];

// A phrase stands alone: not a part of a word or number ("verplichting", "2025-06-01").
const NOTE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NOTE_PHRASES.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
/** What may stand between notes in one cell: "(verplicht) JJJJ-MM-DD", "verplicht / required", "verplicht – bedrag in euro". */
const BETWEEN_NOTES = /[\s()[\],;:/|–—-]/g;

/** Whether a cell is a note on its column and nothing else: a text of notes, not a number or a date. */
export function isColumnNote(cell: CellValue | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const lower = cell.toLowerCase();
  const rest = lower.replace(NOTE, '');
  return rest !== lower && rest.replace(BETWEEN_NOTES, '') === '';
}
