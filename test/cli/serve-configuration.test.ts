import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createMigratedDataFolder, runCli } from '../support/cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'steunregister-serve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it.each([
  [{ PORT: 'achtduizend' }, 'PORT must be a port number, not "achtduizend"'],
  [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be true or false, not "yes"'],
  [{ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'steunregister@example.org' }, "SITE_ADDRESS must be set with SMTP_URL: the site's public address (https://…), which the links in the mail point to"],
  [{ OIDC_CLIENT_ID: 'steunregister' }, 'OpenID Connect is half configured: OIDC_CLIENT_ID set, but OIDC_ISSUER not'],
  [{ AUDIT_CHECKPOINT_SECONDS: '0' }, 'AUDIT_CHECKPOINT_SECONDS must be a number of seconds up to a day, not "0"'],
  [{ DATABASE_LOCK_TIMEOUT_SECONDS: '10s' }, 'DATABASE_LOCK_TIMEOUT_SECONDS must be a number of seconds up to a day, or 0 for no limit, not "10s"'],
  [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "verbose"'],
])('refuses to serve with %o in one line that says what to set, starting nothing', async (environment, refusal) => {
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  expect(await runCli(join(folder, 'data'), ['serve'])).toEqual({ code: 1, output: `${refusal}\n` });
});

it('refuses to serve on a HOST that is no address of this machine, in one line', async () => {
  await createMigratedDataFolder(join(folder, 'host'));
  vi.stubEnv('HOST', '192.0.2.1');
  vi.stubEnv('PORT', '0');
  const refused = await runCli(join(folder, 'host'), ['serve', '--no-demonstration-data']);
  expect(refused).toEqual({ code: 1, output: expect.stringContaining('HOST 192.0.2.1 is no address of this machine to listen on.') });
});
