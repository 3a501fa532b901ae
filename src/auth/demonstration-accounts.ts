import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemContext } from '../audit/trail.ts';
import { ROLES, type Role } from '../domain/access.ts';
import { countAccounts } from '../db/repositories/accounts.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { createAccount } from './accounts.ts';
import type { TotpSecretKey } from './totp-secret-key.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';

/** An account of the demonstration, as printed once and written to demo-accounts.json. */
export interface DemonstrationAccount {
  username: string;
  role: Role;
  password: string;
  /** Base32 TOTP secret where the account has a second factor, else null. */
  totpSecret: string | null;
}

const DUTCH_ROLE_NAMES: Record<Role, string> = {
  registrar: 'registrateur',
  finance: 'financiën',
  disclosureOfficer: 'openbaarmakingsfunctionaris',
  exportControlAssessor: 'toetser exportcontrole',
  licensingOfficer: 'vergunningverlener',
  letterAuthor: 'briefschrijver',
  parliamentReader: 'Kamerlid',
  auditor: 'auditor',
  administrator: 'beheerder',
};

/** The username of each role's demonstration account: the role in kebab-case, prefixed `demo-`. */
function demonstrationUsername(role: Role): string {
  return `demo-${role.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * Creates one account per role with a random password, when the database has no accounts yet; returns
 * them (with their passwords, which are not kept anywhere else), or an empty list when accounts exist.
 */
export async function createDemonstrationAccounts(db: Kysely<Database>, totpKey: TotpSecretKey): Promise<DemonstrationAccount[]> {
  return inTransaction(db, async (trx) => {
    if ((await countAccounts(trx)) > 0) return [];
    const created: DemonstrationAccount[] = [];
    for (const role of ROLES) {
      const password = randomBytes(12).toString('base64url');
      const username = demonstrationUsername(role);
      const { totpSecret } = await createAccount(trx, systemContext(SYSTEM_ACTOR), {
        username,
        displayName: `Demonstratie ${DUTCH_ROLE_NAMES[role]}`,
        role,
        password,
      }, totpKey);
      created.push({ username, role, password, totpSecret });
    }
    return created;
  });
}
