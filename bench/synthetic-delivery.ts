import { currentValue, type Category, type FundingSource, type Payment, type SupportType, type Valuation } from '../src/domain/delivery.ts';
import type { BulkRecords } from '../src/register/bulk-registration.ts';
import type { SeededRandom } from './random.ts';

/**
 * One synthetic delivery with its money, shaped like the register's real data: the mix of support types,
 * categories and funding sources of the letters, lifecycle dates from the invasion to the end of 2025,
 * stock with one to three valuations, procurement and fund contributions realised by one to four
 * payments. The stored current value is what refreshCurrentValue would compute from that money.
 */
export interface SyntheticDelivery {
  delivery: BulkRecords['deliveries'][number];
  valuations: Valuation[];
  payments: Payment[];
}

/** The text the free-text search benchmark looks for; a few percent of the titles contain it. */
export const SEARCHABLE_WORD = 'radar';

interface Item {
  name: string;
  unit: string;
  quantity: [number, number];
}

const ITEMS: Record<Category, Item[]> = {
  battleTanks: [{ name: 'gevechtstanks', unit: 'stuks', quantity: [1, 30] }],
  armouredCombatVehicles: [
    { name: 'pantserinfanterievoertuigen', unit: 'stuks', quantity: [2, 50] },
    { name: 'pantserwielvoertuigen', unit: 'stuks', quantity: [2, 80] },
  ],
  largeCalibreArtillery: [
    { name: 'pantserhouwitsers', unit: 'stuks', quantity: [1, 12] },
    { name: 'mortieren 120 mm', unit: 'stuks', quantity: [4, 40] },
  ],
  combatAircraft: [{ name: 'gevechtsvliegtuigen', unit: 'stuks', quantity: [1, 6] }],
  attackHelicopters: [{ name: 'gevechtshelikopters', unit: 'stuks', quantity: [1, 4] }],
  warships: [
    { name: 'mijnenjagers', unit: 'stuks', quantity: [1, 2] },
    { name: 'patrouillevaartuigen', unit: 'stuks', quantity: [1, 10] },
  ],
  missilesAndLaunchers: [
    { name: 'luchtdoelraketten', unit: 'stuks', quantity: [10, 500] },
    { name: 'antitankwapens', unit: 'stuks', quantity: [50, 2_000] },
  ],
  smallArms: [
    { name: 'geweren', unit: 'stuks', quantity: [100, 10_000] },
    { name: 'machinegeweren', unit: 'stuks', quantity: [20, 1_000] },
  ],
  ammunition: [
    { name: 'artilleriegranaten 155 mm', unit: 'stuks', quantity: [500, 50_000] },
    { name: 'mortiergranaten', unit: 'stuks', quantity: [500, 20_000] },
    { name: 'patronen 5,56 mm', unit: 'stuks', quantity: [100_000, 5_000_000] },
  ],
  drones: [
    { name: 'verkenningsdrones', unit: 'stuks', quantity: [10, 2_000] },
    { name: 'maritieme drones', unit: 'stuks', quantity: [5, 200] },
    { name: 'interceptordrones', unit: 'stuks', quantity: [50, 5_000] },
  ],
  airDefence: [
    { name: 'radarsystemen', unit: 'stuks', quantity: [1, 20] },
    { name: 'luchtverdedigingssystemen', unit: 'stuks', quantity: [1, 6] },
    { name: 'radaronderdelen', unit: 'partijen', quantity: [1, 10] },
  ],
  vehicles: [
    { name: 'vrachtwagens', unit: 'stuks', quantity: [5, 200] },
    { name: 'ambulances', unit: 'stuks', quantity: [2, 60] },
  ],
  nonLethal: [
    { name: 'helmen', unit: 'stuks', quantity: [500, 20_000] },
    { name: 'scherfvesten', unit: 'stuks', quantity: [500, 20_000] },
    { name: 'winteruitrustingen', unit: 'sets', quantity: [1_000, 50_000] },
    { name: 'medische pakketten', unit: 'pakketten', quantity: [100, 10_000] },
  ],
  other: [
    { name: 'reserveonderdelen', unit: 'partijen', quantity: [1, 50] },
    { name: 'opleidingsmateriaal', unit: 'partijen', quantity: [1, 20] },
  ],
};

const CATEGORY_WEIGHTS: Record<SupportType, Partial<Record<Category, number>>> = {
  stock: {
    ammunition: 20, smallArms: 10, vehicles: 12, nonLethal: 15, armouredCombatVehicles: 8,
    largeCalibreArtillery: 6, missilesAndLaunchers: 8, airDefence: 6, battleTanks: 3, warships: 2,
    combatAircraft: 1, attackHelicopters: 1, drones: 4, other: 4,
  },
  procurement: {
    drones: 25, ammunition: 25, airDefence: 15, missilesAndLaunchers: 10, vehicles: 8,
    armouredCombatVehicles: 5, largeCalibreArtillery: 4, nonLethal: 5, other: 3,
  },
  natoFund: { nonLethal: 40, other: 30, drones: 15, vehicles: 15 },
};

const FUNDING_WEIGHTS: Record<SupportType, Partial<Record<FundingSource, number>>> = {
  stock: { defenceBudget: 75, ukraineSupportBudget: 15, epf: 10 },
  procurement: { ukraineSupportBudget: 80, defenceBudget: 7, internationalSecurityBudget: 5, epf: 8 },
  natoFund: { ukraineSupportBudget: 85, internationalSecurityBudget: 15 },
};

/** Value of one delivery in euro, lowest and highest. */
const EURO_RANGE: Record<SupportType, [number, number]> = {
  stock: [10_000, 50_000_000],
  procurement: [100_000, 100_000_000],
  natoFund: [1_000_000, 50_000_000],
};

const COMPANIES = ['Voorbeeldindustrie A B.V.', 'Proefleverancier B N.V.', 'Testfabriek C GmbH', 'Modelbedrijf D Sp. z o.o.', 'Fictief Defensie E TOV'];
const SOURCES = [{ description: 'Synthetische benchmarkgegevens, geen echte levering' }];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 1, 24) / DAY_MS;
const LAST_PLEDGE_DAY = Date.UTC(2025, 9, 31) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;

const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const optionalIsoDate = (day: number | null) => (day === null ? null : isoDate(day));
const noonOf = (day: number) => `${isoDate(day)}T12:00:00.000Z`;

/** A day some days after `day`, or null when that falls after the end of the generated period. */
function later(random: SeededRandom, day: number | null, minDays: number, maxDays: number): number | null {
  if (day === null) return null;
  const next = day + random.integer(minDays, maxDays);
  return next <= LAST_DAY ? next : null;
}

export function syntheticDelivery(random: SeededRandom, number: number): SyntheticDelivery {
  const serial = String(number).padStart(6, '0');
  const id = random.uuid();
  const supportType = random.weighted<SupportType>({ stock: 45, procurement: 45, natoFund: 10 });
  const category = random.weighted(CATEGORY_WEIGHTS[supportType] as Record<Category, number>);
  const fundingSource = random.weighted(FUNDING_WEIGHTS[supportType] as Record<FundingSource, number>);
  const item = random.pick(ITEMS[category]);
  const quantity = random.integer(...item.quantity);
  const stage = random.weighted({ pledged: 10, committed: 20, realised: 35, delivered: 35 });

  const pledged = random.integer(FIRST_DAY, LAST_PLEDGE_DAY);
  const committed = stage === 'pledged' ? null : later(random, pledged, 0, 120);
  const realised = stage === 'pledged' || stage === 'committed' ? null : later(random, committed, 0, 300);
  const delivered = stage === 'delivered' ? later(random, realised, 0, 150) : null;

  const [minEuro, maxEuro] = EURO_RANGE[supportType];
  const valueCents = random.logUniform(minEuro, maxEuro) * 100;
  const contractYear = supportType === 'procurement' && committed !== null ? isoDate(committed).slice(0, 4) : null;
  const valuations = supportType === 'stock' ? stockValuations(random, id, committed ?? pledged, valueCents) : [];
  const payments = supportType !== 'stock' && realised !== null ? instalments(random, id, realised, valueCents, serial) : [];
  const currentValueCents = currentValue(supportType, valuations, payments);

  return {
    delivery: {
      id,
      title: `Synthetisch ${serial}: ${quantity} ${item.name}`,
      description: 'Synthetische benchmarkgegevens, geen echte levering.',
      publicTitle: random.chance(0.6) ? item.name[0]!.toUpperCase() + item.name.slice(1) : null,
      category,
      quantity,
      unit: item.unit,
      supportType,
      fundingSource,
      pledgedAt: isoDate(pledged),
      committedAt: optionalIsoDate(committed),
      realisedAt: optionalIsoDate(realised),
      deliveredAt: optionalIsoDate(delivered),
      company: contractYear ? random.pick(COMPANIES) : null,
      contractReference: contractYear ? `SYN-${contractYear}-${serial}` : null,
      sources: SOURCES,
      isDemonstration: false,
      currentValueCents,
    },
    valuations,
    payments,
  };
}

/** A first valuation when the stock was set aside, then up to two revaluations, each on a later day. */
function stockValuations(random: SeededRandom, deliveryId: string, firstDay: number, valueCents: number) {
  const count = 1 + random.weightedIndex([60, 30, 10]);
  const valuations: Valuation[] = [];
  let day: number | null = firstDay;
  let amountCents = valueCents;
  for (let index = 0; index < count && day !== null; index++) {
    valuations.push({
      id: random.uuid(),
      deliveryId,
      amountCents,
      currency: 'EUR',
      originalAmountMinor: null,
      exchangeRate: null,
      basis: index === 0 && random.chance(0.15) ? 'bookValue' : 'replacementValue',
      effectiveDate: isoDate(day),
      recordedAt: noonOf(day),
      note: index === 0 ? '' : 'Herwaardering',
    });
    day = later(random, day, 60, 400);
    amountCents = Math.round(amountCents * (0.8 + random.next() * 0.6));
  }
  return valuations;
}

/** One to four payments, the first on the day the delivery was realised. */
function instalments(random: SeededRandom, deliveryId: string, firstDay: number, valueCents: number, serial: string) {
  const count = 1 + random.weightedIndex([40, 30, 20, 10]);
  const payments: Payment[] = [];
  let day: number | null = firstDay;
  for (let index = 0; index < count && day !== null; index++) {
    payments.push({
      id: random.uuid(),
      deliveryId,
      amountCents: Math.max(1, Math.round((valueCents / count) * (0.6 + random.next() * 0.8))),
      paidOn: isoDate(day),
      reference: `SYN-BET-${serial}-${index + 1}`,
      recordedAt: noonOf(day),
      note: '',
    });
    day = later(random, day, 14, 240);
  }
  return payments;
}
