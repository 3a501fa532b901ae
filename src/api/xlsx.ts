import { crc32 } from 'node:zlib';

/**
 * A workbook of one sheet in Office Open XML (ECMA-376), as spreadsheets open it: the five parts a
 * workbook needs, in a zip archive without compression. Strings are inline, numbers are numbers.
 */
export function toXlsx(sheetName: string, columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Uint8Array<ArrayBuffer> {
  const sheetRows = [columns, ...rows].map((cells, rowIndex) => `<row r="${rowIndex + 1}">${cells.map((value, column) => cell(value, `${columnName(column)}${rowIndex + 1}`)).join('')}</row>`);
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    [
      'xl/workbook.xml',
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`],
  ];
  return zip(parts.map(([name, xml]) => [name, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`)]));
}

function cell(value: string | number | null, reference: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${reference}"><v>${value}</v></c>`;
  return `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function columnName(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + columnName(index % 26);
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are left out; the rest is escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A zip archive of stored (uncompressed) entries. */
function zip(entries: [string, Uint8Array][]): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = new TextEncoder().encode(name);
    const checksum = crc32(data);
    const local = header(30, [[0, 0x04034b50, 4], [4, 20, 2], [8, 0, 2], [14, checksum, 4], [18, data.length, 4], [22, data.length, 4], [26, fileName.length, 2]]);
    central.push(
      concat([header(46, [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [10, 0, 2], [16, checksum, 4], [20, data.length, 4], [24, data.length, 4], [28, fileName.length, 2], [42, offset, 4]]), fileName]),
    );
    chunks.push(local, fileName, data);
    offset += local.length + fileName.length + data.length;
  }
  const directory = concat(central);
  const end = header(22, [[0, 0x06054b50, 4], [8, entries.length, 2], [10, entries.length, 2], [12, directory.length, 4], [16, offset, 4]]);
  return concat([...chunks, directory, end]);
}

/** A little-endian record of the given size with the fields set at their offsets. */
function header(size: number, fields: [offset: number, value: number, bytes: 2 | 4][]): Uint8Array {
  const view = new DataView(new ArrayBuffer(size));
  for (const [offset, value, bytes] of fields) {
    if (bytes === 2) view.setUint16(offset, value, true);
    else view.setUint32(offset, value, true);
  }
  return new Uint8Array(view.buffer);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    result.set(part, position);
    position += part.length;
  }
  return result;
}
