/**
 * What a spreadsheet to import holds: one sheet per kind of record, each row keyed by its own external
 * reference. The columns are named in Dutch and English; a file may use either, or both as the
 * template does ("Titel / Title").
 */
import { nameKey } from '../../common/text.ts';
import {
  BUDGET_FUNDS,
  CATEGORIES,
  COMMITMENT_STAGES,
  DISCLOSURE_STATES,
  type ExportHeading,
  FUNDING_SOURCES,
  LIFECYCLE_STAGES,
  MILITARY_LIST_CATEGORIES,
  READINESS_EFFECTS,
  SUPPORT_TYPES,
  TRAINING_FRAMEWORKS,
  UN_REGISTER_CATEGORIES,
  VALUATION_BASES,
  WITHHELD_GROUNDS,
} from '../../common/vocabulary/codes.ts';
import { en } from '../../common/vocabulary/en.ts';
import { nl, type Vocabulary } from '../../common/vocabulary/nl.ts';

export const IMPORT_SHEETS = [
  'delivery',
  'valuation',
  'payment',
  'trainingProgramme',
  'trainingContribution',
  'readinessJudgement',
  'company',
  'industryContract',
  'budgetCommitment',
  'epfClaim',
  'exportLicence',
] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** The deliveries and their money, written set-based; the other sheets hold records of other domains, each made by its own rules. */
const REGISTER_SHEETS = ['delivery', 'valuation', 'payment'] as const satisfies readonly ImportSheet[];
export type RegisterSheet = (typeof REGISTER_SHEETS)[number];
export type DomainSheet = Exclude<ImportSheet, RegisterSheet>;
export const DOMAIN_SHEETS = IMPORT_SHEETS.filter((sheet): sheet is DomainSheet => !isRegisterSheet(sheet));

export function isRegisterSheet(sheet: ImportSheet): sheet is RegisterSheet {
  return (REGISTER_SHEETS as readonly ImportSheet[]).includes(sheet);
}

/** A list of codes a column chooses from, and where the vocabulary keeps their labels. */
interface CodeList {
  codes: readonly string[];
  labels: (words: Vocabulary) => Readonly<Record<string, string>>;
}

const CODE_LISTS = {
  supportType: { codes: SUPPORT_TYPES, labels: (words) => words.supportTypes },
  category: { codes: CATEGORIES, labels: (words) => words.categories },
  fundingSource: { codes: FUNDING_SOURCES, labels: (words) => words.fundingSources },
  basis: { codes: VALUATION_BASES, labels: (words) => words.valuationBases },
  framework: { codes: TRAINING_FRAMEWORKS, labels: (words) => words.trainingFrameworks },
  effect: { codes: READINESS_EFFECTS, labels: (words) => words.readinessEffects },
  fund: { codes: BUDGET_FUNDS, labels: (words) => words.fundingSources },
  stage: { codes: COMMITMENT_STAGES, labels: (words) => words.stages },
  militaryListCategory: { codes: MILITARY_LIST_CATEGORIES, labels: (words) => words.exportControl.militaryListCategories },
  unRegisterCategory: { codes: UN_REGISTER_CATEGORIES, labels: (words) => words.exportControl.unRegisterCategories },
  withheldGround: { codes: WITHHELD_GROUNDS, labels: (words) => words.exportControl.withheldGrounds },
  // What the register computes of a delivery, as its list's export spells it out (never a column of the template).
  lifecycleStage: { codes: LIFECYCLE_STAGES, labels: (words) => words.stages },
  disclosureState: { codes: DISCLOSURE_STATES, labels: (words) => words.disclosureStates },
  // Read as true or false.
  yesNo: { codes: ['yes', 'no'], labels: (words) => ({ yes: words.spreadsheetExport.yes, no: words.spreadsheetExport.no }) },
} as const satisfies Record<string, CodeList>;
export type CodeListName = keyof typeof CODE_LISTS;

export function codeList(name: CodeListName): CodeList {
  return CODE_LISTS[name];
}

/**
 * A list's codes by the key of each name a cell may give one (the code, its Dutch label, its English label),
 * found whatever its capitals, spaces and accents (nameKey): "steunfonds oekraine" is "Steunfonds Oekraïne",
 * typed without the diaeresis as a keyboard makes easy. A name two codes share is the first's.
 */
function codesByName({ codes, labels }: CodeList): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  for (const code of codes) {
    for (const name of [code, labels(nl)[code], labels(en)[code]]) if (name !== undefined && !byName.has(nameKey(name))) byName.set(nameKey(name), code);
  }
  return byName;
}

const CODES_BY_NAME = Object.fromEntries(Object.entries(CODE_LISTS).map(([list, codes]) => [list, codesByName(codes)])) as Record<CodeListName, ReadonlyMap<string, string>>;

/** The code of a list that a name names: the code itself, or its label in either language, however capitalised, spaced or accented. */
export function codeNamed(list: CodeListName, name: string): string | undefined {
  return CODES_BY_NAME[list].get(nameKey(name));
}

export function isCodeListName(name: string): name is CodeListName {
  return Object.hasOwn(CODE_LISTS, name);
}

export type ColumnKind = 'text' | 'multiline' | 'date' | 'amount' | 'count' | { list: CodeListName };

export interface ImportColumn {
  /** The field it fills: the API's name for it (amounts in euros become `amountCents`). */
  key: string;
  nl: string;
  en: string;
  kind: ColumnKind;
  required: boolean;
  /** What the template's example row shows. */
  example: string | number;
  /** The names the column went by in an earlier template, under which a file made with it is still read. */
  alsoNamed?: { nl: string; en: string };
}

export interface SheetDefinition {
  sheet: ImportSheet;
  nl: string;
  en: string;
  columns: readonly ImportColumn[];
  /**
   * What the register's own export of such records has beside the template's columns, which the template
   * leaves out: the record's id, which names the record a row is (so that an exported list imports back as
   * unchanged), and the columns the register computes from its records (a stage, a value), which an import
   * never writes: each of their cells is held against what the register computes (see import-computed.ts),
   * so that a value typed there is said to change nothing rather than dropped unseen.
   */
  exported?: { id: ImportColumn; computed: readonly ImportColumn[] };
}

const column = (key: string, nl: string, en: string, kind: ColumnKind, example: string | number, required = false): ImportColumn => ({ key, nl, en, kind, required, example });

/** The row's own key: importing a row whose key is known again changes nothing. */
const ownReference = column('externalReference', 'Eigen kenmerk', 'External reference', 'text', 'VB-2025-001', true);
const deliveryReference = column('deliveryReference', 'Kenmerk levering', 'Delivery reference', 'text', 'VB-2025-001', true);
/** A delivery a record may be for, or not (a commitment, an EPF claim). */
const optionalDeliveryReference = column('deliveryReference', deliveryReference.nl, deliveryReference.en, 'text', 'VB-2025-002');
const note = column('note', 'Toelichting', 'Note', 'multiline', 'Voorbeeld');
/** The deliveries a record is for, several in one cell (see referencesInCell). */
const deliveryReferences = column('deliveryReferences', 'Kenmerken leveringen', 'Delivery references', 'text', 'VB-2025-001');

/**
 * What the register computes of a delivery, which its list's export has a column of each (DELIVERY_COLUMNS):
 * by the field a cell of it is read into, the export's heading and how its cells read.
 */
const DELIVERY_COMPUTED_COLUMNS = {
  stage: { heading: 'stage', kind: { list: 'lifecycleStage' } },
  valueCents: { heading: 'valueEuro', kind: 'amount' },
  disclosureState: { heading: 'disclosureState', kind: { list: 'disclosureState' } },
  isDemonstration: { heading: 'demonstration', kind: { list: 'yesNo' } },
} as const satisfies Record<string, { heading: ExportHeading; kind: ColumnKind }>;
export type DeliveryComputedField = keyof typeof DELIVERY_COMPUTED_COLUMNS;

export const SHEETS: readonly SheetDefinition[] = [
  {
    sheet: 'delivery',
    nl: 'Leveringen',
    en: 'Deliveries',
    columns: [
      ownReference,
      column('title', 'Titel', 'Title', 'text', 'Pantserhouwitsers (voorbeeld)', true),
      // The letter's own term, as the export and the pages head the column.
      { ...column('supportType', nl.spreadsheetExport.headings.supportType, en.spreadsheetExport.headings.supportType, { list: 'supportType' }, 'stock', true), alsoNamed: { nl: 'Soort steun', en: 'Support type' } },
      column('category', 'Categorie', 'Category', { list: 'category' }, 'largeCalibreArtillery', true),
      column('fundingSource', 'Financieringsbron', 'Funding source', { list: 'fundingSource' }, 'ukraineSupportBudget', true),
      column('quantity', 'Aantal', 'Quantity', 'count', 4),
      column('unit', 'Eenheid', 'Unit', 'text', 'stuks'),
      column('pledgedAt', 'Toegezegd op', 'Pledged on', 'date', '2025-03-01'),
      column('committedAt', 'Juridisch verplicht op', 'Committed on', 'date', '2025-04-01'),
      column('realisedAt', 'Gerealiseerd op', 'Realised on', 'date', '2025-06-01'),
      column('deliveredAt', 'Geleverd op', 'Delivered on', 'date', '2025-06-15'),
      column('company', 'Bedrijf', 'Company', 'text', ''),
      column('contractReference', 'Contractnummer', 'Contract reference', 'text', ''),
      column('publicTitle', 'Openbare titel', 'Public title', 'text', ''),
      column('description', 'Omschrijving', 'Description', 'multiline', 'Voorbeeldregel: wordt niet geïmporteerd'),
    ],
    // The list's export (DELIVERY_COLUMNS, src/api/exports/tables.ts), in either language.
    exported: {
      id: column('id', nl.spreadsheetExport.headings.id, en.spreadsheetExport.headings.id, 'text', ''),
      computed: Object.entries(DELIVERY_COMPUTED_COLUMNS).map(([key, { heading, kind }]) => column(key, nl.spreadsheetExport.headings[heading], en.spreadsheetExport.headings[heading], kind, '')),
    },
  },
  {
    sheet: 'valuation',
    nl: 'Waarderingen',
    en: 'Valuations',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-2025-001-W1', true),
      deliveryReference,
      column('amountCents', 'Bedrag (€)', 'Amount (€)', 'amount', 12_345_000, true),
      column('basis', 'Grondslag', 'Basis', { list: 'basis' }, 'replacementValue', true),
      column('effectiveDate', 'Ingangsdatum', 'Effective date', 'date', '2025-06-01', true),
      note,
    ],
  },
  {
    sheet: 'payment',
    nl: 'Betalingen',
    en: 'Payments',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-2025-002-B1', true),
      column('deliveryReference', deliveryReference.nl, deliveryReference.en, 'text', 'VB-2025-002', true),
      column('amountCents', 'Bedrag (€)', 'Amount (€)', 'amount', 2_500_000, true),
      column('paidOn', 'Betaald op', 'Paid on', 'date', '2025-07-01', true),
      column('reference', 'Betalingskenmerk', 'Payment reference', 'text', 'F-2025-0042'),
      note,
    ],
  },
  {
    sheet: 'trainingProgramme',
    // A sheet's name in the template, "nl (en)", has at most 31 characters.
    nl: 'Trainingsprogramma’s',
    en: 'Training',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-TR-001', true),
      column('name', 'Naam van het programma', 'Programme name', 'text', 'Opleiding op de pantserhouwitser (voorbeeld)', true),
      column('key', 'Korte naam', 'Short name', 'text', 'pzh-voorbeeld', true),
      column('hostCountry', 'Gastland', 'Host country', 'text', 'DE', true),
      column('framework', 'Kader', 'Framework', { list: 'framework' }, 'bilateral', true),
      column('systemTrainedOn', 'Getraind op', 'Trained on', 'text', 'Panzerhaubitze 2000'),
      deliveryReferences,
      column('description', 'Omschrijving', 'Description', 'multiline', ''),
    ],
  },
  {
    sheet: 'trainingContribution',
    nl: 'Trainingstellingen',
    en: 'Counts',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-TT-001', true),
      column('programmeKey', 'Korte naam programma', 'Programme short name', 'text', 'pzh-voorbeeld', true),
      column('periodFrom', 'Periode vanaf', 'Period from', 'date', '2025-03-01', true),
      column('periodTo', 'Periode tot en met', 'Period to', 'date', '2025-08-31'),
      column('countsUpTo', 'Geteld tot en met', 'Counted up to', 'date', '2025-08-31', true),
      column('trainers', 'Trainers', 'Trainers', 'count', 20),
      column('trainersIsMaximum', 'Trainers is een maximum', 'Trainers is a ceiling', { list: 'yesNo' }, 'yes'),
      column('trainees', 'Getrainde militairen', 'Trainees', 'count', 250),
      column('traineesIsApproximate', 'Getrainden is een schatting', 'Trainees is an estimate', { list: 'yesNo' }, 'yes'),
      column('courses', 'Cursussen', 'Courses', 'count', ''),
      column('rotations', 'Rotaties', 'Rotations', 'count', ''),
      column('soldiersPerRotation', 'Militairen per rotatie', 'Soldiers per rotation', 'count', ''),
      column('costEstimateCents', 'Geraamde kosten (€)', 'Estimated cost (€)', 'amount', 150_000_000),
      column('fundingSource', 'Financieringsbron', 'Funding source', { list: 'fundingSource' }, 'ukraineSupportBudget'),
      note,
    ],
  },
  {
    sheet: 'readinessJudgement',
    nl: 'Gereedheidsoordelen',
    en: 'Readiness',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-GO-001', true),
      deliveryReference,
      column('effect', 'Effect op de gereedheid', 'Effect on readiness', { list: 'effect' }, 'acceptable', true),
      column('reasoning', 'Onderbouwing', 'Reasoning', 'multiline', 'Vervanging is besteld (voorbeeld)', true),
      column('judgedOn', 'Geoordeeld op', 'Judged on', 'date', '2025-07-01', true),
    ],
  },
  {
    sheet: 'company',
    nl: 'Bedrijven',
    en: 'Companies',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-BD-001', true),
      column('name', 'Naam bedrijf', 'Company name', 'text', 'Voorbeeld Defensie B.V.', true),
      column('country', 'Land', 'Country', 'text', 'NL', true),
      column('registrationNumber', 'Registratienummer', 'Registration number', 'text', ''),
    ],
  },
  {
    sheet: 'industryContract',
    nl: 'Contracten',
    en: 'Contracts',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-CT-001', true),
      column('companyReference', 'Kenmerk bedrijf', 'Company reference', 'text', 'VB-BD-001', true),
      column('reference', 'Contractkenmerk', 'Contract reference', 'text', 'G2B-2025-001', true),
      column('subject', 'Onderwerp', 'Subject', 'multiline', 'Onbemande systemen (voorbeeld)', true),
      column('amountCents', 'Bedrag (€)', 'Amount (€)', 'amount', 250_000_000, true),
      column('signedOn', 'Getekend op', 'Signed on', 'date', '2025-06-01', true),
      column('deliveryReferences', 'Kenmerken verwervingen', 'Procurement references', 'text', 'VB-2025-002'),
      column('milestoneTitle', 'Eerste mijlpaal', 'First milestone', 'text', 'Eerste levering'),
      column('milestoneDueOn', 'Mijlpaal uiterlijk op', 'Milestone due on', 'date', '2025-12-01'),
    ],
  },
  {
    sheet: 'budgetCommitment',
    nl: 'Verplichtingen',
    en: 'Commitments',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-VP-001', true),
      column('title', 'Titel', 'Title', 'text', 'Munitie voor de luchtverdediging (voorbeeld)', true),
      column('fund', 'Begrotingsartikel of fonds', 'Fund', { list: 'fund' }, 'ukraineSupportBudget', true),
      column('budgetYear', 'Begrotingsjaar', 'Budget year', 'count', 2025, true),
      optionalDeliveryReference,
      column('contractReference', 'Contractkenmerk', 'Contract reference', 'text', 'G2B-2025-001'),
      column('stage', 'Stap', 'Stage', { list: 'stage' }, 'committed', true),
      column('amountCents', 'Bedrag (€)', 'Amount (€)', 'amount', 250_000_000, true),
      column('effectiveOn', 'Met ingang van', 'Effective on', 'date', '2025-06-01', true),
      note,
    ],
  },
  {
    sheet: 'epfClaim',
    nl: 'EPF-declaraties',
    en: 'EPF claims',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-EPF-001', true),
      column('reference', 'Kenmerk declaratie', 'Claim reference', 'text', 'EPF-NL-2025-07', true),
      // A claim covers one delivery or a batch, which says what it covers; it names no tranche (see the README).
      optionalDeliveryReference,
      column('batch', 'Omvat (bij een bundel)', 'Batch covers', 'text', ''),
      column('period', 'Periode', 'Period', 'text', 'jan. t/m jun. 2025', true),
      column('declaredCents', 'Gedeclareerd bedrag (€)', 'Declared amount (€)', 'amount', 10_000_000, true),
      column('declaredOn', 'Gedeclareerd op', 'Declared on', 'date', '2025-07-15', true),
      note,
    ],
  },
  {
    sheet: 'exportLicence',
    // The licensing officer's file of licences issued; the example is the demonstration's licence DEMO-NL-2025-0002.
    nl: 'Vergunningen',
    en: 'Licences',
    columns: [
      column('externalReference', ownReference.nl, ownReference.en, 'text', 'VB-VG-001', true),
      // Issued on the delivery's latest assessment, which the register holds (see import-records.ts).
      column('deliveryReference', deliveryReference.nl, deliveryReference.en, 'text', 'VB-2025-002', true),
      column('number', 'Vergunningnummer', 'Licence number', 'text', 'DEMO-NL-2025-0002', true),
      column('issuedOn', 'Verleend op', 'Issued on', 'date', '2025-06-05', true),
      column('validUntil', 'Geldig tot en met', 'Valid until', 'date', '2026-06-05', true),
      column('militaryListCategory', 'Categorie Militaire Lijst', 'Military List category', { list: 'militaryListCategory' }, 'ML6', true),
      column('unRegisterCategory', 'Categorie VN-register', 'UN Register category', { list: 'unRegisterCategory' }, 'II'),
      column('quantityAuthorised', 'Toegestaan aantal', 'Quantity authorised', 'count', ''),
      column('valueAuthorisedCents', 'Toegestane waarde (€)', 'Value authorised (€)', 'amount', 30_000_000_000, true),
      column('importingState', 'Importerende staat', 'Importing state', 'text', 'UA'),
      column('withheldGround', 'Niet in het ATT-rapport (grond)', 'Withheld from the ATT report (ground)', { list: 'withheldGround' }, ''),
      column('conditions', 'Voorwaarden', 'Conditions', 'multiline', ''),
    ],
  },
];

/** A list of references in one cell, as a spreadsheet user separates them: by semicolons or line breaks. */
export function referencesInCell(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((reference) => reference.trim())
    .filter((reference) => reference !== '');
}

/** The text of a column's header in the template: both languages. */
export function headerText(definition: { nl: string; en: string }): string {
  return `${definition.nl} / ${definition.en}`;
}

/** What a row's own reference says when the row is the template's example, not data. */
export const EXAMPLE_MARKERS: readonly string[] = ['VOORBEELD', 'EXAMPLE', 'VOORBEELD / EXAMPLE'];
export const EXAMPLE_MARKER = 'VOORBEELD / EXAMPLE';


const REQUIRED_OR_OPTIONAL_MARK = /\*+|\(\s*(?:verplicht|required|mandatory|optioneel|optional|facultatief)\s*\)/gi;

// A header names its column whatever its case and spacing (around the slash between its languages too), with
// or without its unit ("Bedrag (€)", "Bedrag €", "Bedrag in euro", "Bedrag"), with or without a mark that the
// column is required or optional ("Titel *", "* Titel", "Titel (verplicht)", "Titel (optional)") and with or
// without a colon after it, as a form's labels have one ("Bedrag:").
const normalise = (text: string) =>
  text
    .replace(/\((?:€|eur|euro)\)/gi, ' ')
    .replace(REQUIRED_OR_OPTIONAL_MARK, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .replace(/\s+(?:in\s+)?(?:€|eur|euro)$/i, '')
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** The columns a sheet's headers may name: the template's, and the record's id where the register exports such records. */
export function readableColumns(definition: SheetDefinition): readonly ImportColumn[] {
  return definition.exported ? [...definition.columns, definition.exported.id] : definition.columns;
}

/** A column's names, normalised: in Dutch, in English, both as the template writes them, and the others given. */
const namesOf = (names: { nl: string; en: string }, ...others: string[]) => [names.nl, names.en, headerText(names), ...others].map(normalise);

/** The columns by each of their names, normalised, the first column of a name taking it: made once per sheet. */
function columnsByName(columns: readonly ImportColumn[], names: (column: ImportColumn) => string[]): Map<string, ImportColumn> {
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) for (const name of names(column)) if (!byName.has(name)) byName.set(name, column);
  return byName;
}

const readableByName = new WeakMap<SheetDefinition, Map<string, ImportColumn>>();
const computedByName = new WeakMap<SheetDefinition, Map<string, ImportColumn>>();

/** The column a header names, in any of the ways a person may have written it. */
export function columnOfHeader(definition: SheetDefinition, header: string): ImportColumn | undefined {
  return columnNamed(definition, normalise(header));
}

function columnNamed(definition: SheetDefinition, normalisedHeader: string): ImportColumn | undefined {
  let byName = readableByName.get(definition);
  if (!byName) {
    byName = columnsByName(readableColumns(definition), (column) => [...namesOf(column, column.key), ...(column.alsoNamed ? namesOf(column.alsoNamed) : [])]);
    readableByName.set(definition, byName);
  }
  return byName.get(normalisedHeader);
}

/** The column of the register's export that a header names among those the register computes (a stage, a value), which an import never writes. */
export function computedColumnOfHeader(definition: SheetDefinition, header: string): ImportColumn | undefined {
  let byName = computedByName.get(definition);
  if (!byName) {
    byName = columnsByName(definition.exported?.computed ?? [], (column) => namesOf(column));
    computedByName.set(definition, byName);
  }
  return byName.get(normalise(header));
}

/** The last row a sheet's column headers may be on: below a title, a subtitle, a date and blank rows between them. */
export const LAST_HEADER_ROW = 10;

/** A sheet is taken for one of records when at least this many of its headers are that kind's columns. */
const RECOGNISED_COLUMNS = 2;

/**
 * The kind of record a sheet holds by its headers, and the required columns it lacks: the kind whose
 * required columns it has all of, the one with the most matching columns when several do (a
 * delivery's columns include no other sheet's required ones); else the kind it has the most columns
 * of, when it has enough to be taken for one, so that a sheet lacking a column is said to, not skipped.
 */
export function sheetOfHeaders(headers: readonly string[]): { definition: SheetDefinition; missing: ImportColumn[] } | undefined {
  const normalised = headers.map(normalise);
  const candidates = SHEETS.map((definition) => {
    const found = new Set(normalised.map((header) => columnNamed(definition, header)?.key).filter((key) => key !== undefined));
    // A row of the register's export is named by its id, where the template's rows have their own reference.
    const missing = definition.columns.filter((candidate) => candidate.required && !found.has(candidate.key) && !(candidate === ownReference && found.has('id')));
    return { definition, missing, matched: found.size };
  }).filter((candidate) => candidate.missing.length === 0 || candidate.matched >= RECOGNISED_COLUMNS);
  const best = candidates.sort((a, b) => Number(a.missing.length > 0) - Number(b.missing.length > 0) || b.matched - a.matched || a.missing.length - b.missing.length)[0];
  return best && { definition: best.definition, missing: best.missing };
}
