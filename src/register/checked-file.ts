/** The rows of the file the last dry run read and checked, kept for a commit of the same file. */
import type { IsoDate } from '../../common/dates.ts';
import { sha256Hex } from '../audit/event.ts';
import { readImportFile, type SheetNotTaken } from '../import/read-file.ts';
import type { HeaderFaults, ImportFile, Progress } from './import.ts';
import { readFileRows, type PlannedRow } from './import-rows.ts';

/**
 * The rows of the file the last dry run read and checked by everything that needs only the file (the
 * input rules of each cell, duplicate keys): a commit of the same file on the same day takes them
 * instead of reading and checking every row again. Only the checks against the register run again,
 * in the commit's transaction. One file is kept, for a few minutes.
 */
let lastCheckedFile: { key: string; checked: CheckedFile; timer: NodeJS.Timeout } | undefined;
const CHECKED_FILE_KEPT_MS = 10 * 60_000;

/** The rows of a file as read and checked, the faults of its sheets' header rows, and the sheets of it that no rows were taken from. */
interface CheckedFile {
  rows: readonly PlannedRow[];
  headerFaults: readonly HeaderFaults[];
  sheetsNotTaken: readonly SheetNotTaken[];
}

export async function checkedFile(
  file: ImportFile,
  today: IsoDate,
  onProgress: Progress | undefined,
  use: 'keep' | 'take',
): Promise<{ rows: PlannedRow[]; headerFaults: readonly HeaderFaults[]; sheetsNotTaken: readonly SheetNotTaken[] }> {
  // Rows are judged on the import's day (a date after it is refused): what they were on another day is not taken.
  const key = [sha256Hex(file.bytes), file.fileName, today].join('\u0000');
  const kept = lastCheckedFile?.key === key ? lastCheckedFile.checked : undefined;
  if (kept && use === 'take') forgetCheckedFile();
  const checked = kept ?? (await readAndCheck(file, today, onProgress));
  if (use === 'keep' && !kept) {
    forgetCheckedFile();
    lastCheckedFile = { key, checked, timer: setTimeout(forgetCheckedFile, CHECKED_FILE_KEPT_MS).unref() };
  }
  return { rows: checked.rows.map(copyOfRow), headerFaults: checked.headerFaults, sheetsNotTaken: checked.sheetsNotTaken };
}

async function readAndCheck(file: ImportFile, today: IsoDate, onProgress: Progress | undefined): Promise<CheckedFile> {
  const { sheets, sheetsNotTaken } = await readImportFile(file.fileName, file.bytes);
  return { ...(await readFileRows(sheets, today, onProgress)), sheetsNotTaken };
}

function forgetCheckedFile(): void {
  if (lastCheckedFile) clearTimeout(lastCheckedFile.timer);
  lastCheckedFile = undefined;
}

/** A row as read from the file, to be checked against the register without changing the row kept. */
function copyOfRow(row: PlannedRow): PlannedRow {
  return { ...row, faults: [...row.faults] };
}
