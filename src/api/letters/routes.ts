import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { annexDocument, letterDocument } from '../../letters/compose.ts';
import { renderAnnex, renderLetter } from '../../letters/renderings.ts';
import { allowFramingBySelf } from '../../security-headers.ts';
import * as letters from '../../register/letters.ts';
import { permitted } from '../access.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { versionInIfMatch } from '../if-match.ts';
import { idempotencyKey, jsonBody, jsonContent as json, problemResponses, validationHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import { LETTER_STYLESHEET_PATH, sendRendering } from '../renderings.ts';
import {
  annexFormatParams,
  ComparisonQuery,
  DraftChangeSchema,
  FinalisationSchema,
  idParam,
  ifMatch,
  LetterComparisonResponse,
  LetterSchema,
  LetterSummarySchema,
  letterFormatParams,
  NewDraftSchema,
  PublicationSchema,
  VerificationSchema,
} from './schemas.ts';

const listRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters',
    tags: ['letters'],
    summary: 'The letters, drafts and final, newest reference date first',
    responses: { 200: json(z.object({ items: z.array(LetterSummarySchema) }), 'The letters'), ...problemResponses(401, 403) },
  }),
);

const createLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters',
    tags: ['letters'],
    summary: 'Start a draft letter for a reference date (its text is the previous letter’s)',
    request: { headers: idempotencyKey, ...jsonBody(NewDraftSchema) },
    responses: { 201: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

const getLetterRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'A letter with its figures, text and public overview',
    request: { params: idParam },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(401, 403, 404) },
  }),
);

const patchLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'patch',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'Change the text or the date of a draft',
    request: {
      params: idParam,
      headers: ifMatch,
      ...jsonBody(DraftChangeSchema),
    },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

const finaliseRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/finalisation',
    tags: ['letters'],
    summary: 'Finalise: freeze every figure and list with its SHA-256; the letter can no longer change',
    request: { params: idParam, headers: ifMatch, ...jsonBody(FinalisationSchema) },
    responses: { 200: json(LetterSchema, 'The final letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

const approvalRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/letters/{id}/approval',
    tags: ['letters'],
    summary: 'Approve the public letter as it reads now (its figures disclose aggregates); needed to finalise it',
    request: { params: idParam, headers: ifMatch },
    responses: { 200: json(LetterSchema, 'The approved draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

const publicationRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/publication',
    tags: ['letters'],
    summary: 'Record what parliament assigned after sending: the paper number and the publication date',
    request: {
      params: idParam,
      ...jsonBody(PublicationSchema),
    },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

const verificationRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}/verification',
    tags: ['letters'],
    summary: 'Check a final letter: its hashes, and every figure recomputed from the register at its reference date',
    request: { params: idParam },
    responses: {
      200: json(VerificationSchema, 'The verification'),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
);

const renderingRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}/renderings/{format}',
    tags: ['letters'],
    summary: 'The public letter as it will look (a draft is marked as such on every page)',
    request: { params: letterFormatParams },
    responses: { 200: { description: 'The rendering' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

const annexRoute = createRoute(
  permitted('annex.read', {
    method: 'get',
    path: '/letters/{id}/annex/{format}',
    tags: ['letters'],
    summary: 'The confidential annex, marked on every page and watermarked with the reader and the time; every opening is recorded',
    request: { params: annexFormatParams },
    responses: { 200: { description: 'The annex' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

const comparisonRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/comparison',
    tags: ['letters'],
    summary: 'Compare two letters: how each figure moved, what became public, what was restated',
    request: { query: ComparisonQuery },
    responses: { 200: json(LetterComparisonResponse, 'The comparison'), ...problemResponses(400, 401, 403, 404) },
  }),
);

export function lettersRoutes() {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  const deps = (c: Context<ApiEnv>) => c.get('deps');
  const withEtag = (c: Context<ApiEnv>, view: letters.LetterView) => {
    c.header('ETag', `"${view.version}"`);
    return c.json(view, 200);
  };

  // Before /letters/{id}, which would otherwise take "comparison" for an id.
  app.openapi(comparisonRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await letters.compareLetters(deps(c).db, from, to, deps(c).clock()), 200);
  });

  app.openapi(listRoute, async (c) => c.json({ items: await letters.listLetters(deps(c).db) }, 200));

  app.openapi(createLetterRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: LetterSchema }, async (trx) => {
      const view = await letters.createDraft(trx, requestContext(c), body);
      return { headers: { Location: `${c.req.path}/${view.id}`, ETag: `"${view.version}"` }, body: view };
    });
  });

  app.openapi(getLetterRoute, async (c) => withEtag(c, await letters.getLetter(deps(c).db, c.req.valid('param').id, deps(c).clock())));

  app.openapi(patchLetterRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const view = await letters.updateDraft(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json'));
    return withEtag(c, view);
  });

  app.openapi(finaliseRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const view = await letters.finalise(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json').letterDate);
    return withEtag(c, view);
  });

  app.openapi(approvalRoute, async (c) => {
    const version = versionInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    return withEtag(c, await letters.approve(deps(c).db, requestContext(c), c.req.valid('param').id, version));
  });

  app.openapi(publicationRoute, async (c) => {
    const view = await letters.recordPublication(deps(c).db, requestContext(c), c.req.valid('param').id, c.req.valid('json'));
    return withEtag(c, view);
  });

  app.openapi(verificationRoute, async (c) => c.json(await letters.verifyLetter(deps(c).db, c.req.valid('param').id), 200));

  app.openapi(renderingRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const view = await letters.getLetter(deps(c).db, id, deps(c).clock());
    const doc = letterDocument(view.letter, { paperNumber: view.paperNumber, isDraft: view.status === 'draft' });
    const createdAt = view.status === 'final' && view.letterDate ? new Date(`${view.letterDate}T00:00:00Z`) : undefined;
    const rendering = await renderLetter(doc, format, { stylesheetHref: LETTER_STYLESHEET_PATH, ...(createdAt ? { createdAt } : {}) });
    // The letter editor shows the HTML rendering as its preview: the letter exactly as it will be sent.
    if (format === 'html') allowFramingBySelf(c);
    return sendRendering(c, rendering, `leveringenbrief-${view.referenceDate}${view.status === 'draft' ? '-concept' : ''}`);
  });

  app.openapi(annexRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const principal = c.get('principal')!;
    const annex = await letters.openAnnex(deps(c).db, requestContext(c), id);
    const doc = annexDocument(annex, { name: principal.displayName || principal.username, username: principal.username }, deps(c).clock());
    const rendering = await renderAnnex(doc, format, { stylesheetHref: LETTER_STYLESHEET_PATH });
    c.header('Cache-Control', 'no-store');
    return sendRendering(c, rendering, `vertrouwelijke-bijlage-${annex.referenceDate}`);
  });

  return app;
}
