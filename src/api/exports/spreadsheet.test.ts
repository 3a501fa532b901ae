import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { vocabulary } from '../../../common/vocabulary/index.ts';
import { cutToExcelCell, spreadsheetStream, type Column } from './spreadsheet.ts';

describe('a text in a cell of Excel', () => {
  it('is cut to the 32,767 characters a cell holds, marked so, never between the halves of an emoji', () => {
    expect(cutToExcelCell('kort')).toBe('kort');
    expect(cutToExcelCell('x'.repeat(32_767))).toBe('x'.repeat(32_767));
    // The cut falls after 32,763 UTF-16 units: here between an emoji's halves, so before the emoji.
    const cut = cutToExcelCell('x'.repeat(32_762) + '🚀'.repeat(10));
    expect(cut.isWellFormed()).toBe(true);
    expect(cut).toBe(`${'x'.repeat(32_762)} […]`);
    expect(cutToExcelCell('x'.repeat(32_761) + '🚀'.repeat(10))).toBe(`${'x'.repeat(32_761)}🚀 […]`);
    expect(cutToExcelCell('x'.repeat(40_000))).toHaveLength(32_767);
  });

  it('is a string cell (inlineStr) holding its text, so that a code that looks like a number ("007") keeps its zeros', async () => {
    const texts = ['007', '0123', '1e5', '12,50', ' 42 '];
    const columns: Column<string>[] = [{ heading: 'paperNumber', kind: 'text', value: (text) => text }];
    const file = spreadsheetStream(columns, (async function* () { yield texts; })(), { format: 'xlsx', dialect: 'excel-nl', words: vocabulary('nl'), sheetName: 'Brieven' });
    const sheet = strFromU8(unzipSync(new Uint8Array(await new Response(file).arrayBuffer()))['xl/worksheets/sheet1.xml']!);
    const cells = [...sheet.matchAll(/<c r="A(\d+)"[^>]*?(?: t="(\w+)")?[^>]*>(.*?)<\/c>/g)].filter(([, row]) => row !== '1');
    expect(cells.map(([, , type]) => type)).toEqual(texts.map(() => 'inlineStr'));
    expect(cells.map(([, , , content]) => content!.replace(/<[^>]+>/g, ''))).toEqual(texts);
  });
});
