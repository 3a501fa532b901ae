import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'steunregister-migrate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('says which migrations it applied to a new database, and that one brought up to date is', async () => {
  const dataDir = join(folder, 'data');
  const first = await runCli(dataDir, ['migrate']);
  expect(first.code).toBe(0);
  expect(first.output).toMatch(/^Applied: 001[^,]*\.sql, 002/);
  expect(await runCli(dataDir, ['migrate'])).toEqual({ code: 0, output: 'The database is up to date.\n' });
}, 120_000);

it('makes no register under a DATA_DIR that holds none for work other than making one: a misspelled folder is said to be one', async () => {
  const misspelled = join(folder, 'dtaa');
  const refusal = `${misspelled} holds no register: set DATA_DIR to the data directory the server uses (or DATABASE_URL to its database), or make a register there (start the server once, or run the command migrate).\n`;
  const file = join(folder, 'leveringen.csv');
  writeFileSync(file, 'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron\nVB-1;Tenten;stock;nonLethal;defenceBudget\n');
  for (const args of [['figures'], ['account', 'list'], ['import', file, '--dry-run'], ['audit', 'checkpoint']]) {
    expect(await runCli(misspelled, args), args.join(' ')).toEqual({ code: 1, output: refusal });
  }
  expect(existsSync(misspelled)).toBe(false);
}, 120_000);

it('says in one line what is wrong with a path it cannot use', async () => {
  const file = join(folder, 'bestand.txt');
  writeFileSync(file, '');
  expect(await runCli(join(file, 'data'), ['migrate'])).toEqual({ code: 1, output: `Cannot mkdir ${join(file, 'data')}: a part of the path is a file, not a folder.\n` });
}, 120_000);
