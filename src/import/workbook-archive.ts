/**
 * An XLSX file is a ZIP archive of XML parts. Before exceljs reads it whole, the archive is unpacked
 * here within limits: a few kilobytes can unpack to gigabytes, or hold millions of rows or cells, and
 * would take the server's memory. Each part is unpacked to at most the size its directory entry
 * states, and exceljs gets exactly the parts checked, packed again without compression.
 */
import { unzipSync, zipSync } from 'fflate';
import { MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_WORKBOOK_UNPACKED_BYTES } from '../../common/import-limits.ts';

export type ArchiveFault = 'notAWorkbook' | 'workbookTooLarge' | 'tooManyRows' | 'tooManyCells';

export class ArchiveError extends Error {
  readonly code: ArchiveFault;
  constructor(code: ArchiveFault) {
    super(code);
    this.code = code;
  }
}

const WORKSHEET = /(^|\/)worksheets\/[^/]+\.xml$/;
// A row or cell element, with or without a namespace prefix (<row r="2">, <x:c r="A2"/>).
const ROW_ELEMENT = /<(?:\w+:)?row[\s>/]/g;
const CELL_ELEMENT = /<(?:\w+:)?c[\s>/]/g;

export function checkedWorkbookArchive(bytes: Uint8Array): Uint8Array {
  let unpacked = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        if (unpacked > MAX_WORKBOOK_UNPACKED_BYTES) throw new ArchiveError('workbookTooLarge');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('notAWorkbook');
  }
  let rows = 0;
  let cells = 0;
  for (const [name, content] of Object.entries(parts)) {
    if (!WORKSHEET.test(name)) continue;
    const xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
    rows += occurrences(ROW_ELEMENT, xml);
    cells += occurrences(CELL_ELEMENT, xml);
  }
  if (rows > MAX_IMPORT_ROWS) throw new ArchiveError('tooManyRows');
  if (cells > MAX_IMPORT_CELLS) throw new ArchiveError('tooManyCells');
  return zipSync(parts, { level: 0 });
}

function occurrences(pattern: RegExp, text: string): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) count++;
  return count;
}
