/**
 * The largest file the register imports at once, in bytes: room for well over 100,000 rows as XLSX or
 * CSV. The browser refuses a larger file before sending it; the server refuses the request (413).
 */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
