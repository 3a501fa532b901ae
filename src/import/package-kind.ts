/**
 * What a ZIP archive that holds no worksheet is, so that its user is told what to do with it: an Office file
 * that is no spreadsheet (a Word document or PowerPoint presentation, by the content type its package gives its
 * main part; any OpenDocument file but a spreadsheet, such as a text, by the mimetype its first entry names), an OpenDocument
 * spreadsheet, an Excel workbook without a worksheet, another Open XML package (such as a binary workbook,
 * .xlsb), or an archive of other files (a zipped CSV file).
 */
import { readXml } from './xml-events.ts';

type Parts = Readonly<Record<string, Uint8Array>>;

export type PackageKind = 'otherOfficeFile' | 'openDocumentSpreadsheet' | 'workbook' | 'openXmlPackage' | 'archive';

const OPEN_DOCUMENT = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)$/;
/** The main part of a Word document or PowerPoint presentation, also as a template, a slide show or with macros. */
const DOCUMENT_MAIN_PART = /^application\/vnd\.(openxmlformats-officedocument\.(wordprocessingml|presentationml)|ms-(word|powerpoint))\.[\w.]+\.main\+xml$/i;
/** The XML main part of an Excel workbook (not that of a binary one, .xlsb, which the reader cannot read). */
const WORKBOOK_MAIN_PART = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml|ms-excel)\.[\w.]+\.main\+xml$/i;

export async function packageKind(parts: Parts): Promise<PackageKind> {
  const mimetype = parts.mimetype && OPEN_DOCUMENT.exec(new TextDecoder().decode(parts.mimetype).trim());
  if (mimetype) return mimetype[1]!.startsWith('spreadsheet') ? 'openDocumentSpreadsheet' : 'otherOfficeFile';
  const contentTypes = parts['[Content_Types].xml'];
  if (!contentTypes) return 'archive';
  const types: string[] = [];
  await readXml(contentTypes, {
    open(name, attributes) {
      if ((name === 'Override' || name === 'Default') && attributes.ContentType) types.push(attributes.ContentType);
    },
  });
  if (types.some((type) => DOCUMENT_MAIN_PART.test(type))) return 'otherOfficeFile';
  return types.some((type) => WORKBOOK_MAIN_PART.test(type)) ? 'workbook' : 'openXmlPackage';
}
