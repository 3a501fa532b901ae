import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { CATEGORIES, SUPPORT_TYPES } from '../../domain/delivery.ts';
import * as publicData from '../../db/repositories/public.ts';
import type { Database, PublicDatabase } from '../../db/schema.ts';
import { NotFoundError } from '../../register/errors.ts';
import { compareSnapshots } from '../../letters/compare.ts';
import { letterDocument } from '../../letters/compose.ts';
import { LETTER_CSS } from '../../letters/render/html.ts';
import { LETTER_FORMATS, renderLetter, type Rendering } from '../../letters/renderings.ts';
import type { PublicLetterSnapshot } from '../../letters/snapshot.ts';
import { API_BASE_PATH } from '../paths.ts';
import type { ApiEnv } from '../context.ts';
import { isoDate, jsonContent as json, problemResponses, validationHook } from '../openapi-common.ts';
import { toCsv } from './csv.ts';

/**
 * What anyone may read without logging in: the published letters and the public deliveries. These routes
 * see the database only as PublicDatabase (the public projection): no query here can name a table or
 * column that holds anything confidential or undecided.
 */
function publicView(db: Kysely<Database>): Kysely<PublicDatabase> {
  return db as unknown as Kysely<PublicDatabase>;
}

export const LETTER_STYLESHEET_PATH = `${API_BASE_PATH}/public/letter-stylesheet`;

const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const LetterLinksSchema = z.object({
  self: z.string(),
  snapshot: z.string().openapi({ description: 'The exact text whose SHA-256 is sha256' }),
  ...Object.fromEntries(LETTER_FORMATS.map((format) => [format, z.string()])),
});

const PublicLetterSchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate,
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    sha256: z.string().openapi({ description: 'SHA-256 of the letter as sent (its snapshot); anyone can check it' }),
    isDemonstration: z.boolean(),
    links: LetterLinksSchema,
  })
  .openapi('PublicLetter');

const PublicDeliverySchema = z
  .object({
    publicId: z.uuid(),
    title: z.string(),
    detail: z.string(),
    category: z.enum(CATEGORIES),
    supportType: z.enum(SUPPORT_TYPES),
    quantity: z.string().nullable(),
    decidedOn: isoDate,
    isDemonstration: z.boolean().openapi({ description: 'Demonstration data, not a real delivery' }),
  })
  .openapi('PublicDelivery');

const lettersRoute = createRoute({
  method: 'get',
  path: '/public/letters',
  tags: ['public'],
  summary: 'The letters sent to parliament, newest first, each with its reference date, hash and renderings',
  responses: { 200: json(z.object({ items: z.array(PublicLetterSchema) }), 'The letters') },
});

const letterRoute = createRoute({
  method: 'get',
  path: '/public/letters/{id}',
  tags: ['public'],
  summary: 'One letter: its figures, text and public overview as sent',
  request: { params: idParam },
  responses: { 200: json(PublicLetterSchema.extend({ letter: z.unknown() }), 'The letter'), ...problemResponses(404) },
});

const snapshotRoute = createRoute({
  method: 'get',
  path: '/public/letters/{id}/snapshot',
  tags: ['public'],
  summary: 'The letter exactly as hashed: its SHA-256 is the letter’s sha256',
  request: { params: idParam },
  responses: { 200: { content: { 'application/json': { schema: z.unknown() } }, description: 'The canonical JSON (RFC 8785)' }, ...problemResponses(404) },
});

const renderingRoute = createRoute({
  method: 'get',
  path: '/public/letters/{id}/renderings/{format}',
  tags: ['public'],
  summary: 'The letter as HTML, Markdown, DOCX or PDF',
  request: { params: idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) }) },
  responses: { 200: { description: 'The rendering' }, ...problemResponses(400, 404) },
});

const stylesheetRoute = createRoute({
  method: 'get',
  path: '/public/letter-stylesheet',
  tags: ['public'],
  summary: 'The stylesheet of the HTML letters',
  responses: { 200: { content: { 'text/css': { schema: z.string() } }, description: 'CSS' } },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/public/deliveries',
  tags: ['public'],
  summary: 'Open data: every delivery decided public, as the public may read it (JSON or CSV)',
  request: { query: z.object({ format: z.enum(['json', 'csv']).optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(PublicDeliverySchema) }) }, 'text/csv': { schema: z.string() } }, description: 'The public deliveries' },
    ...problemResponses(400),
  },
});

const figuresRoute = createRoute({
  method: 'get',
  path: '/public/figures',
  tags: ['public'],
  summary: 'Realised support per type as each letter published it',
  responses: {
    200: json(
      z.object({
        items: z.array(z.object({ letterId: z.uuid(), referenceDate: isoDate, lines: z.array(z.object({ key: z.string(), label: z.string(), cents: z.number().int() })) })),
      }),
      'The published figures',
    ),
  },
});

const comparisonRoute = createRoute({
  method: 'get',
  path: '/public/letter-comparison',
  tags: ['public'],
  summary: 'Compare two letters: how each figure moved, what became public, what was restated',
  request: { query: z.object({ from: z.uuid(), to: z.uuid() }) },
  responses: { 200: json(z.unknown(), 'The comparison'), ...problemResponses(400, 404) },
});

function links(id: string) {
  const self = `${API_BASE_PATH}/public/letters/${id}`;
  return {
    self,
    snapshot: `${self}/snapshot`,
    ...Object.fromEntries(LETTER_FORMATS.map((format) => [format, `${self}/renderings/${format}`])),
  };
}

export function sendRendering(c: Context, rendering: Rendering, filename: string): Response {
  const disposition = rendering.extension === 'html' ? 'inline' : `attachment; filename="${filename}.${rendering.extension}"`;
  return c.body(rendering.body as never, 200, { 'Content-Type': rendering.contentType, 'Content-Disposition': disposition });
}

export function publicRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const db = (c: Context<ApiEnv>) => publicView(c.get('deps').db);
  const letterOf = async (c: Context<ApiEnv>, id: string) => {
    const letter = await publicData.findPublicLetter(db(c), id);
    if (!letter) throw new NotFoundError('letter', id);
    return letter;
  };

  app.openapi(lettersRoute, async (c) => {
    const letters = await publicData.listPublicLetters(db(c));
    return c.json({ items: letters.map((letter) => ({ ...letter, links: links(letter.id) })) }, 200);
  });

  app.openapi(letterRoute, async (c) => {
    const { snapshot, ...letter } = await letterOf(c, c.req.valid('param').id);
    return c.json({ ...letter, links: links(letter.id), letter: JSON.parse(snapshot) as unknown }, 200);
  });

  app.openapi(snapshotRoute, async (c) => {
    const letter = await letterOf(c, c.req.valid('param').id);
    return c.body(letter.snapshot, 200, { 'Content-Type': 'application/json' }) as never;
  });

  app.openapi(renderingRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const letter = await letterOf(c, id);
    const snapshot = JSON.parse(letter.snapshot) as PublicLetterSnapshot;
    const doc = letterDocument(snapshot, { paperNumber: letter.paperNumber, isDraft: false });
    const rendering = await renderLetter(doc, format, { stylesheetHref: LETTER_STYLESHEET_PATH, createdAt: new Date(`${letter.letterDate}T00:00:00Z`) });
    return sendRendering(c, rendering, `leveringenbrief-${letter.referenceDate}`) as never;
  });

  app.openapi(stylesheetRoute, (c) => c.body(LETTER_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }) as never);

  app.openapi(deliveriesRoute, async (c) => {
    const items = await publicData.listPublicDeliveries(db(c));
    if (c.req.valid('query').format === 'csv') {
      const columns = ['publicId', 'title', 'detail', 'category', 'supportType', 'quantity', 'decidedOn', 'isDemonstration'] as const;
      const rows = items.map((item) => ({ ...item, isDemonstration: String(item.isDemonstration) }));
      return c.body(toCsv(columns, rows), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="openbare-leveringen.csv"',
      }) as never;
    }
    return c.json({ items } as never, 200);
  });

  app.openapi(figuresRoute, async (c) => {
    const snapshots = (await publicData.allPublicSnapshots(db(c))).map((text) => JSON.parse(text) as PublicLetterSnapshot);
    const items = snapshots
      .sort((a, b) => b.referenceDate.localeCompare(a.referenceDate))
      .map((snapshot) => ({
        letterId: snapshot.id,
        referenceDate: snapshot.referenceDate,
        lines: snapshot.figures.lines.map((line) => ({ key: line.key, label: line.label, cents: line.currentCents })),
      }));
    return c.json({ items }, 200);
  });

  app.openapi(comparisonRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const [a, b] = await Promise.all([letterOf(c, from), letterOf(c, to)]);
    const all = (await publicData.allPublicSnapshots(db(c))).map((text) => JSON.parse(text) as PublicLetterSnapshot);
    return c.json(compareSnapshots(JSON.parse(a.snapshot) as PublicLetterSnapshot, JSON.parse(b.snapshot) as PublicLetterSnapshot, all) as never, 200);
  });

  return app;
}
