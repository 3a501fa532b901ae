import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_STYLES, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_WORKBOOK_SHEETS } from '../../common/import-limits.ts';
import { readWorkbookParts } from './workbook-xml.ts';
import { MalformedXmlError } from './xml-events.ts';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const relationships = (entries: [id: string, type: string, target: string][]) =>
  strToU8(`<Relationships>${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`);

describe('a workbook’s parts', () => {
  it('give its worksheets in the order of its tabs, found by its relationships wherever they are, in Strict Open XML too', async () => {
    const tables = await readWorkbookParts({
      '_rels/.rels': relationships([['rId1', `${STRICT_RELATIONSHIPS}/officeDocument`, '/boek/werkmap.xml']]),
      'boek/_rels/werkmap.xml.rels': relationships([
        ['rA', `${STRICT_RELATIONSHIPS}/worksheet`, 'bladen/twee.xml'],
        ['rB', `${STRICT_RELATIONSHIPS}/worksheet`, '/boek/bladen/een.xml'],
        ['rC', `${STRICT_RELATIONSHIPS}/chartsheet`, 'grafiek.xml'],
        ['rD', `${STRICT_RELATIONSHIPS}/sharedStrings`, '../teksten.xml'],
        ['rE', `${STRICT_RELATIONSHIPS}/styles`, 'opmaak.xml'],
      ]),
      'boek/werkmap.xml': strToU8(
        '<x:workbook xmlns:x="m" xmlns:rel="r"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Eén &amp; twee" rel:id="rB"/><x:sheet name="Grafiek" rel:id="rC"/><x:sheet name="Twee" state="veryHidden" rel:id="rA"/></x:sheets></x:workbook>',
      ),
      'teksten.xml': strToU8('<sst><si><t>Oekra</t><r><t>ïne</t></r><rPh><t>uitspraak</t></rPh></si><si><t>_x000D_</t></si></sst>'),
      'boek/opmaak.xml': strToU8('<styleSheet><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs><numFmts><numFmt numFmtId="164" formatCode="&quot;LEV-&quot;000"/></numFmts></styleSheet>'),
      'boek/bladen/een.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44347</v></c><c r="C1" s="2"><v>7</v></c><c r="D1" s="0"><v>44347</v></c></row></sheetData></worksheet>'),
      'boek/bladen/twee.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>'),
      'boek/grafiek.xml': strToU8('<chartsheet/>'),
    });
    expect(tables.map(({ name, visibility, rows, date1904 }) => ({ name, visibility, rows, date1904 }))).toEqual([
      { name: 'Eén & twee', visibility: 'visible', rows: [['Oekraïne', { number: null, serial: 44347 }, { number: 7, shown: 'LEV-007' }, 44347]], date1904: true },
      { name: 'Twee', visibility: 'veryHidden', rows: [['\r']], date1904: true },
    ]);
    // The built-in short date as Dutch Excel shows it, of a day counted from 1904.
    expect(tables[0]!.rows[0]![1]).toMatchObject({ shown: '1-6-2025' });
  });

  it('count the rows and cells of a sheet wherever its relationships put it, and refuse one not in the UTF-8 it was given in', async () => {
    const workbookAt = (sheet: Uint8Array) => ({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="W" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': relationships([['rId1', `${RELATIONSHIPS}/worksheet`, 'elders/blad.xml']]),
      'xl/elders/blad.xml': sheet,
    });
    await expect(readWorkbookParts(workbookAt(strToU8(`<worksheet><sheetData>${'<row/>'.repeat(MAX_IMPORT_ROWS + 1)}</sheetData></worksheet>`)))).rejects.toThrow('tooManyRows');
    const brokenByte = new Uint8Array([...strToU8('<worksheet><sheetData><row><c t="inlineStr"><is><t>Oekra'), 0xef, ...strToU8('ne</t></is></c></row></sheetData></worksheet>')]);
    await expect(readWorkbookParts(workbookAt(brokenByte))).rejects.toThrow(MalformedXmlError);
  });

  it('refuse more shared strings than an import holds cells, and more cell styles or number formats than Excel has, which a few hundred kilobytes packed can hold', async () => {
    const workbookWith = (part: string, xml: string) => ({
      'xl/workbook.xml': strToU8('<workbook><sheets></sheets></workbook>'),
      [part]: strToU8(xml),
    });
    await expect(readWorkbookParts(workbookWith('xl/sharedStrings.xml', `<sst>${'<si><t>a</t></si>'.repeat(MAX_IMPORT_CELLS + 1)}</sst>`))).rejects.toThrow('tooManyCells');
    await expect(readWorkbookParts(workbookWith('xl/styles.xml', `<styleSheet><cellXfs>${'<xf numFmtId="14"/>'.repeat(MAX_CELL_STYLES + 1)}</cellXfs></styleSheet>`))).rejects.toThrow('notAWorkbook');
    const numberFormats = Array.from({ length: MAX_CELL_STYLES + 1 }, (_, index) => `<numFmt numFmtId="${index}" formatCode="0"/>`).join('');
    await expect(readWorkbookParts(workbookWith('xl/styles.xml', `<styleSheet><numFmts>${numberFormats}</numFmts></styleSheet>`))).rejects.toThrow('notAWorkbook');
    expect(await readWorkbookParts(workbookWith('xl/styles.xml', `<styleSheet><cellXfs>${'<xf numFmtId="14"/>'.repeat(MAX_CELL_STYLES)}</cellXfs></styleSheet>`))).toEqual([]);
  });

  it('refuse more sheets or relationships than a workbook to import holds, which a few hundred kilobytes packed can list by the million', async () => {
    const sheets = (count: number) => strToU8(`<workbook><sheets>${'<sheet name="W" r:id="rId1"/>'.repeat(count)}</sheets></workbook>`);
    await expect(readWorkbookParts({ 'xl/workbook.xml': sheets(MAX_WORKBOOK_SHEETS + 1) })).rejects.toThrow('notAWorkbook');
    expect(await readWorkbookParts({ 'xl/workbook.xml': sheets(MAX_WORKBOOK_SHEETS) })).toEqual([]);
    const related = relationships(Array.from({ length: MAX_WORKBOOK_SHEETS + 1 }, () => ['rId', `${RELATIONSHIPS}/theme`, 'theme.xml']));
    await expect(readWorkbookParts({ 'xl/workbook.xml': sheets(1), 'xl/_rels/workbook.xml.rels': related })).rejects.toThrow('notAWorkbook');
  });

  it('give no sheet for an archive without a workbook, as a Word document is', async () => {
    expect(await readWorkbookParts({ '_rels/.rels': relationships([['rId1', `${RELATIONSHIPS}/officeDocument`, 'word/document.xml']]), 'word/document.xml': strToU8('<document/>') })).toEqual([]);
  });

  it('refuse a part that is no well-formed XML, and one naming entities its DTD declares, which are never expanded', async () => {
    await expect(readWorkbookParts({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="W" r:id="rId1"></workbook>') })).rejects.toThrow(MalformedXmlError);
    const laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    await expect(readWorkbookParts({ 'xl/workbook.xml': strToU8(`${laughs}<workbook><sheets><sheet name="&b;"/></sheets></workbook>`) })).rejects.toThrow(MalformedXmlError);
  });
});
