import { z } from '@hono/zod-openapi';
import { PublicDeliverySchema } from '../../db/repositories/public.ts';
import { LETTER_FORMATS } from '../../letters/renderings.ts';
import { isoDate } from '../openapi-common.ts';
import { PublicLetterSnapshotResponse } from '../letters/schemas.ts';

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const formatParams = idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });

const LetterLinksSchema = z.object({
  self: z.string(),
  snapshot: z.string().openapi({ description: 'The exact text whose SHA-256 is sha256' }),
  ...Object.fromEntries(LETTER_FORMATS.map((format) => [format, z.string()])),
});

export const PublicLetterSchema = z
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

export const PublicLetterWithTextSchema = PublicLetterSchema.extend({ letter: PublicLetterSnapshotResponse }).openapi('PublicLetterWithText');

export const PublicDeliveryResponse = z.object(PublicDeliverySchema.shape).extend({
  isDemonstration: z.boolean().openapi({ description: 'Demonstration data, not a real delivery' }),
}).openapi('PublicDelivery');

export const DeliveriesQuery = z.object({ format: z.enum(['json', 'csv']).optional() });

export const PublishedFiguresSchema = z.object({
  items: z.array(
    z.object({ letterId: z.uuid(), referenceDate: isoDate, lines: z.array(z.object({ key: z.string(), label: z.string(), cents: z.number().int() })) }),
  ),
});

export const ComparisonQuery = z.object({ from: z.uuid(), to: z.uuid() });
