import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Kysely } from 'kysely';
import { oidcLogin, type OidcConfig } from '../auth/oidc.ts';
import { temporaryTotpSecretKey, type TotpSecretKey } from '../auth/totp-secret-key.ts';
import { isDatabaseBusy, isDatabaseUnavailable } from '../db/errors.ts';
import type { Database } from '../db/schema.ts';
import type { Mailer } from '../notifications/mail.ts';
import { notifyWhatWaits } from '../notifications/waiting-letters.ts';
import { setAnswerHeader } from '../answer-headers.ts';
import { createLogger, loggableError, type Logger } from '../logging.ts';
import { NotFoundError, UnconfirmedWarningsError, ValidationError, VersionConflictError } from '../register/errors.ts';
import { MoneyError } from '../../common/money.ts';
import { answerLanguage } from './language.ts';
import { reason } from './messages.ts';
import { authenticate } from './access.ts';
import { defaultCaching } from './caching.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import type { ApiEnv } from './context.ts';
import { refuseCrossSiteWrites } from './csrf.ts';
import { deliveriesRoutes } from './deliveries/routes.ts';
import { disclosureRoutes } from './disclosure/routes.ts';
import { industryRoutes } from './industry/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { epfRoutes } from './epf/routes.ts';
import { lettersRoutes } from './letters/routes.ts';
import { notifyAfterLetterSteps } from './letters/notifications.ts';
import { figuresRoutes } from './figures/routes.ts';
import { budgetRoutes } from './budget/routes.ts';
import { readinessRoutes } from './readiness/routes.ts';
import { trainingRoutes } from './training/routes.ts';
import { exportControlRoutes } from './export-control/routes.ts';
import { IMPORT_UPLOAD_PATHS, importBodyLimit, importRoutes } from './import/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { API_BASE_PATH } from './paths.ts';
import { limitBody } from './body-limit.ts';
import { invalidParams, problem } from './problem.ts';
import { recordRefusals } from './refusals.ts';
import { sessionRoutes } from './session/routes.ts';

export { API_BASE_PATH };

const API_VERSION = '1.0.0';
/**
 * When to try again after the database could not be reached or was stopping or starting (a restart of
 * PostgreSQL takes a few seconds, and the pool opens a new connection at the next request), or stopped a
 * statement that waited too long for a lock.
 */
const DATABASE_RETRY_AFTER_SECONDS = 5;
/** No request the API answers needs more; larger bodies are refused before they are read. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How Hono's validator refuses a JSON body it cannot parse (an HTTPException with only this English text). */
const UNREADABLE_JSON = 'Malformed JSON in request body';

export interface ApiOptions {
  db: Kysely<Database>;
  /** Where requests and unexpected errors are logged; silent when not given. */
  logger?: Logger;
  /** Called with unexpected errors after they are logged (tests make them fail loudly). */
  onError?: (error: unknown) => void;
  /** The time (tests move it to see sessions expire). */
  clock?: () => Date;
  /** Take the client's address from X-Forwarded-For, the last entry (only behind a reverse proxy that adds it). */
  trustProxy?: boolean;
  /** The identity provider to log in through, besides passwords (none when not given). */
  oidc?: OidcConfig | undefined;
  /** What TOTP secrets are sealed with; by default a key of this API only (tests), the server passes its kept one. */
  totpKey?: TotpSecretKey | undefined;
  /** Renderings of public letters one address may ask for per minute without a session (60 by default). */
  anonymousRenderingsPerMinute?: number;
  /** How to send e-mail notifications (none when not given). */
  mail?: { mailer: Mailer; siteAddress: string } | undefined;
  /** The site's public address (SITE_ADDRESS) for the open data catalogue; by default the request's. */
  siteAddress?: string | undefined;
}

/** The JSON API, to be mounted at /api/v1. */
export function createApi({
  db,
  logger = createLogger({ level: 'silent' }),
  onError,
  clock = () => new Date(),
  trustProxy = false,
  oidc,
  totpKey = temporaryTotpSecretKey(),
  anonymousRenderingsPerMinute = 60,
  mail,
  siteAddress,
}: ApiOptions) {
  const api = new OpenAPIHono<ApiEnv>();
  const notifyWaiting =
    mail &&
    ((letterId: string, since: Date) =>
      void notifyWhatWaits(db, mail.mailer, letterId, since, mail.siteAddress).catch((error: unknown) =>
        logger.warn({ err: loggableError(error), letterId }, 'notification not sent'),
      ));
  const deps = { db, clock, trustProxy, oidc: oidc && oidcLogin(oidc), totpKey, anonymousRenderingsPerMinute, notifyWaiting, siteAddress };
  // Paths as the API sees them, whether it is mounted at /api/v1 or called directly (tests).
  const apiPath = (c: { req: { path: string } }) => c.req.path.replace(/^\/api\/v1(?=\/|$)/, '');

  api.use(requestId());
  api.use(async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    setAnswerHeader(c, 'API-Version', API_VERSION);
    logger.info({
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      actor: c.get('principal')?.username ?? null,
    }, 'request');
  });
  api.use(defaultCaching(apiPath));
  api.use(recordRefusals());
  const defaultBodyLimit = limitBody({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c, 413) });
  // A file to import is larger than any other request. A GET or HEAD is handed on without a body whatever
  // the client sent, so there is nothing to limit, and asking for its body would make a request object for it.
  api.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (IMPORT_UPLOAD_PATHS.has(apiPath(c)) ? importBodyLimit : defaultBodyLimit)(c, next);
  });
  api.use(authenticate(apiPath));
  api.use(refuseCrossSiteWrites());
  api.use(notifyAfterLetterSteps(apiPath));

  api.route('/', sessionRoutes());
  api.route('/', deliveriesRoutes());
  api.route('/', figuresRoutes());
  api.route('/', accountsRoutes());
  api.route('/', auditRoutes());
  api.route('/', disclosureRoutes());
  api.route('/', lettersRoutes());
  api.route('/', publicRoutes());
  api.route('/', epfRoutes());
  api.route('/', budgetRoutes());
  api.route('/', industryRoutes());
  api.route('/', trainingRoutes());
  api.route('/', readinessRoutes());
  api.route('/', exportControlRoutes());
  api.route('/', importRoutes());
  api.route('/', exportRoutes());

  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'steunregister_session',
    description: 'Set by POST /session (password) or by the OpenID Connect callback',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Steunregister API',
      version: API_VERSION,
      description:
        'The register of military support deliveries, their money, and the figures of the letter to parliament. ' +
        'Amounts are exact integer euro cents; dates are calendar dates (YYYY-MM-DD). ' +
        'Every operation except the session and public ones needs a session (POST /session); ' +
        'x-permission names the action the role must be allowed, and x-audit-action, where given, the action the audit trail ' +
        'records an allowed request under. An operation refuses a query parameter it does not name, ' +
        'unless x-foreign-parameters says why it takes them.',
      contact: { name: 'Steunregister' },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: API_BASE_PATH }],
  });

  api.notFound((c) => problem(c, 404));
  api.onError((error, c) => {
    if (error instanceof ValidationError) return problem(c, 400, { invalidParams: invalidParams(c, error.violations) });
    if (error instanceof UnconfirmedWarningsError) {
      return problem(c, 422, { code: 'confirmationRequired', detail: reason(answerLanguage(c), 'confirmationRequired'), invalidParams: invalidParams(c, error.warnings) });
    }
    if (error instanceof NotFoundError) return problem(c, 404, { detail: reason(answerLanguage(c), 'recordNotFound', { record: error.resource, id: error.id }) });
    if (error instanceof VersionConflictError) {
      c.header('ETag', `"${error.currentVersion}"`);
      return problem(c, 412);
    }
    if (error instanceof HTTPException && error.message === UNREADABLE_JSON) return problem(c, 400, { invalidParams: invalidParams(c, [{ field: 'body', code: 'malformedJson' }]) });
    if (error instanceof HTTPException && error.status < 500) return problem(c, error.status, { detail: error.message });
    // Each amount has its ceiling, but enough of them at it add up to more than a number holds exactly.
    if (error instanceof MoneyError) {
      logger.warn({ requestId: c.get('requestId'), err: loggableError(error) }, 'a total beyond exact numbers');
      return problem(c, 409, { code: 'totalBeyondExactNumbers', detail: reason(answerLanguage(c), 'totalBeyondExactNumbers') });
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ requestId: c.get('requestId'), err: loggableError(error) }, 'the database is unavailable');
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return problem(c, 503, { code: 'databaseUnavailable', detail: reason(answerLanguage(c), 'databaseUnavailable') });
    }
    if (isDatabaseBusy(error)) {
      logger.warn({ requestId: c.get('requestId'), err: loggableError(error) }, 'the database stopped a statement that waited for a lock or ran too long');
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      return problem(c, 503, { code: 'databaseBusy', detail: reason(answerLanguage(c), 'databaseBusy') });
    }
    logger.error({ requestId: c.get('requestId'), err: loggableError(error) }, 'unexpected error');
    onError?.(error);
    return problem(c, 500);
  });

  return api;
}
