/**
 * A cell of a spreadsheet as the value a field of the API takes. Spreadsheets hold what people typed:
 * Dutch amounts ("€ 1.234,56"), dates as the spreadsheet's own date or as text (2025-06-01, 1-6-2025),
 * and choices by their label in either language or by their code.
 */
import { isIsoDate } from '../../common/dates.ts';
import { parseEuroAmount } from '../../common/money.ts';
import { en } from '../../common/vocabulary/en.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { codeList, type ColumnKind } from './sheets.ts';

/** What a reader gives for a cell: text, a number, or a date already written as YYYY-MM-DD. */
export type CellValue = string | number | null;

/** A cell read as its field's value, or the code of why it cannot be. */
export type CellReading = { value: unknown } | { fault: string };

export function readCell(kind: ColumnKind, cell: CellValue): CellReading {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { value: undefined };
  if (typeof kind === 'object') return readCode(kind.list, cell);
  switch (kind) {
    case 'text':
      return { value: String(cell).trim() };
    case 'multiline':
      return { value: String(cell) };
    case 'date':
      return readDate(cell);
    case 'amount':
      return readEuroCents(cell);
    case 'count':
      return typeof cell === 'number' ? { value: cell } : /^\s*\d+\s*$/.test(cell) ? { value: Number(cell) } : { fault: 'notWholeNumber' };
  }
}

function readCode(list: Parameters<typeof codeList>[0], cell: string | number): CellReading {
  const wanted = String(cell).trim().toLowerCase();
  const { codes, labels } = codeList(list);
  const code = codes.find((candidate) => [candidate, labels(nl)[candidate], labels(en)[candidate]].some((name) => name?.toLowerCase() === wanted));
  return code ? { value: code } : { fault: 'invalidChoice' };
}

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function readDate(cell: string | number): CellReading {
  const text = String(cell).trim();
  if (isIsoDate(text)) return { value: text };
  const dutch = DUTCH_DATE.exec(text);
  if (dutch) {
    const iso = `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return { value: iso };
  }
  return { fault: 'invalidDate' };
}

/**
 * Euros as whole cents, exactly: a number cell as it is, text in the Dutch way (a comma before the
 * cents, dots between thousands) or with a decimal point ("1234.56"); a euro sign and spaces may
 * surround it. A dot followed by exactly three digits groups thousands ("1.234" is € 1.234); a comma
 * followed by three is refused rather than guessed at ("1,234").
 */
export function readEuroCents(cell: string | number): CellReading {
  if (typeof cell === 'number') {
    const cents = Math.round(cell * 100);
    return Number.isSafeInteger(cents) && Math.abs(cents - cell * 100) < 1e-6 ? { value: cents } : { fault: 'notAnAmount' };
  }
  const cents = parseEuroAmount(cell.trim().replace(/^EUR\s*/i, ''));
  return cents === undefined ? { fault: 'notAnAmount' } : { value: cents };
}
