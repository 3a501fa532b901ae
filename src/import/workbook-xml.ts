/**
 * An XLSX workbook's unpacked parts as its worksheets' tables, in the order its tabs show: the workbook part
 * found as the package's relationships name it, each sheet's name, visibility and part, the strings the
 * cells share and the number format of each cell style.
 */
import { getFormatFromId, isDateFormat } from 'numfmt';
import { MAX_CELL_STYLES, MAX_IMPORT_CELLS, MAX_WORKBOOK_SHEETS } from '../../common/import-limits.ts';
import { ArchiveError } from './workbook-archive.ts';
import { ReadCount, readSheetXml, withEscapedCharacters, type NumberStyle, type WorkbookContext } from './sheet-xml.ts';
import type { SheetVisibility, Table } from './table.ts';
import { prefixedAttribute, readXml } from './xml-events.ts';

type Parts = Readonly<Record<string, Uint8Array>>;

/** The worksheets' tables; none for an archive that holds no workbook (a Word document is a ZIP archive too). */
export async function readWorkbookParts(parts: Parts): Promise<Table[]> {
  const workbookPart = (await relationshipsOf(parts, ''))
    .find((relationship) => relationship.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookXml = parts[workbookPart];
  if (!workbookXml) return [];
  const related = await relationshipsOf(parts, workbookPart);
  const partOfType = (type: string, usual: string) => related.find((relationship) => relationship.type === type)?.target ?? usual;
  const { sheets, date1904 } = await sheetsOf(workbookXml);
  const context: WorkbookContext = {
    sharedStrings: await sharedStringsOf(parts[partOfType('sharedStrings', 'xl/sharedStrings.xml')]),
    styles: await stylesOf(parts[partOfType('styles', 'xl/styles.xml')]),
    date1904,
    read: new ReadCount(),
  };
  const worksheets = new Map(related.filter((relationship) => relationship.type === 'worksheet').map((relationship) => [relationship.id, relationship.target]));
  const tables: Table[] = [];
  for (const { name, visibility, relationshipId } of sheets) {
    const part = parts[worksheets.get(relationshipId) ?? ''];
    // A chart sheet or a dialog sheet holds no cells.
    if (part) tables.push({ name, visibility, date1904, ...(await readSheetXml(part, context)) });
  }
  return tables;
}

interface Relationship {
  id: string;
  /** The last segment of its type (officeDocument, worksheet, styles), the same in Transitional and Strict Open XML. */
  type: string;
  /** The part it points to, as a path in the archive. */
  target: string;
}

/** The relationships of a part ('' for the package's own), with their targets resolved against that part's folder. */
async function relationshipsOf(parts: Parts, part: string): Promise<Relationship[]> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const xml = parts[`${folder}_rels/${part.slice(folder.length)}.rels`];
  const relationships: Relationship[] = [];
  if (!xml) return relationships;
  await readXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Target || attributes.TargetMode === 'External') return;
      if (relationships.length === MAX_WORKBOOK_SHEETS) throw new ArchiveError('notAWorkbook');
      relationships.push({ id: attributes.Id ?? '', type: (attributes.Type ?? '').split('/').at(-1) ?? '', target: resolvedPath(folder, attributes.Target) });
    },
  });
  return relationships;
}

/** A relationship's target as a path in the archive: from the archive's root when it starts with a slash, else from the folder. */
function resolvedPath(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target : folder + target).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relationshipId: string;
}

async function sheetsOf(workbookXml: Uint8Array): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readXml(workbookXml, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      if (sheets.length === MAX_WORKBOOK_SHEETS) throw new ArchiveError('notAWorkbook');
      const visibility = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
      sheets.push({ name: attributes.name ?? '', visibility, relationshipId: prefixedAttribute(attributes, 'id') ?? '' });
    },
  });
  return { sheets, date1904 };
}

/**
 * The strings cells of type s name by their index: each one's text, its runs' texts together, without its phonetic guide.
 * No more than an import holds cells, each of which may name one: a few hundred kilobytes packed hold millions.
 */
async function sharedStringsOf(xml: Uint8Array | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  await readXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0 && current !== undefined;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== undefined) {
        if (strings.length === MAX_IMPORT_CELLS) throw new ArchiveError('tooManyCells');
        strings.push(withEscapedCharacters(current));
        current = undefined;
      }
    },
  });
  return strings;
}

/**
 * Each cell style's number format, by its index among the cell formats (cellXfs); a built-in format by its id.
 * No more styles or number formats than Excel has (a few hundred kilobytes packed hold millions), each format read once.
 */
async function stylesOf(xml: Uint8Array | undefined): Promise<NumberStyle[]> {
  const formats = new Map<string, string>();
  if (!xml) return [];
  const formatIds: string[] = [];
  let inCellFormats = false;
  await readXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId !== undefined) {
        if (formats.size === MAX_CELL_STYLES) throw new ArchiveError('notAWorkbook');
        formats.set(attributes.numFmtId, attributes.formatCode ?? '');
      } else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) {
        if (formatIds.length === MAX_CELL_STYLES) throw new ArchiveError('notAWorkbook');
        formatIds.push(attributes.numFmtId ?? '0');
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  const styles = new Map<string, NumberStyle>();
  return formatIds.map((id) => {
    if (!styles.has(id)) styles.set(id, numberStyle(formats.get(id) ?? builtInFormat(id)));
    return styles.get(id)!;
  });
}

/**
 * The built-in formats that follow the computer's date settings, as Dutch Excel shows them: the short date
 * (14) and a date with its time (22), which numfmt writes month first, as in the United States.
 */
const DUTCH_BUILT_IN_FORMATS: Readonly<Record<number, string>> = { 14: 'd-m-yyyy', 22: 'd-m-yyyy h:mm' };

function builtInFormat(id: string): string {
  const number = Number(id);
  return Number.isSafeInteger(number) ? (DUTCH_BUILT_IN_FORMATS[number] ?? getFormatFromId(number) ?? '') : '';
}

/** General and text (@) are no format of their own: a number in them shows as it is. */
const NO_FORMAT = /^(general|@)?$/i;

function numberStyle(format: string): NumberStyle {
  if (NO_FORMAT.test(format.trim())) return { format: undefined, isDate: false };
  return { format, isDate: isDate(format) };
}

function isDate(format: string): boolean {
  try {
    return isDateFormat(format);
  } catch {
    return false;
  }
}
