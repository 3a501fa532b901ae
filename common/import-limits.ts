/**
 * The largest file the register imports at once, in bytes: room for well over 100,000 rows as XLSX or
 * CSV. The browser refuses a larger file before sending it; the server refuses the request (413).
 */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * What a file may hold once read, so that a small file cannot make the server read without end: the
 * rows of all its sheets together (100,000 rows with their headers and the template's own sheets), the
 * cells, and what a workbook's archive unpacks to (a filled template of 100,000 rows is about 50 MB).
 */
export const MAX_IMPORT_ROWS = 110_000;
export const MAX_IMPORT_CELLS = 2_500_000;
export const MAX_WORKBOOK_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * The most sheets a workbook has, and relationships its workbook part has (one a sheet, and a few more): far more
 * than any workbook made to import holds, and far fewer than a few hundred kilobytes packed can list.
 */
export const MAX_WORKBOOK_SHEETS = 10_000;

/** The most cell styles a workbook has, as in Excel: a workbook with more was made by no spreadsheet. */
export const MAX_CELL_STYLES = 65_490;

/** The most characters a cell holds and cells a row has, as in Excel: a CSV file beyond them was made by no spreadsheet. */
export const MAX_CELL_CHARACTERS = 32_767;
export const MAX_ROW_CELLS = 16_384;
