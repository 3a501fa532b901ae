import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../register/errors.ts';
import { deliveriesRoutes } from './deliveries/routes.ts';
import { figuresRoutes } from './figures/routes.ts';
import { invalidParams, problem } from './problem.ts';

export const API_VERSION = '1.0.0';
/** No request the API answers needs more; larger bodies are refused before they are read. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiOptions {
  db: Kysely<Database>;
  /** Where unexpected errors are reported; the client only learns that something went wrong. */
  onError?: (error: unknown) => void;
}

/** The JSON API, to be mounted at /api/v1. */
export function createApi({ db, onError = (error) => console.error(error) }: ApiOptions) {
  const api = new OpenAPIHono();

  api.use(async (c, next) => {
    await next();
    c.header('API-Version', API_VERSION);
  });
  api.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c, 413) }));

  api.route('/', deliveriesRoutes(db));
  api.route('/', figuresRoutes(db));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Steunregister API',
      version: API_VERSION,
      description:
        'The register of military support deliveries, their money, and the figures of the letter to parliament. ' +
        'Amounts are exact integer euro cents; dates are calendar dates (YYYY-MM-DD).',
      contact: { name: 'Steunregister' },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: '/api/v1' }],
  });

  api.notFound((c) => problem(c, 404));
  api.onError((error, c) => {
    if (error instanceof ValidationError) return problem(c, 400, { invalidParams: invalidParams(c, error.violations) });
    if (error instanceof NotFoundError) return problem(c, 404, { detail: `${error.resource} ${error.id}` });
    if (error instanceof VersionConflictError) {
      c.header('ETag', `"${error.currentVersion}"`);
      return problem(c, 412);
    }
    if (error instanceof HTTPException && error.status < 500) return problem(c, error.status, { detail: error.message });
    onError(error);
    return problem(c, 500);
  });

  return api;
}
