import { createRoute, z } from '@hono/zod-openapi';
import { permitted } from '../access.ts';
import { stockDeliveryQuery } from '../readiness/schemas.ts';
import { commitmentQuery } from '../budget/schemas.ts';
import { AuditQuerySchema } from '../audit/schemas.ts';
import { DeliveryListQuerySchema } from '../deliveries/schemas.ts';
import { AsAtDateQuerySchema, isoDate, languageQuery, problemResponses } from '../openapi-common.ts';
import { CSV_DIALECTS } from '../csv.ts';
import { EXPORT_FORMATS, XLSX_TYPE } from './spreadsheet.ts';

/** What every export is asked: the file's format, the CSV's dialect, and the language of its headings and labels. */
export const fileQuery = {
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
  dialect: z.enum(CSV_DIALECTS).default('excel-nl').openapi({
    description: 'For CSV: `excel-nl` (UTF-8 with BOM, `;`, decimal comma: what Dutch Excel opens) or `rfc4180` (no BOM, `,`, decimal point)',
  }),
  lang: languageQuery,
};

export const fileResponse = {
  200: {
    content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    description: 'The list as a file (Content-Disposition names it), streamed',
  },
  ...problemResponses(400, 401, 403),
};

const exportRoute = <Q extends z.ZodObject>(path: string, summary: string, query: Q) => ({
  method: 'get' as const,
  path,
  tags: ['exports'],
  summary,
  request: { query },
  responses: fileResponse,
});

export const deliveriesExportRoute = createRoute(
  permitted(
    'delivery.read',
    exportRoute(
      '/exports/deliveries',
      'The deliveries the list finds with these filters, in its order, as XLSX or CSV',
      DeliveryListQuerySchema.omit({ after: true, before: true, pageSize: true }).extend(fileQuery),
    ),
  ),
);

export const auditExportRoute = createRoute(
  permitted(
    'audit.read',
    exportRoute(
      '/exports/audit-events',
      'The audit trail of a filter, newest first, with each event’s hashed text, hash and previous hash',
      AuditQuerySchema.omit({ before: true, limit: true }).extend(fileQuery),
    ),
  ),
);

export const disclosureQueueExportRoute = createRoute(
  permitted(
    'disclosure.read',
    exportRoute(
      '/exports/disclosure-queue',
      'The undecided deliveries of the disclosure queue, in its order',
      z.object({ referenceDate: isoDate.optional().openapi({ description: 'The reference date of the next letter (default today)' }), ...fileQuery }),
    ),
  ),
);

export const lettersExportRoute = createRoute(permitted('letter.read', exportRoute('/exports/letters', 'The letters', z.object(fileQuery))));

export const epfClaimsExportRoute = createRoute(
  permitted(
    'epf.read',
    exportRoute(
      '/exports/epf-claims',
      'The EPF claims as they stood at a date',
      z.object({ date: isoDate.optional().openapi({ description: 'The date the claims are as at; today when left out' }), ...fileQuery }),
    ),
  ),
);

export const accountsExportRoute = createRoute(permitted('account.read', exportRoute('/exports/accounts', 'The accounts, without any secret', z.object(fileQuery))));

export const exportQueuesExportRoute = createRoute(
  permitted('export.read', exportRoute('/exports/export-queues', "The assessor's and the licensing officer's queues in one sheet, with the queue of each delivery", z.object(fileQuery))),
);

export const budgetCommitmentsExportRoute = createRoute(
  permitted('budget.read', exportRoute('/exports/budget-commitments', 'The budget commitments by title, with their stages, as the budget page lists them', z.object({ ...commitmentQuery, ...fileQuery }))),
);

export const trainingProgrammesExportRoute = createRoute(
  permitted('training.read', exportRoute('/exports/training-programmes', 'The training programmes by name as they stood at a date, each count as a letter at that date takes it', AsAtDateQuerySchema.extend(fileQuery))),
);

export const readinessDeliveriesExportRoute = createRoute(
  permitted(
    'readiness.read',
    exportRoute('/exports/readiness-deliveries', 'The stock deliveries by title as they stood at a date, each with the judgement on readiness that held then and its replacement then', z.object({ ...stockDeliveryQuery, ...fileQuery })),
  ),
);

export const replenishmentProjectsExportRoute = createRoute(
  permitted('readiness.read', exportRoute('/exports/replenishment-projects', 'The replenishment projects as their states held at a date, each with the value it replaced then', AsAtDateQuerySchema.extend(fileQuery))),
);

export const nonReplacementsExportRoute = createRoute(
  permitted('readiness.read', exportRoute('/exports/non-replacements', 'The decisions not to replace a stock delivery taken by a date, newest first, each revalued when its revaluation held then', AsAtDateQuerySchema.extend(fileQuery))),
);

/** The industry page's tables: each its own file, the register as it stood at the date (today when left out). */
const industryExportRoute = (path: string, summary: string) =>
  createRoute(permitted('industry.read', exportRoute(path, summary, z.object({ date: isoDate.optional().openapi({ description: 'The date the register is taken at, as GET /industry gives it; today when left out' }), ...fileQuery }))));

export const industryByCountryExportRoute = industryExportRoute('/exports/industry-by-country', 'The contracts signed by the date per country of the company, with their milestones by status');
export const industryContractsExportRoute = industryExportRoute('/exports/industry-contracts', 'The companies, their contracts and each contract’s milestones with their progress at the date');
export const priceDevelopmentsExportRoute = industryExportRoute('/exports/price-developments', 'The prices paid against an earlier price');
export const lessonsLearnedExportRoute = industryExportRoute('/exports/lessons-learned', 'The lessons learned, newest first');
export const coproductionProjectsExportRoute = industryExportRoute('/exports/coproduction-projects', 'The co-production projects with their latest stage and every stage');
export const demandBundlesExportRoute = industryExportRoute('/exports/demand-bundles', 'The needs the Dutch and Ukrainian forces share');

export const annexesExportRoute = createRoute(
  permitted('annex.read', exportRoute('/exports/annexes', 'The confidential annexes the reader may open, newest first, with what changed in each (recorded as listing them is)', z.object(fileQuery)), { recordedAs: 'annex.list' }),
);

export const budgetDecisionsExportRoute = createRoute(permitted('budget.read', exportRoute('/exports/budget-decisions', 'The budget decisions, as the budget page lists them, with their amount per budget year', z.object(fileQuery))));
export const budgetShiftsExportRoute = createRoute(permitted('budget.read', exportRoute('/exports/budget-shifts', 'The shifts of money between budget years (kasschuiven), as the budget page lists them', z.object(fileQuery))));

export const epfTranchesExportRoute = createRoute(
  permitted(
    'epf.read',
    exportRoute(
      '/exports/epf-tranches',
      "The EU's EPF tranches decided by a date, as the EPF page lists them",
      z.object({ date: isoDate.optional().openapi({ description: 'The date the tranches are known at; today when left out' }), ...fileQuery }),
    ),
  ),
);

export const toDecideAgainExportRoute = createRoute(
  permitted(
    'disclosure.read',
    exportRoute(
      '/exports/to-decide-again',
      'The public deliveries whose item another delivery left, or whose value a withdrawal withheld, to decide on again with the reason, as the disclosure queue page lists them (recorded as reading the queue is)',
      z.object(fileQuery),
    ),
  ),
);

export const dueReviewsExportRoute = createRoute(
  permitted(
    'disclosure.read',
    exportRoute(
      '/exports/due-reviews',
      'The confidential deliveries due for review by the reference date, as the disclosure queue page lists them (recorded as reading the queue is)',
      z.object({ referenceDate: isoDate.optional().openapi({ description: 'The reference date of the next letter (default today)' }), ...fileQuery }),
    ),
  ),
);
