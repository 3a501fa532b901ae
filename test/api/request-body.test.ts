/**
 * A request's body as the server reads it over HTTP, through Node's adapter: limited by its Content-Length
 * where it has one and counted where it is sent in chunks, checked as UTF-8 and for keys named twice, and
 * then taken by the route as it was sent. The in-process client of the other API tests builds web Requests,
 * which carry no Content-Length; these requests come as a browser's do.
 */
import { Agent, request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { stockDelivery } from '../support/deliveries.ts';

const ONE_MEBIBYTE = 1024 * 1024;

describe('a request body read over HTTP', () => {
  let scratch: ScratchDatabase;
  let server: Server;
  let cookie: string;

  beforeAll(async () => {
    scratch = await openScratchPGlite();
    cookie = await sessionCookieFor(scratch.handle.db, 'registrar');
    const api = createApi({ db: scratch.handle.db, onError: (error) => { throw error; } });
    server = createServer(getRequestListener(new Hono().route('/api/v1', api).fetch));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await scratch?.dispose();
  });

  /** A create sent with its length declared, or in chunks without one. */
  function post(body: Buffer, sent: 'withLength' | 'inChunks', agent: Agent | false = false): Promise<{ status: number; body: Record<string, unknown> }> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const headers = { cookie, 'content-type': 'application/json', ...(sent === 'withLength' ? { 'content-length': String(body.length) } : {}) };
      const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/deliveries', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      });
      request.on('error', reject);
      if (sent === 'inChunks') {
        for (let start = 0; start < body.length; start += 64 * 1024) request.write(body.subarray(start, start + 64 * 1024));
      } else request.write(body);
      request.end();
    });
  }

  const deliveries = async () => Number((await scratch.handle.db.selectFrom('delivery').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));

  it.each(['withLength', 'inChunks'] as const)('refuses a body over a mebibyte (%s) with 413, and creates nothing', async (sent) => {
    const before = await deliveries();
    const answer = await post(json({ ...stockDelivery, description: 'x'.repeat(ONE_MEBIBYTE) }), sent);
    expect(answer.status).toBe(413);
    expect(await deliveries()).toBe(before);
  });

  it('refuses a body over the limit by its declared length, leaving the connection for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await post(json({ ...stockDelivery, description: 'x'.repeat(ONE_MEBIBYTE) }), 'withLength', agent)).status).toBe(413);
      expect((await post(json(stockDelivery), 'withLength', agent)).status).toBe(201);
    } finally {
      agent.destroy();
    }
  });

  it.each(['withLength', 'inChunks'] as const)('stores what was sent (%s), a byte order mark before the JSON left out as a text of JSON leaves it out', async (sent) => {
    const title = 'Pantservoertuigen voor Oekraïne — “partij 2”';
    for (const body of [json({ ...stockDelivery, title }), Buffer.concat([Buffer.from('\ufeff'), json({ ...stockDelivery, title })])]) {
      const answer = await post(body, sent);
      expect(answer.status).toBe(201);
      expect(answer.body.title).toBe(title);
      const stored = await scratch.handle.db.selectFrom('delivery').select('title').where('id', '=', answer.body.id as string).executeTakeFirstOrThrow();
      expect(stored.title).toBe(title);
    }
  });

  it('still refuses broken UTF-8 and a key named twice, creating nothing', async () => {
    const before = await deliveries();
    const latin1 = Buffer.from(JSON.stringify({ ...stockDelivery, title: 'Oekraïne' }), 'latin1');
    expect(await post(latin1, 'withLength')).toMatchObject({ status: 400, body: { invalidParams: [{ name: 'body', code: 'bodyNotUtf8' }] } });
    const twice = Buffer.from(`{"title":"A",${JSON.stringify(stockDelivery).slice(1)}`);
    expect(await post(twice, 'withLength')).toMatchObject({ status: 400, body: { invalidParams: [{ name: 'title', code: 'duplicateKey' }] } });
    expect(await deliveries()).toBe(before);
  });
});
