import { describe, expect, it } from 'vitest';
import { reason } from '../../src/api/messages.ts';
import { buildFiguresTable } from '../../src/domain/figures.ts';
import { annexDocument } from '../../src/letters/compose.ts';
import { en as browserEnglish } from '../../web/src/i18n/en/index.ts';
import { nl as browserDutch } from '../../web/src/i18n/nl/index.ts';
import { SUPPORT_TYPES } from './codes.ts';
import { nl } from './nl.ts';

describe('one vocabulary for the letter, the API and the browser', () => {
  it('gives the annex the words the browser shows for a delivery', () => {
    const annex = annexDocument(
      {
        format: 'steunregister-annex/1',
        letterId: 'letter',
        referenceDate: '2025-08-31',
        isDemonstration: false,
        rows: [
          {
            title: 'Pantserhouwitsers',
            category: 'largeCalibreArtillery',
            supportType: 'stock',
            fundingSource: 'ukraineSupportBudget',
            quantity: 8,
            unit: null,
            realisedAt: '2025-03-01',
            valueCents: 10_000_000_000,
            disclosureState: 'confidential',
          },
        ],
        totalCents: 10_000_000_000,
      },
    );
    const [group, row] = annex.sections[0]!.rows.map((line) => (Array.isArray(line) ? line : line.cells));
    expect(group![0]).toBe(`${nl.figureRows.stock}: 1 levering`);
    const [title, category, fundingSource, , , , disclosure] = row!;
    expect(title).toBe('Pantserhouwitsers');
    expect([category, fundingSource, disclosure]).toEqual([
      browserDutch.categories.largeCalibreArtillery,
      browserDutch.fundingSources.ukraineSupportBudget,
      browserDutch.disclosureStates.confidential,
    ]);
    expect(fundingSource).toBe('Steunfonds Oekraïne');
  });

  it("gives the letter's table of realised support the rows the dashboard shows", () => {
    const totals = { stock: 1, procurement: 2, natoFund: 3 };
    const table = buildFiguresTable({ date: '2025-08-31', totals }, { date: '2025-02-04', totals });
    expect(table.rows.map((row) => row.label)).toEqual(SUPPORT_TYPES.map((type) => browserDutch.figureRows[type]));
    expect(table.total.label).toBe(browserDutch.figureRows.total);
  });

  it("names a delivery's stages in the API's messages with the vocabulary's nouns, in both languages", () => {
    const params = { later: 'realisedAt', laterDate: '2025-04-15', earlier: 'committedAt', earlierDate: '2025-05-01' };
    expect(reason('nl', 'beforeEarlierStage', params)).toBe(
      `De datum van ${browserDutch.stageNouns.realised} (15 april 2025) ligt vóór die van ${browserDutch.stageNouns.committed} (1 mei 2025).`,
    );
    expect(reason('en', 'beforeEarlierStage', params)).toBe(
      `The date of ${browserEnglish.stageNouns.realised} (15 April 2025) lies before that of ${browserEnglish.stageNouns.committed} (1 May 2025).`,
    );
  });
});
