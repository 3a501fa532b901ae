import { chmodSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemonstrationAccount } from '../auth/demonstration-accounts.ts';

const DEMONSTRATION_ACCOUNTS_FILE = 'demo-accounts.json';

/**
 * Tells the operator the demonstration accounts: created at this start, they are printed once and
 * written to demo-accounts.json in the data folder, readable only by its owner; on later starts only
 * where that file is.
 */
export function announceDemonstrationAccounts(created: DemonstrationAccount[], dataDir: string): void {
  const file = join(dataDir, DEMONSTRATION_ACCOUNTS_FILE);
  if (created.length === 0) {
    if (existsSync(file)) console.log(`Demonstration accounts: see ${file}`);
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  console.log('Demonstration accounts (shown only now; also in ' + file + '):');
  for (const account of created) {
    const secondFactor = account.totpSecret ? `  TOTP secret ${account.totpSecret}` : '';
    console.log(`  ${account.username.padEnd(30)} ${account.role.padEnd(22)} password ${account.password}${secondFactor}`);
  }
}
