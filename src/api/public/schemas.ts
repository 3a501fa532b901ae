import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { PublicDeliverySchema } from '../../db/repositories/public.ts';
import { VALUATION_BASES } from '../../../common/vocabulary/codes.ts';
import { CSV_DIALECTS, type CsvDialect } from '../csv.ts';
import { LetterDocumentSchema } from '../../letters/letter-document.ts';
import { LETTER_FORMATS } from '../../letters/renderings.ts';
import { fileNameLanguageQuery, isoDate, jsonContent as json, languageQuery, problemResponses } from '../openapi-common.ts';
import { LetterComparisonResponse, PublicLetterSnapshotResponse } from '../letters/schemas.ts';
import { RenderingQuery } from '../renderings.ts';

export const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const formatParams = idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });

const LetterLinksSchema = z.object({
  self: z.string(),
  snapshot: z.string().openapi({ description: 'The exact text whose SHA-256 is sha256: the letter as sent, its figures as it printed them' }),
  ...Object.fromEntries(LETTER_FORMATS.map((format) => [format, z.string()])),
});

const PublicLetterSchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate,
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    sha256: z
      .string()
      .openapi({
        description:
          'SHA-256 of the letter as sent (its snapshot); anyone can check it. A letter frozen with its figures to the cent (format steunregister-letter/1) is published with them as it printed them (format 2): this is the hash of that text',
      }),
    isDemonstration: z.boolean(),
    links: LetterLinksSchema,
  })
  .openapi('PublicLetter');

const LetterDocumentResponse = z
  .object(LetterDocumentSchema.shape)
  .openapi('LetterDocument', { description: 'The letter laid out as its renderings print it: letterhead, text, signature, public overview and footnotes' });

const PublicLetterWithTextSchema = PublicLetterSchema.extend({ letter: PublicLetterSnapshotResponse, document: LetterDocumentResponse }).openapi('PublicLetterWithText');

const PublicDeliveryResponse = z.object(PublicDeliverySchema.shape).extend({
  categoryLabel: z.string().openapi({ description: 'The category in the language asked for' }),
  supportTypeLabel: z.string().openapi({ description: 'The type of support in the language asked for' }),
  realisedOn: z.string().nullable().openapi({
    description:
      'When it was realised (of deliveries decided public at once, one item, the latest of their dates, once all are realised): YYYY-MM-DD, or YYYY-MM where the disclosure decision gives only the month; null where it gives none',
  }),
  valueCents: z.number().int().nullable().openapi({ description: 'Its value in euro cents (of deliveries decided public at once, their values summed), where the disclosure decision made it public; else null' }),
  valueBasis: z.enum(VALUATION_BASES).nullable().openapi({ description: 'The basis of that value: the valuation’s for stock (replacement or book value), what was paid for the rest; null with it' }),
  valueBasisLabel: z.string().nullable().openapi({ description: 'The basis of the value in the language asked for; null with it' }),
  firstLetter: z
    .object({ id: z.uuid(), paperNumber: z.string().nullable().openapi({ example: 'Kamerstuk 22 054, nr. 460' }), letterDate: isoDate })
    .nullable()
    .openapi({ description: 'The first published letter to parliament that listed it' }),
  publicSince: isoDate.openapi({
    description:
      'The day it became public: the publication of the first letter to parliament that listed it, or the date its disclosure decision made it public from, whichever showed it; never the day of the decision',
  }),
  isDemonstration: z.boolean().openapi({ description: 'Demonstration data, not a real delivery' }),
}).openapi('PublicDelivery');

/** The CSV dialect of a file, and the one it is written in when none is asked for. */
const dialectQuery = (byDefault: CsvDialect) =>
  z.enum(CSV_DIALECTS).default(byDefault).openapi({
    description: 'CSV only: excel-nl (UTF-8 with byte order mark, semicolons, decimal comma, as Dutch Excel opens it) or rfc4180 (commas, decimal point)',
  });

const DeliveriesQuery = z.object({ format: z.enum(['json', 'csv']).optional(), dialect: dialectQuery('excel-nl'), lang: languageQuery });

const PublishedFiguresSchema = z.object({
  items: z.array(
    z.object({
      letterId: z.uuid(),
      referenceDate: isoDate,
      isDemonstration: z.boolean().openapi({ description: 'A letter of demonstration data, not a real one' }),
      lines: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          cents: z.number().int().openapi({ description: 'The amount the letter printed, in euro cents: € 8,8 mld. is 880000000000, never the figure to the cent' }),
          printed: z.string().openapi({ description: 'As the letter printed it, in its rounding: "€ 8,8 mld."' }),
        }),
      ),
    }),
  ),
});

const ComparisonQuery = z.object({ from: z.uuid(), to: z.uuid() });

/** Every public route is a GET that anyone may call. */
function publicRead<const Path extends string, const Rest extends Omit<RouteConfig, 'method' | 'path' | 'tags' | 'summary'>>(path: Path, summary: string, rest: Rest) {
  return createRoute({ method: 'get', path, tags: ['public'], summary, ...rest });
}

export const lettersRoute = publicRead('/public/letters', 'The letters sent to parliament, newest first, each with its reference date, hash and renderings', {
  responses: { 200: json(z.object({ items: z.array(PublicLetterSchema) }), 'The letters') },
});

export const letterRoute = publicRead('/public/letters/{id}', 'One letter: its figures, text and public overview as sent', {
  request: { params: idParam },
  responses: { 200: json(PublicLetterWithTextSchema, 'The letter'), ...problemResponses(404) },
});

export const snapshotRoute = publicRead('/public/letters/{id}/snapshot', 'The letter exactly as hashed: its SHA-256 is the letter’s sha256', {
  request: { params: idParam },
  responses: {
    200: { content: { 'application/json': { schema: PublicLetterSnapshotResponse } }, description: 'The canonical JSON (RFC 8785), byte for byte as hashed' },
    ...problemResponses(400, 404),
  },
});

export const renderingRoute = publicRead('/public/letters/{id}/renderings/{format}', 'The letter as HTML, Markdown, DOCX or PDF', {
  request: { params: formatParams, query: RenderingQuery },
  responses: {
    200: { description: 'The rendering, with a strong ETag; kept for a year once the letter has its paper number' },
    304: { description: 'Not modified: the ETag in If-None-Match is still the rendering' },
    ...problemResponses(400, 404, 429),
  },
});

export const stylesheetRoute = publicRead('/public/letter-stylesheet', 'The stylesheet of the HTML letters and annexes, which each page carries; for the annexes kept before they did, which link it', {
  responses: { 200: { content: { 'text/css': { schema: z.string() } }, description: 'CSS' } },
});

export const deliveriesRoute = publicRead('/public/deliveries', 'Open data: every delivery decided public, as the public may read it (JSON or CSV)', {
  description:
    'The whole file, the latest to become public first, streamed: the server reads it in batches as the reader takes it, so that it holds one batch ' +
    'whatever the length of the file. The ETag is a digest of what the file shows, read again only when a disclosure decision, a ' +
    'publication or a removal changed the public projection, or a delivery decided public with a later date became visible: a decision ' +
    'that waits for its letter’s publication does not change it. If-None-Match with the current ETag (weak or strong) gets 304. A decision taken while a reader is reading may be in the rest of that file or not.',
  request: { query: DeliveriesQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ items: z.array(PublicDeliveryResponse) }) }, 'text/csv': { schema: z.string() } },
      description: 'The public deliveries',
    },
    304: { description: 'Not modified: the ETag in If-None-Match still names the public deliveries' },
    ...problemResponses(400),
  },
});

export const figuresRoute = publicRead('/public/figures', 'Realised support per type as each letter published it', {
  responses: { 200: json(PublishedFiguresSchema, 'The published figures') },
});

export const comparisonRoute = publicRead('/public/letter-comparison', 'Compare two letters: how each figure moved, what became public, what was restated', {
  request: { query: ComparisonQuery },
  responses: { 200: json(LetterComparisonResponse, 'The comparison'), ...problemResponses(400, 404) },
});

const PublicCompanySchema = z
  .object({
    publicId: z.uuid(),
    name: z.string(),
    country: z.string(),
    decidedOn: isoDate,
    isDemonstration: z.boolean().openapi({ description: 'Demonstration data, not a real company' }),
  })
  .openapi('PublicCompany');

export const companiesRoute = publicRead('/public/companies', 'The companies the ministry buys from for Ukraine that were decided public: their name and country only', {
  responses: { 200: json(z.object({ items: z.array(PublicCompanySchema) }), 'The companies') },
});

const LetterFigureRowSchema = z
  .object({
    letterId: z.uuid(),
    paperNumber: z.string().nullable(),
    letterDate: isoDate,
    referenceDate: isoDate,
    figure: z.string().openapi({ description: 'The row of the letter’s table: a type of support (stock, procurement, natoFund) or total' }),
    label: z.string(),
    cents: z.number().int().openapi({ description: 'The amount the letter printed at its reference date, in euro cents: € 8,8 mld. is 880000000000, never the figure to the cent' }),
    printed: z.string().openapi({ description: 'As the letter printed it, in its rounding: "€ 8,8 mld."' }),
    isDemonstration: z.boolean().openapi({ description: 'A letter of demonstration data, not a real one' }),
  })
  .openapi('LetterFigure');

export const FiguresQuery = z.object({ format: z.enum(['json', 'csv']).optional(), dialect: dialectQuery('excel-nl'), lang: fileNameLanguageQuery });
const figureFiles = (what: string) => ({
  200: {
    content: { 'application/json': { schema: z.object({ items: z.array(LetterFigureRowSchema) }) }, 'text/csv': { schema: z.string() } },
    description: what,
  },
});

export const letterFiguresRoute = publicRead('/public/letters/{id}/figures', 'Open data: one letter’s table of realised support as it printed it (JSON or CSV)', {
  request: { params: idParam, query: FiguresQuery },
  responses: { ...figureFiles('The letter’s figures'), ...problemResponses(400, 404) },
});

export const figuresSeriesRoute = publicRead('/public/letter-figures', 'Open data: the figures of every published letter, one row per letter and figure (a time series; JSON or CSV)', {
  request: { query: FiguresQuery },
  responses: { ...figureFiles('The figures, oldest reference date first'), ...problemResponses(400) },
});

export const kielRoute = publicRead('/public/kiel', 'Open data: the public deliveries in the columns of the Kiel Institute Ukraine Support Tracker (CSV or XLSX)', {
  description:
    'Kiel values aid in kind at market prices; the Netherlands values stock at replacement value (book value where it will not be replaced) ' +
    'and the rest at what was paid: the column Valuation Basis names the basis of each public value (empty where none is public); the XLSX ' +
    'says so on its sheet "metadata", and the catalogue in the description of each file. The column isDemonstration is true for demonstration ' +
    'data, which the sheet "metadata" also says. Measure is delivery (stock handed over) or allocation (procured or paid into a fund) only where ' +
    'the realised date is public, else commitment; Quantity Delivered is given of a delivery only. The CSV starts with its header; RFC 4180 unless ' +
    'dialect=excel-nl. Its ETag changes as the public deliveries’ does.',
  request: { query: z.object({ format: z.enum(['csv', 'xlsx']).optional(), dialect: dialectQuery('rfc4180') }) },
  responses: {
    200: { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The file' },
    304: { description: 'Not modified: the ETag in If-None-Match still names the public deliveries' },
    ...problemResponses(400),
  },
});

export const catalogRoute = publicRead('/public/catalog', 'Open data: the catalogue of the open data in DCAT-AP-NL 3.0 (JSON-LD), for harvesting by data.overheid.nl', {
  responses: { 200: { content: { 'application/ld+json': { schema: z.object({}).passthrough() } }, description: 'The catalogue' } },
});
