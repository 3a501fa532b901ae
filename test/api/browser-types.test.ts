/** The browser's API types are the API's own contract: generated from its OpenAPI document, never stale. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../scripts/api-types.ts';

describe("the browser's API types", () => {
  it('are what the OpenAPI document generates today', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'web/src/api/generated/openapi.ts is stale: run npm run api:types').toBe(true);
  });
});
