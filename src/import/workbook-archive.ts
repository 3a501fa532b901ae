/**
 * An XLSX file is a ZIP archive of XML parts. Before its sheets are read, the archive is unpacked
 * here within limits: a few kilobytes can unpack to gigabytes, or hold millions of rows or cells, and
 * would take the server's memory. Each part is unpacked to at most the size its directory entry
 * states, and its XML parts are given in UTF-8 (see xml-encoding.ts).
 */
import { unzipSync } from 'fflate';
import { MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_WORKBOOK_UNPACKED_BYTES } from '../../common/import-limits.ts';
import { xmlAsUtf8 } from './xml-encoding.ts';

export type ArchiveFault = 'notAWorkbook' | 'workbookTooLarge' | 'tooManyRows' | 'tooManyCells';

export class ArchiveError extends Error {
  readonly code: ArchiveFault;
  constructor(code: ArchiveFault) {
    super(code);
    this.code = code;
  }
}

const WORKSHEET = /(^|\/)worksheets\/[^/]+\.xml$/;
const XML_PART = /\.(xml|rels)$/i;
/** The parts whose text is imported: the sheets and the strings their cells share. */
const CELL_PART = /(^|\/)(worksheets\/[^/]+|sharedStrings)\.xml$/;

/** The archive's parts by their paths, each XML part in UTF-8. */
export function checkedWorkbookParts(bytes: Uint8Array): Record<string, Uint8Array> {
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
  // Counted in UTF-8: in UTF-16 each name's letters have a zero byte between them, and none would be counted.
  writeXmlInUtf8(parts);
  let rows = 0;
  let cells = 0;
  for (const [name, content] of Object.entries(parts)) {
    if (!WORKSHEET.test(name)) continue;
    const counted = countRowsAndCells(content);
    rows += counted.rows;
    cells += counted.cells;
  }
  if (rows > MAX_IMPORT_ROWS) throw new ArchiveError('tooManyRows');
  if (cells > MAX_IMPORT_CELLS) throw new ArchiveError('tooManyCells');
  return parts;
}

/** Makes each XML part UTF-8, held to the limit of what is unpacked (a Latin-1 letter takes two bytes in UTF-8). */
function writeXmlInUtf8(parts: Record<string, Uint8Array>): void {
  for (const [name, content] of Object.entries(parts)) {
    if (!XML_PART.test(name)) continue;
    const utf8 = xmlAsUtf8(content);
    if (utf8) parts[name] = utf8;
    // A broken byte in another part (a company name in the document's properties) is no text of a cell: it is read as it is.
    else if (CELL_PART.test(name)) throw new ArchiveError('notAWorkbook');
  }
  if (Object.values(parts).reduce((size, part) => size + part.length, 0) > MAX_WORKBOOK_UNPACKED_BYTES) throw new ArchiveError('workbookTooLarge');
}

const LESS_THAN = 0x3c;
const COLON = 0x3a;
const r = 0x72;
const o = 0x6f;
const w = 0x77;
const c = 0x63;

/** The <row> and <c> elements of a sheet's XML, with or without a namespace prefix (<x:row>), counted in its bytes. */
function countRowsAndCells(xml: Uint8Array): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (let index = xml.indexOf(LESS_THAN); index !== -1; index = xml.indexOf(LESS_THAN, index + 1)) {
    let start = index + 1;
    let end = start;
    while (end < xml.length && isNameByte(xml[end]!)) {
      if (xml[end] === COLON) start = end + 1;
      end++;
    }
    const length = end - start;
    if (length === 1 && xml[start] === c) cells++;
    else if (length === 3 && xml[start] === r && xml[start + 1] === o && xml[start + 2] === w) rows++;
  }
  return { rows, cells };
}

/** A byte of an element's name: ASCII letters, digits, '_', '-', '.', ':' (the names counted are ASCII). */
function isNameByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x3a) || byte === 0x5f || byte === 0x2d || byte === 0x2e;
}
