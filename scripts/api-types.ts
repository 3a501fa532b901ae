/**
 * The browser's API types, generated from the OpenAPI document the server builds, so that the browser
 * and the API share one contract. `npm run api:types` writes them; a test fails when they are stale.
 */
import { writeFile } from 'node:fs/promises';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import openapiTS, { astToString, COMMENT_HEADER, UNKNOWN } from 'openapi-typescript';
import { createApi } from '../src/api/app.ts';
import type { Database } from '../src/db/schema.ts';

export const API_TYPES_FILE = new URL('../web/src/api/generated/openapi.ts', import.meta.url);

/** Describing the API runs no query, so it is built over a database that only compiles SQL. */
function databaseThatRunsNothing(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** The OpenAPI document as the API serves it at /api/v1/openapi.json, as JSON text. */
async function openApiDocument(): Promise<string> {
  const response = await createApi({ db: databaseThatRunsNothing() }).request('/openapi.json');
  if (!response.ok) throw new Error(`the API did not describe itself: HTTP ${response.status}`);
  return response.text();
}

const JSON_VALUE_SCHEMA = '#/components/schemas/JsonValue';

export async function generateApiTypes(): Promise<string> {
  // A field with a default may be left out of a request, so it stays optional in the types.
  const nodes = await openapiTS(await openApiDocument(), {
    defaultNonNullable: false,
    silent: true,
    // A recursive schema cannot be a property of the generated interface (TS2502): any JSON value is unknown.
    transform: (_schema, { path }) => (path === JSON_VALUE_SCHEMA ? UNKNOWN : undefined),
  });
  return `${COMMENT_HEADER.replace(' */', ' * Regenerate it with `npm run api:types`.\n */')}${astToString(nodes)}`;
}

if (import.meta.main) {
  await writeFile(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${API_TYPES_FILE.pathname}`);
}
