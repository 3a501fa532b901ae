import type { IsoDate } from '../../common/dates.ts';
import { sumCents, type Cents } from '../../common/money.ts';
import type { Vocabulary } from '../../common/vocabulary/nl.ts';
import {
  EXPORT_CRITERIA,
  MILITARY_LIST_CATEGORIES,
  UN_REGISTER_CATEGORIES,
  type CriterionFinding,
  type ExportCriterion,
  type MilitaryListCategory,
  type UnRegisterCategory,
  type WithheldGround,
} from '../../common/vocabulary/codes.ts';
import type { Category, RuleViolation } from './delivery.ts';

/**
 * The arms-transfer reports of a year, computed from the register: the Arms Trade Treaty annual report
 * (actual exports, categories I-VII and VIII small arms and light weapons), the UN Register of
 * Conventional Arms (categories I-VII) and the EU's COARM data (licences per Military List category,
 * and the criteria invoked for denials).
 */

/**
 * A year is reported once it has begun: the reports of one to come would say that nothing left and no licence was
 * issued in it, which no one knows yet. The year under way is reported up to today.
 */
export function reportYearViolations(year: number, today: IsoDate): RuleViolation[] {
  const current = Number(today.slice(0, 4));
  return year > current ? [{ field: 'year', code: 'yearNotBegun', params: { year: String(year), current: String(current) } }] : [];
}

/**
 * How a report names what left: as the public register shows it (its public title), else by its category. Never by
 * its internal title: the reports go to international bodies, outside the ministry.
 */
interface ItemName {
  /** Its title on the public register; null where the register does not show it. */
  publicTitle: string | null;
  deliveryCategory: Category;
}

/** A delivery that needs a licence and left in the year, with the licence it left under (if any). */
export interface ReportShipment {
  publicTitle: string | null;
  /** The delivery's category. */
  category: Category;
  quantity: number | null;
  valueCents: Cents;
  shippedOn: string;
  licenceNumber: string | null;
  unRegisterCategory: UnRegisterCategory | null;
  importingState: string | null;
  withheldGround: WithheldGround | null;
}

export interface ReportLicence {
  militaryListCategory: MilitaryListCategory;
  valueAuthorisedCents: Cents;
}

export interface ReportDenial {
  criteria: { criterion: ExportCriterion; finding: CriterionFinding }[];
}

interface ExportRow extends ItemName {
  category: UnRegisterCategory;
  importingState: string;
  numberOfItems: number | null;
  valueCents: Cents;
  shippedOn: string;
}

export interface ArmsTransferReports {
  year: number;
  att: {
    basis: 'actual';
    rows: ExportRow[];
    /** Left out as article 13.3 allows: whether any was, on which grounds, and how much (for the ministry's own reconciliation). */
    withheld: { count: number; valueCents: Cents; grounds: WithheldGround[] };
    totalValueCents: Cents;
  };
  unroca: { rows: { category: Exclude<UnRegisterCategory, 'salw'>; importingState: string; numberOfItems: number | null; items: ItemName[] }[]; smallArmsAndLightWeapons: number };
  coarm: {
    rows: { militaryListCategory: MilitaryListCategory; licences: number; valueCents: Cents }[];
    denials: number;
    criteriaInvoked: { criterion: ExportCriterion; denials: number }[];
    totalLicences: number;
    totalValueCents: Cents;
  };
  /** The register's own totals the reports must agree with. */
  register: {
    shipments: number;
    shipmentValueCents: Cents;
    /** Shipped without a licence recorded (before the gate existed); none in a register where every shipment passed the gate. */
    withoutLicence: number;
    /** Shipped under a licence with no UN Register category (outside the treaty's categories I-VIII). */
    outsideCategories: number;
    licencesIssued: number;
    licenceValueCents: Cents;
  };
}

const itemName = (shipment: ReportShipment): ItemName => ({ publicTitle: shipment.publicTitle, deliveryCategory: shipment.category });

/** The quantity of several shipments: unknown as soon as one of them has none. */
function sumItems(quantities: readonly (number | null)[]): number | null {
  return quantities.some((quantity) => quantity === null) ? null : quantities.reduce<number>((sum, quantity) => sum + quantity!, 0);
}

export function buildArmsTransferReports(year: number, shipments: readonly ReportShipment[], licences: readonly ReportLicence[], denials: readonly ReportDenial[]): ArmsTransferReports {
  const categorised = shipments.filter((shipment) => shipment.licenceNumber !== null && shipment.unRegisterCategory !== null);
  const reported = categorised.filter((shipment) => shipment.withheldGround === null);
  const withheld = categorised.filter((shipment) => shipment.withheldGround !== null);
  const rows: ExportRow[] = reported
    .map((shipment) => ({
      category: shipment.unRegisterCategory!,
      importingState: shipment.importingState!,
      numberOfItems: shipment.quantity,
      valueCents: shipment.valueCents,
      ...itemName(shipment),
      shippedOn: shipment.shippedOn,
    }))
    .sort((a, b) => UN_REGISTER_CATEGORIES.indexOf(a.category) - UN_REGISTER_CATEGORIES.indexOf(b.category) || a.shippedOn.localeCompare(b.shippedOn));

  const unrocaRows = UN_REGISTER_CATEGORIES.filter((category) => category !== 'salw').flatMap((category) => {
    const inCategory = categorised.filter((shipment) => shipment.unRegisterCategory === category);
    return [...new Set(inCategory.map((shipment) => shipment.importingState!))].map((importingState) => {
      const toState = inCategory.filter((shipment) => shipment.importingState === importingState);
      return { category, importingState, numberOfItems: sumItems(toState.map((shipment) => shipment.quantity)), items: toState.map(itemName) };
    });
  });

  const coarmRows = MILITARY_LIST_CATEGORIES.flatMap((militaryListCategory) => {
    const inCategory = licences.filter((licence) => licence.militaryListCategory === militaryListCategory);
    return inCategory.length === 0 ? [] : [{ militaryListCategory, licences: inCategory.length, valueCents: sumCents(inCategory.map((licence) => licence.valueAuthorisedCents)) }];
  });
  const criteriaInvoked = EXPORT_CRITERIA.map((criterion) => ({
    criterion,
    denials: denials.filter((denial) => denial.criteria.some((entry) => entry.criterion === criterion && entry.finding === 'objection')).length,
  })).filter((entry) => entry.denials > 0);

  return {
    year,
    att: {
      basis: 'actual',
      rows,
      withheld: {
        count: withheld.length,
        valueCents: sumCents(withheld.map((shipment) => shipment.valueCents)),
        grounds: [...new Set(withheld.map((shipment) => shipment.withheldGround!))].sort(),
      },
      totalValueCents: sumCents(rows.map((row) => row.valueCents)),
    },
    unroca: { rows: unrocaRows, smallArmsAndLightWeapons: categorised.filter((shipment) => shipment.unRegisterCategory === 'salw').length },
    coarm: {
      rows: coarmRows,
      denials: denials.length,
      criteriaInvoked,
      totalLicences: licences.length,
      totalValueCents: sumCents(licences.map((licence) => licence.valueAuthorisedCents)),
    },
    register: {
      shipments: shipments.length,
      shipmentValueCents: sumCents(shipments.map((shipment) => shipment.valueCents)),
      withoutLicence: shipments.filter((shipment) => shipment.licenceNumber === null).length,
      outsideCategories: shipments.filter((shipment) => shipment.licenceNumber !== null && shipment.unRegisterCategory === null).length,
      licencesIssued: licences.length,
      licenceValueCents: sumCents(licences.map((licence) => licence.valueAuthorisedCents)),
    },
  };
}

/** A report as a table of cells, for CSV and XLSX: numbers stay numbers (euro as a decimal amount). */
export interface ReportTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const euro = (cents: Cents) => cents / 100;

const HEADINGS = {
  nl: {
    att: ['Categorie', 'Importerende staat', 'Aantal stuks', 'Waarde (EUR)', 'Omschrijving', 'Opmerkingen'],
    attWithheld: (count: number, grounds: string) => `Gegevens achtergehouden (art. 13.3 ATT): ${count} ${count === 1 ? 'levering' : 'leveringen'}; ${grounds}`,
    attNone: 'Gegevens achtergehouden (art. 13.3 ATT): nee',
    actual: 'Feitelijke uitvoer',
    unroca: ['Categorie', 'Importerende staat', 'Aantal stuks', 'Omschrijving'],
    coarm: ['Categorie Militaire Lijst', 'Aantal vergunningen', 'Waarde (EUR)'],
    denials: (count: number) => `Afwijzingen: ${count}`,
    criterion: (criterion: number, count: number) => `Criterium ${criterion} ingeroepen: ${count}`,
  },
  en: {
    att: ['Category', 'Importing state', 'Number of items', 'Value (EUR)', 'Description', 'Comments'],
    attWithheld: (count: number, grounds: string) => `Data withheld (ATT art. 13.3): ${count} ${count === 1 ? 'delivery' : 'deliveries'}; ${grounds}`,
    attNone: 'Data withheld (ATT art. 13.3): no',
    actual: 'Actual export',
    unroca: ['Category', 'Importing state', 'Number of items', 'Description'],
    coarm: ['Military List category', 'Number of licences', 'Value (EUR)'],
    denials: (count: number) => `Denials: ${count}`,
    criterion: (criterion: number, count: number) => `Criterion ${criterion} invoked: ${count}`,
  },
} as const;

/** An item's description in a report: its public title, else its category in the report's language. */
const described = (item: ItemName, words: Vocabulary) => item.publicTitle ?? words.categories[item.deliveryCategory];

/** One report as a table, its words in the language asked for. */
export function reportTable(reports: ArmsTransferReports, report: 'att' | 'unroca' | 'coarm', words: Vocabulary, language: 'nl' | 'en'): ReportTable {
  const headings = HEADINGS[language];
  const name = `${report}-${reports.year}`;
  if (report === 'att') {
    const { withheld } = reports.att;
    const box = withheld.count > 0 ? headings.attWithheld(withheld.count, withheld.grounds.map((ground) => words.exportControl.withheldGrounds[ground]).join(', ')) : headings.attNone;
    return {
      name,
      columns: [...headings.att],
      rows: [
        ...reports.att.rows.map((row) => [words.exportControl.unRegisterCategories[row.category], row.importingState, row.numberOfItems, euro(row.valueCents), described(row, words), headings.actual]),
        [box, null, null, null, null, null],
      ],
    };
  }
  if (report === 'unroca') {
    return {
      name,
      columns: [...headings.unroca],
      rows: reports.unroca.rows.map((row) => [words.exportControl.unRegisterCategories[row.category], row.importingState, row.numberOfItems, [...new Set(row.items.map((item) => described(item, words)))].join('; ')]),
    };
  }
  return {
    name,
    columns: [...headings.coarm],
    rows: [
      ...reports.coarm.rows.map((row) => [words.exportControl.militaryListCategories[row.militaryListCategory], row.licences, euro(row.valueCents)]),
      [headings.denials(reports.coarm.denials), null, null],
      ...reports.coarm.criteriaInvoked.map((entry) => [headings.criterion(entry.criterion, entry.denials), null, null]),
    ],
  };
}
