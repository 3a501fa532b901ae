import { z } from '@hono/zod-openapi';
import { LETTER_STATUSES } from '../../domain/letter.ts';
import { LetterComparisonSchema } from '../../letters/compare.ts';
import { NarrativeBlockSchema } from '../../letters/narrative.ts';
import { ANNEX_FORMATS, LETTER_FORMATS } from '../../letters/renderings.ts';
import { PublicLetterSnapshotSchema } from '../../letters/snapshot.ts';
import { isoDate } from '../openapi-common.ts';

export const idParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const letterFormatParams = idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });
export const annexFormatParams = idParam.extend({ format: z.enum(ANNEX_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });
export const ifMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'Required: the ETag of the version the change is based on' }) });

// The letter's own schemas, named for the OpenAPI document. They are built on the same shapes, because a
// schema made before the OpenAPI extension was loaded (the letter modules do not depend on it) has no
// `.openapi()` of its own.
const BlockSchema = z.strictObject(NarrativeBlockSchema.shape).openapi('NarrativeBlock');
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

export const LetterSummarySchema = z
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

export const NewDraftSchema = z.strictObject({ referenceDate: isoDate, letterDate: isoDate.nullable().optional() });
export const DraftChangeSchema = z.strictObject({ blocks: z.array(BlockSchema).max(50).optional(), letterDate: isoDate.nullable().optional() });
export const FinalisationSchema = z.strictObject({ letterDate: isoDate.optional() });
export const PublicationSchema = z.strictObject({ paperNumber: z.string().min(1).max(100).nullable(), publishedOn: isoDate.nullable() });
export const ComparisonQuery = z.object({ from: z.string().max(100), to: z.string().max(100) });

export const VerificationSchema = z
  .object({ ok: z.boolean(), hashesMatch: z.boolean(), differences: z.array(z.object({ figure: z.string(), published: z.number(), recomputed: z.number() })) })
  .openapi('LetterVerification');
