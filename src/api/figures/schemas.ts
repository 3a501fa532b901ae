import { createRoute, z } from '@hono/zod-openapi';
import { SUPPORT_TYPES } from '../../domain/delivery.ts';
import { permitted } from '../access.ts';
import { isoDate, jsonContent as json, problemResponses } from '../openapi-common.ts';

/** A sum over the register: a JSON integer of exact digits, which may pass 2^53 (see common/exact-json.ts). */
const totalCents = z.number().int().openapi({
  description: 'Euro cents, exact: a sum may pass 2^53, so read it from its digits (e.g. a JSON.parse reviver using context.source)',
});

const cell = z.object({ cents: totalCents, text: z.string().openapi({ example: '€ 2,4 mld.' }) });
const line = {
  label: z.string(),
  reference: cell,
  compare: cell,
  difference: cell,
  increasePercent: z.number().nullable().openapi({ description: 'Increase over the compare date in percent, to two decimals', example: 47.96 }),
  increasePercentText: z.string().nullable().openapi({ example: '48 procent' }),
};

const FiguresSchema = z
  .object({
    referenceDate: isoDate,
    compareDate: isoDate,
    rows: z.array(z.object({ supportType: z.enum(SUPPORT_TYPES), ...line })),
    total: z.object(line),
    headline: z.string().openapi({ description: "The sentence a letter at the reference date prints, with the total and the increase over the total the final letter it follows printed (whatever the compare date)" }),
    headlineComparedWith: z
      .object({ referenceDate: isoDate, printedTotalCents: totalCents })
      .nullable()
      .openapi({ description: 'The final letter the headline compares with and the total it printed; null before a first final letter' }),
    isDemonstration: z.boolean().openapi({ description: 'The register holds demonstration data' }),
  })
  .openapi('Figures');

const SeriesSchema = z
  .object({
    points: z.array(
      z.object({ date: isoDate, stock: totalCents, procurement: totalCents, natoFund: totalCents, total: totalCents }),
    ),
  })
  .openapi('FiguresSeries');

export const figuresRoute = createRoute(
  permitted('figures.read', {
    method: 'get',
    path: '/figures',
    tags: ['figures'],
    summary: 'Realised military support per type at a reference date, compared with an earlier date',
    request: {
      query: z.object({
        referenceDate: isoDate.openapi({ example: '2025-08-31' }),
        compareDate: isoDate.openapi({ example: '2025-02-04' }),
      }),
    },
    responses: { 200: json(FiguresSchema, "The letter's table"), ...problemResponses(400, 401, 403) },
  }),
);

export const seriesRoute = createRoute(
  permitted('figures.read', {
    method: 'get',
    path: '/figures/series',
    tags: ['figures'],
    summary: 'Realised military support per type at the end of each month',
    request: {
      query: z.object({ from: isoDate.openapi({ example: '2022-02-01' }), to: isoDate.openapi({ example: '2025-08-31' }) }),
    },
    responses: { 200: json(SeriesSchema, 'One point per month'), ...problemResponses(400, 401, 403) },
  }),
);

export const nextLetterDatesRoute = createRoute(
  permitted('figures.read', {
    method: 'get',
    path: '/figures/next-letter-dates',
    tags: ['figures'],
    summary: 'The dates the next letter compares: the latest draft’s reference date (or today) and the last final letter’s',
    responses: {
      200: json(
        z
          .object({
            referenceDate: isoDate.openapi({ description: 'The reference date of the latest draft letter; today without one', example: '2025-08-31' }),
            compareDate: isoDate.nullable().openapi({ description: 'The reference date of the last final letter; null before a first', example: '2025-02-04' }),
          })
          .openapi('NextLetterDates'),
        'The dates',
      ),
      ...problemResponses(401, 403),
    },
  }),
);
