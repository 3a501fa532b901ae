import { mkdtempSync, rmSync } from 'node:fs';
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
