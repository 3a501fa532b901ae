/**
 * The words of the import command's report, in the language the command line is asked for (Dutch unless
 * `--language en`): where a fault is, the rows it skips as notes, the warnings to confirm and the outcome in counts.
 * The faults themselves are the API's messages (src/api/messages.ts).
 */
import type { Language } from '../../common/vocabulary/languages.ts';
import { inNumber } from './counted.ts';

interface Outcome {
  create: number;
  unchanged: number;
  invalid: number;
  example: number;
  notes: number;
  /** The sheets whose header row has a fault. */
  headers: number;
  importId: string | null;
}

interface ImportTexts {
  /**
   * Where a fault is: the sheet, the row and the column by its letter and header; a fault of the whole sheet (a hidden
   * one) has no column, a column without a header only its letter.
   */
  place(sheetName: string, rowNumber: number, header: string, letter: string | null | undefined): string;
  notesRow(sheetName: string, rowNumber: number): string;
  confirmable(codes: readonly string[]): string;
  unreadable(path: string, why: string): string;
  dryRun(outcome: Outcome): string;
  imported(outcome: Outcome): string;
  nothingToImport(outcome: Outcome): string;
  nothingImported(outcome: Outcome): string;
}

/** A count, grouped as the language writes it, with the words that follow it in the number it takes: "1 row", "2 rows"; "1 regel", "1.234 regels". */
const counter = (locale: string) => (number: number, one: string, many: string) => `${number.toLocaleString(locale)} ${inNumber(number, one, many)}`;
const nl = counter('nl-NL');
const en = counter('en-US');

/** The column of a fault's place, in the language's word for it. */
const columnOf = (word: string, header: string, letter: string | null | undefined) =>
  header === '' ? (letter ? `, ${word} ${letter}` : '') : `, ${word} ${letter ?? '-'} (${header})`;

export const IMPORT_TEXTS: Record<Language, ImportTexts> = {
  nl: {
    place: (sheetName, rowNumber, header, letter) => `${sheetName}, regel ${rowNumber}${columnOf('kolom', header, letter)}`,
    notesRow: (sheetName, rowNumber) => `${sheetName}, regel ${rowNumber}: aanwijzingen bij de kolommen (zoals "verplicht" of "JJJJ-MM-DD"), geen gegevens; overgeslagen.`,
    confirmable: (codes) => `Regels met een waarschuwing (${codes.join(', ')}) worden gemaakt als die is bevestigd: --confirm ${codes.join(' ')}.`,
    unreadable: (path, why) => `${path}: dit bestand kan niet worden gelezen (${why}); geef het pad van een XLSX-, CSV- of tekstbestand.`,
    dryRun: (o) =>
      `Proefimport: ${nl(o.create, 'regel zou', 'regels zouden')} worden aangemaakt, ${nl(o.unchanged, 'staat', 'staan')} al in het register, ${nl(o.invalid, 'heeft', 'hebben')} een fout${headersNl(o)}, ` +
      `${nl(o.example, 'voorbeeld', 'voorbeelden')} en ${nl(o.notes, 'regel', 'regels')} met aanwijzingen overgeslagen.`,
    imported: (o) => `${nl(o.create, 'regel', 'regels')} geïmporteerd (import ${o.importId}); ${nl(o.unchanged, 'stond', 'stonden')} al in het register, ${o.invalid} met een fout ${inNumber(o.invalid, 'is', 'zijn')} weggelaten.`,
    nothingToImport: (o) => `Niets te importeren: ${nl(o.unchanged, 'regel staat', 'regels staan')} al in het register, ${nl(o.invalid, 'heeft', 'hebben')} een fout${headersNl(o)}.`,
    nothingImported: (o) => `Niets geïmporteerd: ${nl(o.invalid, 'regel heeft', 'regels hebben')} een fout${headersNl(o)} (gebruik --only-valid om de andere ${o.create} te importeren).`,
  },
  en: {
    place: (sheetName, rowNumber, header, letter) => `${sheetName}, row ${rowNumber}${columnOf('column', header, letter)}`,
    notesRow: (sheetName, rowNumber) => `${sheetName}, row ${rowNumber}: notes on the columns (such as "required" or "YYYY-MM-DD"), no data; skipped.`,
    confirmable: (codes) => `Rows with a warning (${codes.join(', ')}) are made when it is confirmed: --confirm ${codes.join(' ')}.`,
    unreadable: (path, why) => `${path}: cannot read this file (${why}); give the path of an XLSX, CSV or text file.`,
    dryRun: (o) =>
      `Dry run: ${en(o.create, 'row', 'rows')} would be created, ${en(o.unchanged, 'is', 'are')} in the register already, ${en(o.invalid, 'has', 'have')} a fault${headersEn(o)}, ` +
      `${en(o.example, 'example', 'examples')} and ${en(o.notes, 'row', 'rows')} of notes skipped.`,
    imported: (o) => `Imported ${en(o.create, 'row', 'rows')} (import ${o.importId}); ${en(o.unchanged, 'was', 'were')} in the register already, ${o.invalid} with a fault ${inNumber(o.invalid, 'was', 'were')} left out.`,
    nothingToImport: (o) => `Nothing to import: ${en(o.unchanged, 'row is', 'rows are')} in the register already, ${en(o.invalid, 'has', 'have')} a fault${headersEn(o)}.`,
    nothingImported: (o) => `Nothing imported: ${en(o.invalid, 'row has', 'rows have')} a fault${headersEn(o)} (use --only-valid to import the other ${o.create}).`,
  },
};

// The header rows are no rows of data: their faults are counted by sheet, and only when there are any.
const headersNl = ({ headers }: Outcome) => (headers === 0 ? '' : ` (en de kopregel van ${nl(headers, 'blad', 'bladen')})`);
const headersEn = ({ headers }: Outcome) => (headers === 0 ? '' : ` (and the header row of ${en(headers, 'sheet', 'sheets')})`);
