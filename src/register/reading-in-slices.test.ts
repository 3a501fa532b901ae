import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readImportFile } from '../import/read-file.ts';
import { readFileRows } from './import-rows.ts';
import { turnsOfOthersDuring } from '../../test/support/turns.ts';

it('reads and checks a large workbook a slice at a time, letting other work run in between, as a server must for its other requests', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Waarderingen');
  sheet.addRow(['Eigen kenmerk', 'Kenmerk levering', 'Bedrag (€)', 'Grondslag', 'Ingangsdatum']);
  for (let index = 0; index < 5000; index++) sheet.addRow([`W-${index}`, `D-${index}`, `${1000 + index},25`, 'replacementValue', '2025-06-01']);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

  const read = await turnsOfOthersDuring(() => readImportFile('waarderingen.xlsx', bytes));
  expect(read.value.sheets[0]!.rows).toHaveLength(5000);
  expect(read.turns).toBeGreaterThan(0);
  const checked = await turnsOfOthersDuring(() => readFileRows(read.value.sheets, '2026-12-07'));
  expect(checked.value.rows.filter((row) => row.outcome === 'create')).toHaveLength(5000);
  expect(checked.turns).toBeGreaterThan(0);
});

it('reads a large CSV file a thousand rows at a time, letting other work run in between', async () => {
  const lines = ['Eigen kenmerk;Kenmerk levering;Bedrag (€);Grondslag;Ingangsdatum', ...Array.from({ length: 5000 }, (_, index) => `W-${index};D-${index};${1000 + index},25;replacementValue;2025-06-01`)];
  const read = await turnsOfOthersDuring(() => readImportFile('waarderingen.csv', new TextEncoder().encode(lines.join('\r\n'))));
  expect(read.value.sheets[0]!.rows.map((row) => row.cells.get('externalReference'))).toEqual(Array.from({ length: 5000 }, (_, index) => `W-${index}`));
  expect(read.turns).toBeGreaterThan(0);
});
