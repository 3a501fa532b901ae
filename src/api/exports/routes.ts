import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { todayInAmsterdam, type IsoDate } from '../../../common/dates.ts';
import { vocabulary, type Language } from '../../../common/vocabulary/index.ts';
import type { ExportList } from '../../../common/vocabulary/codes.ts';
import { listAccounts } from '../../auth/accounts.ts';
import { listBudget } from '../../register/budget.ts';
import { epfOverview } from '../../register/epf.ts';
import { listLetters } from '../../register/letters.ts';
import { programmesAt } from '../../register/training.ts';
import { replenishmentOverview } from '../../register/readiness.ts';
import { industryOverview } from '../../register/industry.ts';
import { listAnnexes } from '../../register/annex.ts';
import { auditEventBatches, budgetCommitmentBatches, deliveryBatches, disclosureQueueBatches, dueReviewBatches, epfClaimBatches, exportQueueBatches, oneBatch, stockDeliveryReadinessBatches, toDecideAgainBatches } from '../../register/exports.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { deliveryListOrder, presentSummary } from '../deliveries/presenters.ts';
import { fileName } from '../file-names.ts';
import { preferredLanguage } from '../language.ts';
import { commitmentFilter } from '../budget/schemas.ts';
import { stockDeliveryFilter } from '../readiness/schemas.ts';
import {
  accountsExportRoute,
  auditExportRoute,
  budgetCommitmentsExportRoute,
  deliveriesExportRoute, disclosureQueueExportRoute, epfClaimsExportRoute, exportQueuesExportRoute, lettersExportRoute,
  trainingProgrammesExportRoute,
  readinessDeliveriesExportRoute, replenishmentProjectsExportRoute, nonReplacementsExportRoute,
  industryByCountryExportRoute, industryContractsExportRoute, priceDevelopmentsExportRoute, lessonsLearnedExportRoute, coproductionProjectsExportRoute, demandBundlesExportRoute,
  annexesExportRoute,
  budgetDecisionsExportRoute, budgetShiftsExportRoute,
  epfTranchesExportRoute,
  dueReviewsExportRoute, toDecideAgainExportRoute,
} from './schemas.ts';
import type { CsvDialect } from '../csv.ts';
import { spreadsheetStream, XLSX_TYPE, type Column, type ExportFormat } from './spreadsheet.ts';
import {
  ACCOUNT_COLUMNS, AUDIT_COLUMNS, BUDGET_COMMITMENT_COLUMNS, DELIVERY_COLUMNS, EPF_CLAIM_COLUMNS, EXPORT_QUEUE_COLUMNS, LETTER_COLUMNS, TRAINING_PROGRAMME_COLUMNS,
  READINESS_DELIVERY_COLUMNS, replenishmentProjectColumns, NON_REPLACEMENT_COLUMNS,
  INDUSTRY_BY_COUNTRY_COLUMNS, INDUSTRY_CONTRACT_COLUMNS, PRICE_DEVELOPMENT_COLUMNS, LESSON_COLUMNS, COPRODUCTION_COLUMNS, DEMAND_BUNDLE_COLUMNS, contractMilestoneRows,
  ANNEX_COLUMNS,
  BUDGET_DECISION_COLUMNS, BUDGET_SHIFT_COLUMNS,
  EPF_TRANCHE_COLUMNS,
  DUE_REVIEW_COLUMNS, TO_DECIDE_AGAIN_COLUMNS,
} from './tables.ts';

interface FileQuery {
  format: ExportFormat;
  dialect: CsvDialect;
  lang?: Language | undefined;
}

/** Answers with the list as a streamed file, named after the list and today's date. */
export async function sendExport<Row>(c: Context<ApiEnv>, list: ExportList, query: FileQuery, columns: readonly Column<Row>[], batches: AsyncIterable<readonly Row[]>): Promise<Response> {
  const words = vocabulary(query.lang ?? preferredLanguage(c.req.header('accept-language')));
  const listName = words.spreadsheetExport.lists[list];
  const body = spreadsheetStream(columns, await withFirstRead(batches), { format: query.format, dialect: query.dialect, words, sheetName: listName });
  const name = `${fileName(listName, todayInAmsterdam(c.get('deps').clock()))}.${query.format}`;
  return c.body(body, 200, {
    'Content-Type': query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
}

/**
 * The batches with the first of them read already: a refusal in it (a total beyond exact numbers) is the answer
 * to the request, where in the file it would break it off.
 */
async function withFirstRead<Row>(batches: AsyncIterable<readonly Row[]>): Promise<AsyncIterable<readonly Row[]>> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    for (let next = first; !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** Each page's rows as the list's API presents them. */
async function* presented<Row, Item>(batches: AsyncIterable<readonly Row[]>, present: (row: Row) => Item): AsyncGenerator<Item[]> {
  for await (const batch of batches) yield batch.map(present);
}

/**
 * A table of a page's overview as it stood at the date asked (today when left out), each its own file; with the
 * columns for that date where some are known at today's date only.
 */
const tableAt =
  <Overview>(overviewAt: (db: Kysely<Database>, date: IsoDate, today: IsoDate) => Promise<Overview>) =>
  <Row>(list: ExportList, columns: readonly Column<Row>[] | ((atToday: boolean) => readonly Column<Row>[]), rows: (overview: Overview) => readonly Row[]) =>
  async (c: Context<ApiEnv>, query: FileQuery & { date?: IsoDate | undefined }) => {
    const { db, clock } = c.get('deps');
    const { date: asked, ...file } = query;
    const today = todayInAmsterdam(clock());
    const date = asked ?? today;
    return sendExport(c, list, file, typeof columns === 'function' ? columns(date === today) : columns, oneBatch(overviewAt(db, date, today).then(rows)));
  };

export function exportRoutes() {
  const app = apiRoutes();

  app.openapi(deliveriesExportRoute, async (c) => {
    const { format, dialect, lang, ...parameters } = c.req.valid('query');
    const batches = deliveryBatches(c.get('deps').db, deliveryListOrder(parameters));
    return sendExport(c, 'deliveries', { format, dialect, lang }, DELIVERY_COLUMNS, presented(batches, presentSummary));
  });

  app.openapi(auditExportRoute, async (c) => {
    const { format, dialect, lang, ...filter } = c.req.valid('query');
    const batches = await auditEventBatches(c.get('deps').db, requestContext(c), filter);
    return sendExport(c, 'auditTrail', { format, dialect, lang }, AUDIT_COLUMNS, batches);
  });

  app.openapi(disclosureQueueExportRoute, async (c) => {
    const { format, dialect, lang, referenceDate } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    const batches = await disclosureQueueBatches(db, requestContext(c), referenceDate ?? todayInAmsterdam(clock()));
    return sendExport(c, 'disclosureQueue', { format, dialect, lang }, DELIVERY_COLUMNS, presented(batches, presentSummary));
  });

  app.openapi(lettersExportRoute, async (c) => sendExport(c, 'letters', c.req.valid('query'), LETTER_COLUMNS, oneBatch(listLetters(c.get('deps').db))));

  app.openapi(epfClaimsExportRoute, async (c) => {
    const { date, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'epfClaims', file, EPF_CLAIM_COLUMNS, epfClaimBatches(db, date ?? todayInAmsterdam(clock())));
  });

  // Listing the accounts records the read, as the accounts page's list does.
  app.openapi(accountsExportRoute, async (c) => sendExport(c, 'accounts', c.req.valid('query'), ACCOUNT_COLUMNS, oneBatch(listAccounts(c.get('deps').db, requestContext(c)))));

  // Reading the queues is recorded, as the queues page's read is.
  app.openapi(exportQueuesExportRoute, async (c) => sendExport(c, 'exportQueues', c.req.valid('query'), EXPORT_QUEUE_COLUMNS, await exportQueueBatches(c.get('deps').db, requestContext(c))));

  app.openapi(budgetCommitmentsExportRoute, async (c) => {
    const { q, year, fund, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'budgetCommitments', file, BUDGET_COMMITMENT_COLUMNS, budgetCommitmentBatches(db, commitmentFilter({ q, year, fund }), todayInAmsterdam(clock())));
  });

  app.openapi(trainingProgrammesExportRoute, async (c) => {
    const { date, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'trainingProgrammes', file, TRAINING_PROGRAMME_COLUMNS, oneBatch(programmesAt(db, date ?? todayInAmsterdam(clock()))));
  });

  app.openapi(readinessDeliveriesExportRoute, async (c) => {
    const { date, q, effect, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'readinessDeliveries', file, READINESS_DELIVERY_COLUMNS, stockDeliveryReadinessBatches(db, stockDeliveryFilter({ date, q, effect }, todayInAmsterdam(clock()))));
  });

  const replenishmentTable = tableAt(replenishmentOverview);
  const projectsTable = replenishmentTable('replenishmentProjects', replenishmentProjectColumns, (overview) => overview.projects);
  const decisionsTable = replenishmentTable('nonReplacements', NON_REPLACEMENT_COLUMNS, (overview) => overview.nonReplacements);
  app.openapi(replenishmentProjectsExportRoute, async (c) => projectsTable(c, c.req.valid('query')));
  app.openapi(nonReplacementsExportRoute, async (c) => decisionsTable(c, c.req.valid('query')));

  const industryTable = tableAt(industryOverview);
  const industryExports = [
    [industryByCountryExportRoute, industryTable('industryByCountry', INDUSTRY_BY_COUNTRY_COLUMNS, (overview) => overview.byCountry)],
    [industryContractsExportRoute, industryTable('industryContracts', INDUSTRY_CONTRACT_COLUMNS, (overview) => contractMilestoneRows(overview.companies))],
    [priceDevelopmentsExportRoute, industryTable('priceDevelopments', PRICE_DEVELOPMENT_COLUMNS, (overview) => overview.priceDevelopments)],
    [lessonsLearnedExportRoute, industryTable('lessonsLearned', LESSON_COLUMNS, (overview) => overview.lessons)],
    [coproductionProjectsExportRoute, industryTable('coproductionProjects', COPRODUCTION_COLUMNS, (overview) => overview.coproductionProjects)],
    [demandBundlesExportRoute, industryTable('demandBundles', DEMAND_BUNDLE_COLUMNS, (overview) => overview.demandBundles)],
  ] as const;
  for (const [route, send] of industryExports) app.openapi(route, async (c) => send(c, c.req.valid('query')));

  // Listing the annexes is recorded, as the annexes page's list is.
  app.openapi(annexesExportRoute, async (c) =>
    sendExport(c, 'annexes', c.req.valid('query'), ANNEX_COLUMNS, oneBatch(listAnnexes(c.get('deps').db, requestContext(c), c.get('principal')!.role))),
  );

  app.openapi(budgetDecisionsExportRoute, async (c) =>
    sendExport(c, 'budgetDecisions', c.req.valid('query'), BUDGET_DECISION_COLUMNS, oneBatch(listBudget(c.get('deps').db).then((budget) => budget.decisions))),
  );
  app.openapi(budgetShiftsExportRoute, async (c) =>
    sendExport(c, 'budgetShifts', c.req.valid('query'), BUDGET_SHIFT_COLUMNS, oneBatch(listBudget(c.get('deps').db).then((budget) => budget.shifts))),
  );

  app.openapi(epfTranchesExportRoute, async (c) => {
    const { date, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'epfTranches', file, EPF_TRANCHE_COLUMNS, oneBatch(epfOverview(db, date ?? todayInAmsterdam(clock())).then((overview) => overview.tranches)));
  });

  app.openapi(dueReviewsExportRoute, async (c) => {
    const { referenceDate, ...file } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return sendExport(c, 'dueReviews', file, DUE_REVIEW_COLUMNS, await dueReviewBatches(db, requestContext(c), referenceDate ?? todayInAmsterdam(clock())));
  });

  app.openapi(toDecideAgainExportRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return sendExport(c, 'toDecideAgain', c.req.valid('query'), TO_DECIDE_AGAIN_COLUMNS, await toDecideAgainBatches(db, requestContext(c), todayInAmsterdam(clock())));
  });

  return app;
}
