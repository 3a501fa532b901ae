import { describe, expect, it } from 'vitest';
import { en as englishWords } from '../../common/vocabulary/en.ts';
import { nl as dutchWords } from '../../common/vocabulary/nl.ts';
import { en as englishPages } from '../../web/src/i18n/en/index.ts';
import { nl as dutchPages } from '../../web/src/i18n/nl/index.ts';
import { SUPPORT_TYPE_COLUMN_LABEL } from '../domain/figures.ts';
import { columnOfHeader, headerText, SHEETS } from './sheets.ts';

const deliveries = SHEETS.find((sheet) => sheet.sheet === 'delivery')!;
const supportType = deliveries.columns.find((column) => column.key === 'supportType')!;

describe('the support type column', () => {
  it('goes by one term in each language, the letter’s own in Dutch: in the template, the export, the pages and the letter’s table', () => {
    expect(new Set([supportType.nl, dutchWords.spreadsheetExport.headings.supportType, dutchPages.fields.supportType, dutchPages.deliveries.columns.supportType, dutchPages.dashboard.figures.typeColumn, SUPPORT_TYPE_COLUMN_LABEL])).toEqual(
      new Set(['Type steun']),
    );
    expect(new Set([supportType.en, englishWords.spreadsheetExport.headings.supportType, englishPages.fields.supportType, englishPages.deliveries.columns.supportType, englishPages.dashboard.figures.typeColumn])).toEqual(
      new Set(['Type of support']),
    );
    expect(headerText(supportType)).toBe('Type steun / Type of support');
  });

  it('is read under the headers of the earlier template too, so that a file made with it imports as before', () => {
    for (const header of ['Type steun / Type of support', 'Type steun', 'Type of support', 'Soort steun / Support type', 'Soort steun', 'Support type', 'soort steun *']) {
      expect(columnOfHeader(deliveries, header)?.key).toBe('supportType');
    }
  });
});
