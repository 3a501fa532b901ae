/**
 * An XLSX file is a ZIP archive of XML parts. Before its sheets are read, the archive is unpacked
 * here within limits: a few kilobytes can unpack to gigabytes and would take the server's memory. Each
 * part is unpacked to at most the size its directory entry states, and its XML parts are given in UTF-8
 * (see xml-encoding.ts). The rows and cells are counted against their limits as the sheets are read
 * (sheet-xml.ts).
 */
import { unzipSync } from 'fflate';
import { MAX_WORKBOOK_UNPACKED_BYTES } from '../../common/import-limits.ts';
import { xmlAsUtf8 } from './xml-encoding.ts';

export type ArchiveFault = 'notAWorkbook' | 'workbookTooLarge' | 'tooManyRows' | 'tooManyCells';

export class ArchiveError extends Error {
  readonly code: ArchiveFault;
  constructor(code: ArchiveFault) {
    super(code);
    this.code = code;
  }
}

const XML_PART = /\.(xml|rels)$/i;

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
  writeXmlInUtf8(parts);
  return parts;
}

/**
 * Makes each XML part UTF-8 that its encoding decodes, held to the limit of what is unpacked (a Latin-1 letter
 * takes two bytes in UTF-8); one it does not is left as it is, refused only if the workbook's reader reads it.
 */
function writeXmlInUtf8(parts: Record<string, Uint8Array>): void {
  for (const [name, content] of Object.entries(parts)) {
    if (!XML_PART.test(name)) continue;
    const utf8 = xmlAsUtf8(content);
    if (utf8) parts[name] = utf8;
  }
  if (Object.values(parts).reduce((size, part) => size + part.length, 0) > MAX_WORKBOOK_UNPACKED_BYTES) throw new ArchiveError('workbookTooLarge');
}
