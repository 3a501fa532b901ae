import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.ts';
import { openScratchPGlite } from '../support/scratch-database.ts';
import { apiClient } from './client.ts';

describe('the OpenAPI description', () => {
  let database: DatabaseHandle;
  let document: any;
  beforeAll(async () => {
    database = (await openScratchPGlite()).handle;
    const response = await apiClient(database.db)('GET', '/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => database.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('follows the Dutch API Design Rules: contact, kebab-case paths, camelCase query keys', () => {
    expect(document.info.contact?.name).toBeTruthy();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/deliveries', '/deliveries/{id}', '/deliveries/{id}/valuations', '/deliveries/{id}/payments', '/figures', '/figures/series']),
    );
    for (const path of Object.keys(document.paths)) {
      expect(path).toMatch(/^(\/([a-z0-9]+(-[a-z0-9]+)*|\{[a-zA-Z]+\}))+$/);
    }
    const queryKeys = Object.values(document.paths).flatMap((operations: any) =>
      Object.values(operations).flatMap((operation: any) =>
        (operation.parameters ?? []).filter((parameter: any) => parameter.in === 'query').map((parameter: any) => parameter.name),
      ),
    );
    expect(queryKeys.length).toBeGreaterThan(0);
    // The identity provider's redirect carries the parameters OAuth 2.0 names (RFC 6749, RFC 9207).
    const oauthKeys = new Set(['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state']);
    for (const key of queryKeys.filter((key) => !oauthKeys.has(key))) expect(key).toMatch(/^[a-z]+([A-Z][a-z0-9]*)*$/);
  });

  it('describes every refusal as application/problem+json', () => {
    for (const operations of Object.values(document.paths) as any[]) {
      for (const operation of Object.values(operations) as any[]) {
        const refusals = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
        // Anything that takes input or needs a permission can be refused, and says how.
        if (operation.requestBody || operation.parameters?.length || operation['x-permission']) expect(refusals.length).toBeGreaterThan(0);
        for (const [, response] of refusals as [string, any][]) {
          expect(Object.keys(response.content)).toEqual(['application/problem+json']);
        }
      }
    }
  });
});
