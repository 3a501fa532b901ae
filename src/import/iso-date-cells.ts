/**
 * A cell of type d holds its date as ISO 8601 text (<c t="d"><v>2025-03-14</v></c>), as LibreOffice and other
 * generators write it. exceljs knows no such type: it reads the text as a number (parseFloat), 2025, which a
 * date column takes for Excel's day 2025, 17 July 1905. Before exceljs reads a sheet, each such cell is
 * rewritten as one of text (type str, which exceljs reads as the text it holds, also as a formula's result)
 * holding the day it names, as a date cell of Excel's own is read: a time or zone written after the day says
 * nothing about which day it is, and is left out. Text that names no day is kept as it is, to be refused as one.
 */

/**
 * A cell whose type is d, with or without a namespace prefix (<x:c>): the prefix, what stands around its type
 * attribute, and its content. A cell without content (<c t="d"/>) holds no date.
 */
const DATE_CELL = /<((?:[\w.-]+:)?)c\b([^>]*?\s)t\s*=\s*(["'])d\3([^>]*?)(?<!\/)>(.*?)<\/\1c>/gs;
/** A cell's value: its opening tag, and its text. */
const VALUE = /(<(?:[\w.-]+:)?v(?:\s[^>]*)?>)([^<]*)(?=<\/)/;
/** The day ISO 8601 text begins with, before a time and zone if any. */
const DAY = /^\s*(\d{4}-\d{2}-\d{2})(?![\d-])/;

export function withIsoDateCellsAsText(sheet: Uint8Array): Uint8Array {
  if (!mayHoldDateCells(sheet)) return sheet;
  const xml = new TextDecoder().decode(sheet);
  const rewritten = xml.replace(DATE_CELL, (_cell, prefix: string, before: string, quote: string, after: string, content: string) => {
    const dayOnly = content.replace(VALUE, (_value, open: string, text: string) => open + (DAY.exec(text)?.[1] ?? text));
    return `<${prefix}c${before}t=${quote}str${quote}${after}>${dayOnly}</${prefix}c>`;
  });
  return rewritten === xml ? sheet : new TextEncoder().encode(rewritten);
}

/** Whether a sheet has a quoted d anywhere: most have none, and are not decoded to be searched. */
function mayHoldDateCells(sheet: Uint8Array): boolean {
  const bytes = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  return bytes.includes('"d"') || bytes.includes("'d'");
}
