import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { setAnswerHeader } from './answer-headers.ts';
import { API_BASE_PATH, createApi } from './api/app.ts';
import type { OidcConfig } from './auth/oidc.ts';
import { startCheckpointing } from './audit/checkpoints.ts';
import { createLogger, loggableError, type Logger } from './logging.ts';
import { LETTER_STYLE_SOURCE } from './letters/render/html.ts';
import { allowInlineStyle, securityHeaders } from './security-headers.ts';
import { problem } from './api/problem.ts';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from './db/connection.ts';
import { isDatabaseBusy } from './db/errors.ts';
import { migrate, migrateOnSignedChain } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import { smtpMailer, type MailConfig, type Mailer } from './notifications/mail.ts';
import { notifyPublicationHeld } from './notifications/waiting-letters.ts';
import { loadDemonstrationData } from './register/demonstration.ts';
import { createDemonstrationAccounts, type DemonstrationAccount } from './auth/demonstration-accounts.ts';
import { startPublicationTimer, type PublicationTimer } from './register/publication-timer.ts';
import { openTotpSecretKey, sealPlainTotpSecrets, temporaryTotpSecretKey, type TotpSecretKey } from './auth/totp-secret-key.ts';
import { StartRefusedError } from './start-refused.ts';

const WEB_ROOT = fileURLToPath(new URL('../dist/web/', import.meta.url));

const REVALIDATE = 'no-cache';
/**
 * The build names every file under assets/ after a hash of its content, so such a file never changes and
 * is kept a year without asking again; anything else (index.html, which names the current assets) is
 * checked with the server on every use.
 */
function staticCaching(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : REVALIDATE;
}

export interface AppOptions {
  logger: Logger;
  trustProxy: boolean;
  oidc?: OidcConfig | undefined;
  /** What TOTP secrets are sealed with (see ApiOptions). */
  totpKey?: TotpSecretKey | undefined;
  /** How notifications are sent: one mailer for the server, made at its start. */
  mail?: { mailer: Mailer; siteAddress: string } | undefined;
  /** The site's public address (see siteAddressFromEnvironment). */
  siteAddress?: string | undefined;
  webRoot?: string;
}

/** The whole site: the API under /api/v1 and the browser application everywhere else. */
export function createApp(db: Kysely<Database>, { logger, trustProxy, oidc, totpKey, mail, siteAddress, webRoot = WEB_ROOT }: AppOptions) {
  const app = new Hono();
  app.use(securityHeaders({ trustProxy }));
  app.route(API_BASE_PATH, createApi({ db, logger, trustProxy, oidc, totpKey, mail, siteAddress }));
  app.all('/api/*', (c) => problem(c, 404));
  app.use('/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) setAnswerHeader(c, 'Cache-Control', staticCaching(c.req.path));
    // The letter editor writes the preview of unsaved text into a frame (srcdoc), which takes the page's policy.
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) allowInlineStyle(c, LETTER_STYLE_SOURCE);
  });
  app.use('/*', serveStatic({ root: webRoot, precompressed: true }));
  // A file under assets/ that the build did not make is missing, not a page of the application; nor is it kept.
  app.all('/assets/*', (c) => c.text('Not found', 404, { 'Cache-Control': REVALIDATE }));
  // Paths of the browser application are routed in the browser: every other GET gets its page.
  app.get('/*', async (c) => {
    const page = await readFile(`${webRoot}/index.html`, 'utf8').catch(() => undefined);
    if (page === undefined) return c.text('The web application is not built; run `npm run build:web`.', 503);
    return c.html(page, 200, { 'Cache-Control': REVALIDATE });
  });
  return app;
}

export interface ServerOptions {
  port: number;
  hostname?: string;
  database: DatabaseConfig;
  /** Load the demonstration register (once; loading it again changes nothing). */
  demonstrationData: boolean;
  /** Where the JSON logs go; silent when not given. */
  logger?: Logger;
  /** Behind a reverse proxy: trust its X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy?: boolean;
  /** Login through an identity provider as well (OpenID Connect). */
  oidc?: OidcConfig | undefined;
  /** Where and how often signed checkpoints of the audit trail are written (none when not given). */
  auditCheckpoints?: { directory: string; intervalMs: number };
  /** How often scheduled publications of letters are looked for (default every 10 seconds). */
  publicationCheckMs?: number;
  /** Send e-mail notifications through this SMTP server (none when not given). */
  mail?: MailConfig | undefined;
  /** The site's public address (see siteAddressFromEnvironment). */
  siteAddress?: string | undefined;
}

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  /** The demonstration accounts created at this start (none when accounts existed already). */
  demonstrationAccounts: DemonstrationAccount[];
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const database = await openDatabase(options.database);
  let publications: PublicationTimer | undefined;
  try {
    if (options.auditCheckpoints) await migrateOnSignedChain(database, options.auditCheckpoints.directory);
    else await migrate(database);
    const totpKey = options.auditCheckpoints ? await openTotpSecretKey(options.auditCheckpoints.directory, database.db) : temporaryTotpSecretKey();
    const sealed = await sealPlainTotpSecrets(database.db, totpKey);
    if (sealed > 0) logger.info({ accounts: sealed }, 'TOTP secrets stored in plain text are now sealed');
    if (options.demonstrationData) await loadDemonstrationData(database.db);
    // Demonstration accounts only on the embedded database: a PostgreSQL register gets its accounts from
    // an administrator (`user add`).
    const demonstrationAccounts = options.demonstrationData && database.kind === 'pglite' ? await createDemonstrationAccounts(database.db, totpKey) : [];
    // PGlite has no autovacuum: without fresh statistics its planner ignores the indexes of large tables.
    if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
    const mail = options.mail && { mailer: smtpMailer(options.mail), siteAddress: options.mail.siteAddress };
    // Catches up on publications scheduled while the server was down before anyone can ask.
    publications = await startPublicationTimer({
      db: database.db,
      intervalMs: options.publicationCheckMs ?? 10_000,
      clock: () => new Date(),
      onError: (error) => logger.error({ err: loggableError(error) }, 'scheduled publication failed'),
      onHeld: (held) => {
        logger.warn({ letterId: held.letterId, reasons: held.violations.map((violation) => violation.code) }, 'scheduled publication held back');
        if (mail) {
          void notifyPublicationHeld(database.db, mail.mailer, held, mail.siteAddress).catch((error: unknown) =>
            logger.warn({ err: loggableError(error), letterId: held.letterId }, 'notification not sent'),
          );
        }
      },
    });
    const hostname = options.hostname ?? '127.0.0.1';
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const app = createApp(database.db, {
        logger,
        trustProxy: options.trustProxy ?? false,
        oidc: options.oidc,
        totpKey,
        mail,
        siteAddress: options.siteAddress,
      });
      const started = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(started));
      started.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const checkpointing = options.auditCheckpoints
      ? await startCheckpointing({
          db: database.db,
          ...options.auditCheckpoints,
          makeDurable: () => database.makeDurable(),
          onError: (error) => logger.error({ err: loggableError(error) }, 'audit checkpoint not written'),
        })
      : undefined;
    return {
      url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`,
      database,
      demonstrationAccounts,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await publications?.stop();
        await checkpointing?.stop();
        await database.close();
      },
    };
  } catch (error) {
    await publications?.stop();
    await database.close();
    throw isDatabaseBusy(error) ? startStoppedByDatabase(error as Error) : error;
  }
}

/** A start that met a lock held elsewhere (see StatementLimits), said in one line with what to do. */
function startStoppedByDatabase(error: Error): StartRefusedError {
  return new StartRefusedError(
    `The server did not start: PostgreSQL stopped one of its statements (${error.message}). Another connection holds a lock on a table it needs ` +
      '(pg_locks and pg_stat_activity show whose), or the statement ran longer than DATABASE_STATEMENT_TIMEOUT_SECONDS allows: start it again once that lock is released.',
    { cause: error },
  );
}
