import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../audit/trail.ts';
import type { OidcLogin } from '../auth/oidc.ts';
import type { Principal } from '../auth/sessions.ts';
import type { TotpSecretKey } from '../auth/totp-secret-key.ts';
import type { Database } from '../db/schema.ts';

/** What every route handler can read from its context. */
export interface ApiEnv {
  Variables: RequestIdVariables & {
    deps: ApiDependencies;
    principal: Principal | null;
  };
}

/** What the routes are built with. */
interface ApiDependencies {
  db: Kysely<Database>;
  /** The time; tests move it to see sessions expire. */
  clock: () => Date;
  /** Behind a reverse proxy, the client's address is the last in X-Forwarded-For: the one the proxy added. */
  trustProxy: boolean;
  /** The login through the identity provider; undefined when none is configured. */
  oidc: OidcLogin | undefined;
  /** What TOTP secrets are sealed with in the database. */
  totpKey: TotpSecretKey;
  /** Renderings of public letters one address may ask for per minute without a session. */
  anonymousRenderingsPerMinute: number;
  /** Tells by e-mail what about a letter newly waits for whom since a moment; undefined when no e-mail is sent. */
  notifyWaiting: ((letterId: string, since: Date) => void) | undefined;
  /** The site's public address; undefined when the address a request came to stands for it. */
  siteAddress: string | undefined;
}

/** Who acts, from where, in which request: what the audit trail records of a request. */
export function requestContext(c: Context<ApiEnv>): RequestContext {
  const deps = c.get('deps');
  const principal = c.get('principal');
  return {
    actor: principal ? { id: principal.accountId, username: principal.username, role: principal.role } : null,
    origin: clientAddress(c, deps.trustProxy),
    requestId: c.get('requestId') ?? null,
    now: deps.clock,
  };
}

function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // A proxy adds the address it saw after whatever the client sent: the entries before it may be forged.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (tests) have no socket.
    return null;
  }
}
