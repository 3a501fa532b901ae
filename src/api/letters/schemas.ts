import { createRoute, z } from '@hono/zod-openapi';
import { LETTER_STATUSES } from '../../domain/letter.ts';
import { LetterComparisonSchema } from '../../letters/compare.ts';
import { NarrativeBlockSchema } from '../../letters/narrative.ts';
import { ANNEX_FORMATS, LETTER_FORMATS } from '../../letters/renderings.ts';
import { PublicLetterSnapshotSchema } from '../../letters/snapshot.ts';
import { permitted } from '../access.ts';
import { ifMatchHeader } from '../if-match.ts';
import { idempotencyKey, isoDate, jsonBody, jsonContent as json, multilineText, problemResponses, safeText } from '../openapi-common.ts';

const idParam = z.object({ id: safeText(100).openapi({ param: { name: 'id', in: 'path' } }) });
const letterFormatParams = idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });
const annexFormatParams = idParam.extend({ format: z.enum(ANNEX_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });

// The letter's own schemas, named for the OpenAPI document. They are built on the same shapes, because a
// schema made before the OpenAPI extension was loaded (the letter modules do not depend on it) has no
// `.openapi()` of its own.
const BlockSchema = z
  .strictObject({ ...NarrativeBlockSchema.shape, key: safeText(100).min(1), heading: safeText(300).nullable(), text: multilineText(50_000) })
  .openapi('NarrativeBlock');
/** The public letter exactly as sent (or, for a draft, as it would be sent now). */
export const PublicLetterSnapshotResponse = z.object(PublicLetterSnapshotSchema.shape).openapi('PublicLetterSnapshot');
export const LetterComparisonResponse = z.object(LetterComparisonSchema.shape).openapi('LetterComparison');

const letterStatus = z.enum(LETTER_STATUSES);

export const LetterSchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate.nullable(),
    status: letterStatus,
    version: z.number().int(),
    blocks: z.array(BlockSchema).openapi({ description: 'The editable text: `{{name}}` places a computed figure, `[^text]` a footnote' }),
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    publicSha256: z.string().nullable(),
    annexSha256: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    finalisedByName: z.string().nullable(),
    isDemonstration: z.boolean(),
    letter: PublicLetterSnapshotResponse.openapi({ description: 'The public letter: computed now for a draft, as frozen once final' }),
    problems: z.array(z.string()).openapi({ description: 'What keeps a draft from being finalised' }),
    approval: z
      .object({ sha256: z.string(), byName: z.string(), at: z.string(), matchesCurrent: z.boolean() })
      .nullable()
      .openapi({ description: "The disclosure officer's approval of the public letter; finalising needs one that matches the letter as it reads now" }),
  })
  .openapi('Letter');

const LetterSummarySchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate.nullable(),
    previousLetterId: z.uuid().nullable(),
    status: letterStatus,
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    publicSha256: z.string().nullable(),
    annexSha256: z.string().nullable(),
    createdByName: z.string(),
    createdAt: z.string(),
    finalisedByName: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    approvedSha256: z.string().nullable(),
    approvedByName: z.string().nullable(),
    approvedAt: z.string().nullable(),
    isDemonstration: z.boolean(),
    version: z.number().int(),
  })
  .openapi('LetterSummary');

const NewDraftSchema = z.strictObject({ referenceDate: isoDate, letterDate: isoDate.nullable().optional() });
const DraftChangeSchema = z.strictObject({ blocks: z.array(BlockSchema).max(50).optional(), letterDate: isoDate.nullable().optional() });
const FinalisationSchema = z.strictObject({ letterDate: isoDate.optional() });
const PublicationSchema = z.strictObject({ paperNumber: safeText(100).min(1).nullable(), publishedOn: isoDate.nullable() });
const ComparisonQuery = z.object({ from: safeText(100), to: safeText(100) });

const VerificationSchema = z
  .object({ ok: z.boolean(), hashesMatch: z.boolean(), differences: z.array(z.object({ figure: z.string(), published: z.number(), recomputed: z.number() })) })
  .openapi('LetterVerification');

export const listRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters',
    tags: ['letters'],
    summary: 'The letters, drafts and final, newest reference date first',
    responses: { 200: json(z.object({ items: z.array(LetterSummarySchema) }), 'The letters'), ...problemResponses(401, 403) },
  }),
);

export const createLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters',
    tags: ['letters'],
    summary: 'Start a draft letter for a reference date (its text is the previous letter’s)',
    request: { headers: idempotencyKey, ...jsonBody(NewDraftSchema) },
    responses: { 201: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getLetterRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'A letter with its figures, text and public overview',
    request: { params: idParam },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(401, 403, 404) },
  }),
);

export const patchLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'patch',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'Change the text or the date of a draft',
    request: {
      params: idParam,
      headers: ifMatchHeader,
      ...jsonBody(DraftChangeSchema),
    },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const finaliseRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/finalisation',
    tags: ['letters'],
    summary: 'Finalise: freeze every figure and list with its SHA-256; the letter can no longer change',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(FinalisationSchema) },
    responses: { 200: json(LetterSchema, 'The final letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const approvalRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/letters/{id}/approval',
    tags: ['letters'],
    summary: 'Approve the public letter as it reads now (its figures disclose aggregates); needed to finalise it',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 200: json(LetterSchema, 'The approved draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const publicationRoute = createRoute(
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

export const verificationRoute = createRoute(
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

export const renderingRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}/renderings/{format}',
    tags: ['letters'],
    summary: 'The public letter as it will look (a draft is marked as such on every page)',
    request: { params: letterFormatParams },
    responses: { 200: { description: 'The rendering' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

export const annexRoute = createRoute(
  permitted('annex.read', {
    method: 'get',
    path: '/letters/{id}/annex/{format}',
    tags: ['letters'],
    summary: 'The confidential annex, marked on every page and watermarked with the reader and the time; every opening is recorded',
    request: { params: annexFormatParams },
    responses: { 200: { description: 'The annex' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

export const comparisonRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/comparison',
    tags: ['letters'],
    summary: 'Compare two letters: how each figure moved, what became public, what was restated',
    request: { query: ComparisonQuery },
    responses: { 200: json(LetterComparisonResponse, 'The comparison'), ...problemResponses(400, 401, 403, 404) },
  }),
);
