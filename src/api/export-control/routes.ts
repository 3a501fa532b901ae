import type { Context } from 'hono';
import * as exportControl from '../../register/export-control.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { listPage, pageCursors } from '../cursor.ts';
import { isQueuePosition } from '../../db/repositories/export-control.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag } from '../if-match.ts';
import { preferredLanguage } from '../language.ts';
import { passedFieldRules, passedFieldsHook, validationHookWith } from '../openapi-common.ts';
import { assessmentViolations, EXPORT_CRITERIA, licenceFieldViolations, requirementViolations } from '../../domain/export-control.ts';
import { reportCsv, reportWorkbook, XLSX_TYPE } from './report-files.ts';
import {
  AssessmentInputSchema,
  AssessmentSchema,
  assessRoute,
  exportControlRoute,
  ExportControlSchema,
  grantInspectionRoute,
  inspectableRoute,
  issueLicenceRoute,
  LicenceInputSchema,
  LicenceSchema,
  openAssessmentRoute,
  queuesRoute,
  reportDownloadRoute,
  reportsRoute,
  RequirementInputSchema,
  requirementRoute,
} from './schemas.ts';

/**
 * A criterion's fields are named by its number, as the domain and the assessment form name them
 * (`criteria.8.reasoning`), not by its place in the list sent, which skips the criteria not yet found on.
 */
function criterionField(field: string, input: unknown): string {
  const [, index, rest = ''] = /^criteria\.(\d+)(\..+)?$/.exec(field) ?? [];
  const criteria = (input as { criteria?: unknown } | undefined)?.criteria;
  const criterion = index !== undefined && Array.isArray(criteria) ? (criteria[Number(index)] as { criterion?: unknown } | undefined)?.criterion : undefined;
  return EXPORT_CRITERIA.some((number) => number === criterion) ? `criteria.${String(criterion)}${rest}` : field;
}

/** The queues have one order, which their cursors name. */
const QUEUE_SORT = 'queueDate';

export function exportControlRoutes() {
  const app = apiRoutes(validationHookWith(() => [], criterionField));
  const db = (c: Context<ApiEnv>) => c.get('deps').db;

  app.openapi(queuesRoute, async (c) => {
    const query = c.req.valid('query');
    const pageOf = (list: 'assessment' | 'licence') => {
      const { start, pageSize = exportControl.QUEUE_PAGE_SIZE } = listPage(query, list, QUEUE_SORT, isQueuePosition);
      return { start, pageSize };
    };
    const queues = await exportControl.readExportQueues(db(c), requestContext(c), { awaitingAssessment: pageOf('assessment'), awaitingLicence: pageOf('licence') });
    const pageFieldsOf = ({ pageSize, total, totalIsCapped, ...page }: exportControl.QueuePage) => ({ pageSize, total, totalIsCapped, ...pageCursors(page, QUEUE_SORT) });
    return c.json(
      {
        awaitingAssessment: queues.awaitingAssessment.rows,
        awaitingAssessmentPage: pageFieldsOf(queues.awaitingAssessment),
        awaitingLicence: queues.awaitingLicence.rows,
        awaitingLicencePage: pageFieldsOf(queues.awaitingLicence),
      },
      200,
    );
  });

  app.openapi(exportControlRoute, async (c) => {
    const control = await exportControl.readExportControl(db(c), requestContext(c), c.req.valid('param').id);
    c.header('ETag', etag(control.version));
    return c.json(control, 200);
  });

  app.openapi(requirementRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    return addToHistory(c, { request: { id, ...body }, response: ExportControlSchema }, async (trx, expected) => {
      const control = await exportControl.setRequirement(trx, requestContext(c), id, body, expected);
      return { version: control.version, body: control };
    });
  }, passedFieldsHook(passedFieldRules(RequirementInputSchema, requirementViolations)));

  app.openapi(assessRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    return addToHistory(c, { request: { id, ...body }, response: AssessmentSchema }, async (trx, expectedVersion) => {
      const { version, ...assessment } = await exportControl.assess(trx, requestContext(c), id, body, { expectedVersion });
      return { version, body: assessment };
    });
  }, passedFieldsHook(passedFieldRules(AssessmentInputSchema, assessmentViolations), { nameOf: criterionField }));

  app.openapi(grantInspectionRoute, async (c) => {
    const { note } = c.req.valid('json');
    const { id } = c.req.valid('param');
    return createIdempotently(c, { request: { id, note }, response: AssessmentSchema }, async (trx) => ({
      body: await exportControl.grantInspection(trx, requestContext(c), id, note),
    }));
  });

  app.openapi(issueLicenceRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    return addToHistory(c, { request: { id, ...body }, response: LicenceSchema }, async (trx, expectedVersion) => {
      const { version, ...licence } = await exportControl.issueLicence(trx, requestContext(c), id, body, { expectedVersion });
      return { version, body: licence };
    });
  }, passedFieldsHook(passedFieldRules(LicenceInputSchema, licenceFieldViolations), {
    inRegister: (c, passed) => exportControl.licenceRegisterViolations(db(c), requestContext(c).actor?.id ?? null, c.req.param('id')!, passed),
  }));

  app.openapi(inspectableRoute, async (c) => c.json({ items: await exportControl.listInspectable(db(c), requestContext(c)) }, 200));

  app.openapi(openAssessmentRoute, async (c) => c.json(await exportControl.openAssessment(db(c), requestContext(c), c.req.valid('param').id), 200));

  app.openapi(reportsRoute, async (c) => c.json(await exportControl.armsTransferReports(db(c), requestContext(c), c.req.valid('param').year), 200));

  app.openapi(reportDownloadRoute, async (c) => {
    const { year, report } = c.req.valid('param');
    const { format, lang } = c.req.valid('query');
    const language = lang ?? preferredLanguage(c.req.header('accept-language'));
    const reports = await exportControl.armsTransferReports(db(c), requestContext(c), year);
    const disposition = `attachment; filename="${report}-${year}.${format}"`;
    if (format === 'csv') return c.body(reportCsv(reports, report, language), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition });
    return c.body(await reportWorkbook(reports, language, [report]), 200, { 'Content-Type': XLSX_TYPE, 'Content-Disposition': disposition });
  });

  return app;
}
