import { describe, expect, it } from 'vitest';
import { annexDocument, type AnnexRow, type AnnexSnapshot } from './compose.ts';

const MILLION = 100_000_000; // cents

const row = (title: string, valueCents: number, overrides: Partial<AnnexRow> = {}): AnnexRow => ({
  deliveryId: title,
  title,
  category: 'other',
  supportType: 'stock',
  fundingSource: 'ukraineSupportBudget',
  quantity: null,
  unit: null,
  realisedAt: '2025-05-01',
  valueCents,
  disclosureState: 'confidential',
  since: null,
  previousValueCents: null,
  ...overrides,
});

const snapshot = (rows: AnnexRow[], overrides: Partial<AnnexSnapshot> = {}): AnnexSnapshot => ({
  format: 'steunregister-annex/1',
  letterId: 'letter',
  referenceDate: '2025-08-31',
  isDemonstration: false,
  rows,
  totalCents: rows.reduce((sum, each) => sum + each.valueCents, 0),
  previousLetter: null,
  noLongerListed: [],
  ...overrides,
});

describe('annexDocument', () => {
  it('counts in its total what the total is the sum of, and names the work for the EU apart', () => {
    const annex = snapshot([
      row('Generatoren', 2 * MILLION),
      row('Munitie', 3 * MILLION, { supportType: 'procurement' }),
      row('Drones voor de EU', 0, { supportType: 'procurement', fundingSource: 'epf', implementingActorCents: 40 * MILLION }),
    ]);
    expect(annexDocument(annex).subtitle).toBe(
      'Totaaloverzicht tot en met 31 augustus 2025: 2 leveringen, samen € 5 mln.; daarnaast 1 levering als uitvoerder voor de Europese Vredesfaciliteit, buiten dit totaal',
    );
    expect(annexDocument(snapshot(annex.rows.slice(0, 1))).subtitle).toBe('Totaaloverzicht tot en met 31 augustus 2025: 1 levering, samen € 2 mln.');
  });
});
