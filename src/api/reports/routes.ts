import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { annexDocument, letterDocument } from '../../reports/compose.ts';
import { ANNEX_FORMATS, LETTER_FORMATS, renderAnnex, renderLetter } from '../../reports/renderings.ts';
import { allowFramingBySelf } from '../../security-headers.ts';
import * as reports from '../../register/reports.ts';
import { permitted } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { createOnce } from '../idempotency.ts';
import { versionInIfMatch } from '../if-match.ts';
import { idempotencyKey, isoDate, jsonBody, jsonContent as json, problemResponses, validationHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import { LETTER_STYLESHEET_PATH, sendRendering } from '../public/routes.ts';

const idParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const ifMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'Required: the ETag of the version the change is based on' }) });

const BlockSchema = z.strictObject({ key: z.string().min(1).max(100), heading: z.string().max(300).nullable(), text: z.string().max(50_000) });

const ReportSchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate.nullable(),
    status: z.enum(['draft', 'final']),
    version: z.number().int(),
    blocks: z.array(BlockSchema).openapi({ description: 'The editable text: `{{name}}` places a computed figure, `[^text]` a footnote' }),
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    publicSha256: z.string().nullable(),
    annexSha256: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    finalisedByName: z.string().nullable(),
    isDemonstration: z.boolean(),
    letter: z.unknown().openapi({ description: 'The public letter: computed now for a draft, as frozen once final' }),
    problems: z.array(z.string()).openapi({ description: 'What keeps a draft from being finalised' }),
    approval: z
      .object({ sha256: z.string(), byName: z.string(), at: z.string(), matchesCurrent: z.boolean() })
      .nullable()
      .openapi({ description: "The disclosure officer's approval of the public letter; finalising needs one that matches the letter as it reads now" }),
  })
  .openapi('Report');

const ReportSummarySchema = z.object({
  id: z.uuid(),
  referenceDate: isoDate,
  letterDate: isoDate.nullable(),
  status: z.enum(['draft', 'final']),
  paperNumber: z.string().nullable(),
  publishedOn: isoDate.nullable(),
  publicSha256: z.string().nullable(),
  version: z.number().int(),
});

const listRoute = createRoute(
  permitted('report.read', {
    method: 'get',
    path: '/reports',
    tags: ['reports'],
    summary: 'The letters, drafts and final, newest reference date first',
    responses: { 200: json(z.object({ items: z.array(ReportSummarySchema) }), 'The letters'), ...problemResponses(401, 403) },
  }),
);

const createReportRoute = createRoute(
  permitted('report.write', {
    method: 'post',
    path: '/reports',
    tags: ['reports'],
    summary: 'Start a draft letter for a reference date (its text is the previous letter’s)',
    request: { headers: idempotencyKey, ...jsonBody(z.strictObject({ referenceDate: isoDate, letterDate: isoDate.nullable().optional() })) },
    responses: { 201: json(ReportSchema, 'The draft'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

const getReportRoute = createRoute(
  permitted('report.read', {
    method: 'get',
    path: '/reports/{id}',
    tags: ['reports'],
    summary: 'A letter with its figures, text and public overview',
    request: { params: idParam },
    responses: { 200: json(ReportSchema, 'The letter'), ...problemResponses(401, 403, 404) },
  }),
);

const patchReportRoute = createRoute(
  permitted('report.write', {
    method: 'patch',
    path: '/reports/{id}',
    tags: ['reports'],
    summary: 'Change the text or the date of a draft',
    request: {
      params: idParam,
      headers: ifMatch,
      ...jsonBody(z.strictObject({ blocks: z.array(BlockSchema).max(50).optional(), letterDate: isoDate.nullable().optional() })),
    },
    responses: { 200: json(ReportSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

const finaliseRoute = createRoute(
  permitted('report.write', {
    method: 'post',
    path: '/reports/{id}/finalisation',
    tags: ['reports'],
    summary: 'Finalise: freeze every figure and list with its SHA-256; the letter can no longer change',
    request: { params: idParam, headers: ifMatch, ...jsonBody(z.strictObject({ letterDate: isoDate.optional() })) },
    responses: { 200: json(ReportSchema, 'The final letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

const approvalRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/reports/{id}/approval',
    tags: ['reports'],
    summary: 'Approve the public letter as it reads now (its figures disclose aggregates); needed to finalise it',
    request: { params: idParam, headers: ifMatch },
    responses: { 200: json(ReportSchema, 'The approved draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

const publicationRoute = createRoute(
  permitted('report.write', {
    method: 'post',
    path: '/reports/{id}/publication',
    tags: ['reports'],
    summary: 'Record what parliament assigned after sending: the paper number and the publication date',
    request: {
      params: idParam,
      ...jsonBody(z.strictObject({ paperNumber: z.string().min(1).max(100).nullable(), publishedOn: isoDate.nullable() })),
    },
    responses: { 200: json(ReportSchema, 'The letter'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

const verificationRoute = createRoute(
  permitted('report.read', {
    method: 'get',
    path: '/reports/{id}/verification',
    tags: ['reports'],
    summary: 'Check a final letter: its hashes, and every figure recomputed from the register at its reference date',
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ ok: z.boolean(), hashesMatch: z.boolean(), differences: z.array(z.object({ figure: z.string(), published: z.number(), recomputed: z.number() })) }),
        'The verification',
      ),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
);

const renderingRoute = createRoute(
  permitted('report.read', {
    method: 'get',
    path: '/reports/{id}/renderings/{format}',
    tags: ['reports'],
    summary: 'The public letter as it will look (a draft is marked as such on every page)',
    request: { params: idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) }) },
    responses: { 200: { description: 'The rendering' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

const annexRoute = createRoute(
  permitted('annex.read', {
    method: 'get',
    path: '/reports/{id}/annex/{format}',
    tags: ['reports'],
    summary: 'The confidential annex, marked on every page and watermarked with the reader and the time; every opening is recorded',
    request: { params: idParam.extend({ format: z.enum(ANNEX_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) }) },
    responses: { 200: { description: 'The annex' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

const comparisonRoute = createRoute(
  permitted('report.read', {
    method: 'get',
    path: '/reports/comparison',
    tags: ['reports'],
    summary: 'Compare two letters: how each figure moved, what became public, what was restated',
    request: { query: z.object({ from: z.string().max(100), to: z.string().max(100) }) },
    responses: { 200: json(z.unknown(), 'The comparison'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export function reportsRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const deps = (c: Context<ApiEnv>) => c.get('deps');
  const withEtag = (c: Context<ApiEnv>, view: reports.ReportView, status: 200 | 201 = 200) => {
    c.header('ETag', `"${view.version}"`);
    return c.json(view, status) as never;
  };

  // Before /reports/{id}, which would otherwise take "comparison" for an id.
  app.openapi(comparisonRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json((await reports.compareReports(deps(c).db, from, to, deps(c).clock())) as never, 200);
  });

  app.openapi(listRoute, async (c) => c.json({ items: await reports.listReports(deps(c).db) }, 200) as never);

  app.openapi(createReportRoute, async (c) => {
    const body = c.req.valid('json');
    const response = await createOnce(c, deps(c).db, body, async (trx) => {
      const view = await reports.createDraft(trx, requestContext(c), body);
      return { status: 201, headers: { Location: `${c.req.path}/${view.id}`, ETag: `"${view.version}"` }, body: view };
    });
    return response as never;
  });

  app.openapi(getReportRoute, async (c) => withEtag(c, await reports.getReport(deps(c).db, c.req.valid('param').id, deps(c).clock())));

  app.openapi(patchReportRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    const view = await reports.updateDraft(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json'));
    return withEtag(c, view);
  });

  app.openapi(finaliseRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    const view = await reports.finalise(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json').letterDate);
    return withEtag(c, view);
  });

  app.openapi(approvalRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428) as never;
    return withEtag(c, await reports.approve(deps(c).db, requestContext(c), c.req.valid('param').id, version));
  });

  app.openapi(publicationRoute, async (c) => {
    const view = await reports.recordPublication(deps(c).db, requestContext(c), c.req.valid('param').id, c.req.valid('json'));
    return withEtag(c, view);
  });

  app.openapi(verificationRoute, async (c) => c.json(await reports.verifyReport(deps(c).db, c.req.valid('param').id), 200));

  app.openapi(renderingRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const view = await reports.getReport(deps(c).db, id, deps(c).clock());
    const doc = letterDocument(view.letter, { paperNumber: view.paperNumber, isDraft: view.status === 'draft' });
    const createdAt = view.status === 'final' && view.letterDate ? new Date(`${view.letterDate}T00:00:00Z`) : undefined;
    const rendering = await renderLetter(doc, format, { stylesheetHref: LETTER_STYLESHEET_PATH, ...(createdAt ? { createdAt } : {}) });
    // The letter editor shows the HTML rendering as its preview: the letter exactly as it will be sent.
    if (format === 'html') allowFramingBySelf(c);
    return sendRendering(c, rendering, `leveringenbrief-${view.referenceDate}${view.status === 'draft' ? '-concept' : ''}`) as never;
  });

  app.openapi(annexRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const principal = c.get('principal')!;
    const annex = await reports.openAnnex(deps(c).db, requestContext(c), id);
    const doc = annexDocument(annex, { name: principal.displayName || principal.username, username: principal.username }, deps(c).clock());
    const rendering = await renderAnnex(doc, format, { stylesheetHref: LETTER_STYLESHEET_PATH });
    c.header('Cache-Control', 'no-store');
    return sendRendering(c, rendering, `vertrouwelijke-bijlage-${annex.referenceDate}`) as never;
  });

  return app;
}
