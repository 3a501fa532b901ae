import { z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { vocabulary } from '../../../common/vocabulary/index.ts';
import type { Vocabulary } from '../../../common/vocabulary/nl.ts';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import * as publicData from '../../db/repositories/public.ts';
import type { Database, PublicDatabase } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../register/errors.ts';
import { compareSnapshots } from '../../letters/compare.ts';
import { letterDocument } from '../../letters/compose.ts';
import { LETTER_CSS } from '../../letters/render/html.ts';
import { renderLetter } from '../../letters/renderings.ts';
import { apiRoutes } from '../api-routes.ts';
import type { ApiEnv } from '../context.ts';
import { violationsFromZod } from '../problem.ts';
import { checkedQuery } from '../openapi-common.ts';
import { nameRendering, sendRendering } from '../renderings.ts';
import { fileName } from '../file-names.ts';
import { limitAnonymousRequests } from '../rate-limit.ts';
import { namesCurrentTag } from '../caching.ts';
import { answerLanguage } from '../language.ts';
import { deliveriesCsv, deliveriesJson, PublicDeliveriesTag } from './open-data.ts';
import { streamedFile } from '../streamed-file.ts';
import { openDataCatalog } from './catalog.ts';
import { kielCsv, kielWorkbook } from './kiel.ts';
import { LatestFile } from './latest-file.ts';
import { letterFigureRows, letterFiguresCsv, type LetterFigureRow } from './letter-figures.ts';
import { XLSX_TYPE } from '../export-control/report-files.ts';
import { RenderingCache } from './rendering-cache.ts';
import { presentPublicLetter, presentPublishedFigures } from './presenters.ts';
import {
  catalogRoute,
  companiesRoute,
  comparisonRoute,
  FiguresQuery,
  figuresSeriesRoute,
  kielRoute,
  letterFiguresRoute,
  deliveriesRoute,
  figuresRoute,
  idParam,
  letterRoute,
  lettersRoute,
  renderingRoute,
  snapshotRoute,
  stylesheetRoute,
} from './schemas.ts';

/**
 * What anyone may read without logging in: the published letters and the public deliveries. These routes
 * see the database only as PublicDatabase (the public projection): no query here can name a table or
 * column that holds anything confidential or undecided.
 */
function publicView(db: Kysely<Database>): Kysely<PublicDatabase> {
  return db as unknown as Kysely<PublicDatabase>;
}

/** The query of a route that takes none: any parameter is refused. */
const NO_QUERY = z.object({});

/** Renderings one address may ask for without a session per minute; the cache serves the rest cheaply. */
const ANONYMOUS_RENDERINGS = { limit: (c: Context<ApiEnv>) => c.get('deps').anonymousRenderingsPerMinute, windowMs: 60_000 };

export function publicRoutes() {
  const app = apiRoutes();
  // Open data may be read by tools on other sites (a notebook, a chart): any origin may read it, never with credentials.
  app.use('/public/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], allowHeaders: ['If-None-Match', 'Accept-Language'], exposeHeaders: ['ETag', 'Content-Disposition'], maxAge: 86_400 }));
  const renderings = new RenderingCache();
  const deliveriesTag = new PublicDeliveriesTag();
  const db = (c: Context<ApiEnv>) => publicView(c.get('deps').db);
  /**
   * Tags a file of the public deliveries as they are at `now` (`form` names which file) and tells whether the
   * reader's If-None-Match names that tag already: while nothing public changed, a reader who has it gets 304
   * for two index reads.
   */
  const tagged = async (c: Context<ApiEnv>, form: string, now: Date) => {
    const tag = `"${form}-${await deliveriesTag.current(db(c), now)}"`;
    c.header('ETag', tag);
    return { tag, readerHasIt: namesCurrentTag(c.req.header('if-none-match'), tag) };
  };
  const kielWorkbooks = new LatestFile();
  const letterOf = async (c: Context<ApiEnv>, id: string) => {
    const letter = await publicData.findPublicLetter(db(c), id);
    if (!letter) throw new NotFoundError('letter', id);
    return letter;
  };

  app.openapi(lettersRoute, async (c) => c.json({ items: (await publicData.listPublicLetters(db(c))).map(presentPublicLetter) }, 200));

  app.openapi(letterRoute, async (c) => {
    const { letter, ...summary } = await letterOf(c, c.req.valid('param').id);
    const document = letterDocument(letter, { paperNumber: summary.paperNumber, status: 'final' });
    return c.json({ ...presentPublicLetter(summary), letter, document }, 200);
  });

  // The snapshot is sent as the exact text that was hashed, not as a value serialised again: the route is
  // described with its schema, and answered by a plain handler that sends the stored bytes.
  app.openAPIRegistry.registerPath(snapshotRoute);
  app.get('/public/letters/:id/snapshot', async (c) => {
    checkedQuery(c, NO_QUERY);
    const param = idParam.safeParse(c.req.param());
    if (!param.success) throw new ValidationError(violationsFromZod(param.error, c.req.param()));
    const text = await publicData.findPublicSnapshotText(db(c), param.data.id);
    if (text === undefined) throw new NotFoundError('letter', param.data.id);
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  });

  app.use('/public/letters/:id/renderings/:format', limitAnonymousRequests(ANONYMOUS_RENDERINGS));
  app.openapi(renderingRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const published = await letterOf(c, id);
    const rendering = await renderings.get(`${published.sha256} ${published.paperNumber ?? ''} ${format}`, () => {
      const doc = letterDocument(published.letter, { paperNumber: published.paperNumber, status: 'final' });
      return renderLetter(doc, format, { createdAt: new Date(`${published.letterDate}T00:00:00Z`) });
    });
    // Checked by its ETag each time: the paper number it prints may still be corrected.
    c.header('Cache-Control', 'public, no-cache');
    c.header('ETag', rendering.etag);
    nameRendering(c, rendering, c.req.valid('query').lang, (words) => fileName(words.fileNames.letter, published.referenceDate));
    if (namesCurrentTag(c.req.header('if-none-match'), rendering.etag)) return c.body(null, 304);
    return sendRendering(c, rendering);
  });

  app.openapi(stylesheetRoute, (c) => c.body(LETTER_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.openapi(companiesRoute, async (c) => c.json({ items: await publicData.listPublicCompanies(db(c)) }, 200));

  app.openapi(deliveriesRoute, async (c) => {
    const query = c.req.valid('query');
    const format = query.format ?? 'json';
    const language = query.lang ?? answerLanguage(c);
    const now = c.get('deps').clock();
    const variant = format === 'csv' ? `csv-${query.dialect}` : format;
    if ((await tagged(c, `deliveries-${variant}-${language}`, now)).readerHasIt) return c.body(null, 304);
    const file = format === 'csv' ? deliveriesCsv(language, query.dialect) : deliveriesJson(language);
    const body = streamedFile(file, publicData.publicDeliveryBatches(db(c), now));
    if (format === 'csv') {
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName(vocabulary(language).fileNames.publicDeliveries)}.csv"`,
      });
    }
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  // Open data: the letters' figures, the Kiel-compatible file and the catalogue that describes them all. The
  // figures and the catalogue are each one route in JSON or another form: described with their schemas, and
  // answered by plain handlers that check the query themselves (checkedQuery).
  /** The figures as JSON, or as a CSV file that `name` names in the language asked for, else the reader's (Accept-Language). */
  const figureFile = (c: Context<ApiEnv>, rows: LetterFigureRow[], name: (words: Vocabulary) => string) => {
    const { format, dialect, lang } = checkedQuery(c, FiguresQuery);
    if (format !== 'csv') return c.json({ items: rows }, 200);
    const disposition = `attachment; filename="${name(vocabulary(lang ?? answerLanguage(c)))}.csv"`;
    return c.body(letterFiguresCsv(rows, dialect), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition });
  };
  app.openAPIRegistry.registerPath(letterFiguresRoute);
  app.get('/public/letters/:id/figures', async (c) => {
    const param = idParam.safeParse(c.req.param());
    if (!param.success) throw new ValidationError(violationsFromZod(param.error, c.req.param()));
    checkedQuery(c, FiguresQuery);
    const { letter, ...summary } = await letterOf(c, param.data.id);
    return figureFile(c, letterFigureRows(summary, letter), (words) => fileName(words.fileNames.letterFigures, summary.referenceDate));
  });
  app.openAPIRegistry.registerPath(figuresSeriesRoute);
  app.get('/public/letter-figures', async (c) => {
    checkedQuery(c, FiguresQuery);
    const letters = await publicData.publicLettersWithSnapshots(db(c));
    return figureFile(c, letters.flatMap(({ letter, ...summary }) => letterFigureRows(summary, letter)), (words) => fileName(words.fileNames.allLetterFigures));
  });

  app.openapi(kielRoute, async (c) => {
    const { format = 'csv', dialect } = c.req.valid('query');
    const now = c.get('deps').clock();
    const { tag, readerHasIt } = await tagged(c, `kiel-${format === 'csv' ? `csv-${dialect}` : format}`, now);
    if (readerHasIt) return c.body(null, 304);
    if (format === 'xlsx') {
      // A workbook is made whole in memory, not streamed: made once per state of the public data.
      const workbook = await kielWorkbooks.get(tag, () => kielWorkbook(publicData.publicDeliveryBatches(db(c), now)));
      return c.body(workbook, 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': 'attachment; filename="netherlands-kiel-format.xlsx"' });
    }
    return c.body(streamedFile(kielCsv(dialect), publicData.publicDeliveryBatches(db(c), now)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="netherlands-kiel-format.csv"',
    });
  });

  app.openAPIRegistry.registerPath(catalogRoute);
  app.get('/public/catalog', async (c) => {
    checkedQuery(c, NO_QUERY);
    const now = c.get('deps').clock();
    const [dates, letters, demonstrationDeliveries] = await Promise.all([publicData.openDataDates(db(c), now), publicData.listPublicLetters(db(c)), publicData.showsDemonstrationDeliveries(db(c), now)]);
    const isDemonstration = demonstrationDeliveries || letters.some((letter) => letter.isDemonstration);
    // Never from the Host a request names, which anyone can forge: without SITE_ADDRESS the links are relative to wherever the catalogue was read.
    const catalog = openDataCatalog(c.get('deps').siteAddress ?? '', dates, letters, isDemonstration);
    return c.body(JSON.stringify(catalog), 200, { 'Content-Type': 'application/ld+json' });
  });

  app.openapi(figuresRoute, async (c) => c.json({ items: presentPublishedFigures(await publicData.allPublicSnapshots(db(c))) }, 200));

  app.openapi(comparisonRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const [a, b, all] = await Promise.all([letterOf(c, from), letterOf(c, to), publicData.allPublicSnapshots(db(c))]);
    return c.json(compareSnapshots(a.letter, b.letter, all), 200);
  });

  return app;
}
