/**
 * The workbook to fill in for an import: a sheet per kind of record with headers in Dutch and English,
 * a list to choose from for every coded column (the vocabulary's Dutch labels), and one example row
 * that says it is an example (an import skips it).
 */
import type ExcelJS from 'exceljs';
import { columnLetters, loadExcelJs } from '../spreadsheets.ts';
import { nl } from '../../common/vocabulary/nl.ts';
import { codeList, EXAMPLE_MARKER, headerText, SHEETS, type CodeListName } from './sheets.ts';

/** Rows the choice lists and formats cover, below the header. */
const DATA_ROWS = 10_000;
const LISTS_SHEET = 'Lijsten (Lists)';

export async function importTemplate(): Promise<Uint8Array> {
  const exceljs = await loadExcelJs();
  const workbook = new exceljs.Workbook();
  workbook.creator = 'Steunregister';
  const explanation = workbook.addWorksheet('Uitleg (Instructions)');
  explanation.getColumn(1).width = 120;
  for (const line of [
    'Vul per blad één regel per levering, waardering, betaling, trainingsprogramma, telling van een programma, gereedheidsoordeel, bedrijf, contract, verplichting, EPF-declaratie of exportvergunning in. Elke regel heeft een eigen kenmerk (hoofdletters tellen daarin niet mee, meerdere spaties als één): een tweede import van dezelfde regel verandert niets.',
    'Fill in one row per delivery, valuation, payment, training programme, count of a programme, readiness judgement, company, contract, commitment, EPF claim or export licence on each sheet. Every row has its own reference (capitals in it do not count, several spaces count as one): importing the same row again changes nothing.',
    'Een regel noemt een levering bij haar kenmerk uit dit bestand of een eerdere import, of bij haar id in het register; een trainingsprogramma of contract kan er meer noemen, gescheiden door puntkomma’s. / A row names a delivery by its reference in this file or an earlier import, or by its id in the register; a training programme or contract may name several, separated by semicolons.',
    'Een telling noemt haar programma bij zijn korte naam, uit dit bestand of uit het register; een contract zijn bedrijf bij diens kenmerk of id. / A count names its programme by its short name, in this file or in the register; a contract its company by its reference or id.',
    'Een verplichting kan een levering noemen; een EPF-declaratie noemt een levering of beschrijft de bundel die zij omvat, en noemt geen tranche. / A commitment may name a delivery; an EPF claim names a delivery or describes the batch it covers, and names no tranche.',
    'Een exportvergunning noemt haar levering en wordt verleend op de laatste toetsing daarvan in het register, die positief moet zijn; toetsingen worden niet geïmporteerd. / An export licence names its delivery and is issued on its latest assessment in the register, which must be positive; assessments are not imported.',
    'Elke rol importeert wat zij op haar eigen schermen vastlegt: de registrator leveringen, waarderingen, trainingen, gereedheidsoordelen, bedrijven en contracten, Financiën de betalingen, verplichtingen en EPF-declaraties, de vergunningverlener de exportvergunningen. / Each role imports what it records on its own screens: the registrar deliveries, valuations, training, readiness judgements, companies and contracts, Finance the payments, commitments and EPF claims, the licensing officer the export licences.',
    'Een levering van goederen die een exportvergunning nodig hebben (alles behalve niet-letale goederen en bijdragen aan het NAVO-fonds) met een datum van overdracht of levering heeft geen vergunning in het register: de import vraagt u te bevestigen dat zij is verscheept voordat het register in gebruik was. / A delivery of goods that need an export licence (all but non-lethal goods and NATO-fund contributions) with a hand-over or delivery date has no licence in the register: the import asks you to confirm that it was shipped before the register was used.',
    `De regel met kenmerk "${EXAMPLE_MARKER}" is een voorbeeld en wordt niet geïmporteerd. / The row with reference "${EXAMPLE_MARKER}" is an example and is not imported.`,
    'Bedragen in euro (1.234,56), datums als datum of JJJJ-MM-DD. / Amounts in euros, dates as dates or YYYY-MM-DD.',
  ]) {
    explanation.addRow([line]);
  }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const listRanges = new Map<CodeListName, string>();
  (['supportType', 'category', 'fundingSource', 'basis', 'framework', 'effect', 'yesNo', 'fund', 'stage', 'militaryListCategory', 'unRegisterCategory', 'withheldGround'] as const).forEach((name, index) => {
    const { codes, labels } = codeList(name);
    const letter = columnLetters(index);
    codes.forEach((code, row) => (lists.getCell(`${letter}${row + 1}`).value = labels(nl)[code]!));
    listRanges.set(name, `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${codes.length}`);
  });

  for (const definition of SHEETS) {
    const sheet = workbook.addWorksheet(`${definition.nl} (${definition.en})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = definition.columns.map((column) => ({ header: headerText(column), key: column.key, width: Math.max(16, headerText(column).length + 2) }));
    sheet.getRow(1).font = { bold: true };
    const example = definition.columns.map((column, index) => {
      if (index === 0) return EXAMPLE_MARKER;
      if (typeof column.kind === 'object') return codeList(column.kind.list).labels(nl)[String(column.example)] ?? column.example;
      if (column.kind === 'date') return new Date(`${column.example}T00:00:00Z`);
      if (column.kind === 'amount') return Number(column.example) / 100;
      return column.example;
    });
    const exampleRow = sheet.addRow(example);
    exampleRow.font = { italic: true, color: { argb: 'FF666666' } };
    definition.columns.forEach((column, index) => {
      const letter = sheet.getColumn(index + 1).letter;
      const range = `${letter}2:${letter}${DATA_ROWS + 1}`;
      if (typeof column.kind === 'object') {
        validationsOf(sheet).add(range, { type: 'list', allowBlank: !column.required, formulae: [listRanges.get(column.kind.list)!], showErrorMessage: true });
      }
      if (column.kind === 'date') sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
      if (column.kind === 'amount') sheet.getColumn(index + 1).numFmt = '€ #,##0.00';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet's data validations by range: exceljs has them, though its type declarations do not say so. */
function validationsOf(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  const validations: unknown = Reflect.get(sheet, 'dataValidations');
  if (typeof validations !== 'object' || validations === null || typeof Reflect.get(validations, 'add') !== 'function') throw new Error('exceljs lacks data validations by range');
  return validations as { add(range: string, validation: ExcelJS.DataValidation): void };
}
