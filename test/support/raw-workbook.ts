/**
 * XLSX files written part by part, for what exceljs never writes but other programs and attackers do:
 * formulas without a computed value, error cells, dates as plain numbers in a 1904 workbook, dates as
 * ISO text, cells far to the right, sheets in UTF-16, and parts that unpack to far more than they take.
 */
import { strToU8, zipSync } from 'fflate';

export interface RawSheet {
  name: string;
  /** The rows, as <row> elements (see row and the cell helpers). */
  rows: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A sheet's XML in UTF-16 with a byte order mark, as .NET's XmlWriter writes it unless told otherwise. */
type SheetEncoding = 'utf-16le' | 'utf-16be';

export function rawWorkbook(sheets: RawSheet[], options: { date1904?: boolean; level?: 0 | 9; sheetEncoding?: SheetEncoding } = {}): Uint8Array {
  const sheetPart = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, index) => `<Override PartName="/${sheetPart(index)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((sheet, index) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${sheet.rows}</sheetData></worksheet>`;
    files[sheetPart(index)] = options.sheetEncoding ? inUtf16(`\uFEFF<?xml version="1.0" encoding="UTF-16"?>${xml}`, options.sheetEncoding) : strToU8(`<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  });
  return zipSync(files, { level: options.level ?? 9 });
}

function inUtf16(text: string, encoding: SheetEncoding): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  return new Uint8Array(encoding === 'utf-16be' ? bytes.swap16() : bytes);
}

/** A text cell. */
export const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
/** A number cell (no format: a date typed this way is Excel's serial number of the day). */
export const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
/** A date cell as LibreOffice and other generators write one: of type d, its value ISO 8601 text (2025-03-14). */
export const isoDate = (ref: string, value: string) => `<c r="${ref}" t="d"><v>${value}</v></c>`;
/** A row of cells. */
export const row = (rowNumber: number, cells: string[]) => `<row r="${rowNumber}">${cells.join('')}</row>`;
/** A header row of text cells from column A. */
export const headers = (names: string[]) => row(1, names.map((name, index) => text(`${String.fromCharCode(65 + index)}1`, name)));
