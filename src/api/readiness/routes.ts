import * as register from '../../register/readiness.ts';
import { isStockDeliveryPosition } from '../../db/repositories/readiness.ts';
import { apiRoutes } from '../api-routes.ts';
import { pageCursors, pageStart } from '../cursor.ts';
import { requestContext } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag, versionsInIfMatch } from '../if-match.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import {
  createProjectRoute,
  DeliveryReadinessSchema,
  getDeliveryReadinessRoute,
  getProjectRoute,
  judgementInputRules,
  judgeRoute,
  JudgementSchema,
  listStockDeliveriesRoute,
  nonReplacementInputRules,
  nonReplacementRoute,
  NonReplacementSchema,
  overviewRoute,
  projectInputRules,
  ProjectSchema,
  ReadinessOverviewSchema,
  replaceProjectRoute,
  replenishmentSummaryRoute,
  ReplenishmentSummarySchema,
  stockDeliveryFilter,
} from './schemas.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';

/** The one order of the stock deliveries' list, named in its cursors. */
const STOCK_DELIVERY_SORT = 'title';

export function readinessRoutes() {
  const app = apiRoutes();

  app.openapi(overviewRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const today = todayInAmsterdam(clock());
    return c.json(ReadinessOverviewSchema.parse(await register.replenishmentOverview(db, c.req.valid('query').date ?? today, today)), 200);
  });

  app.openapi(listStockDeliveriesRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const { after, before, pageSize = 25, ...query } = c.req.valid('query');
    const filter = stockDeliveryFilter(query, todayInAmsterdam(clock()));
    const page = await register.listStockDeliveryReadiness(db, {
      filter,
      start: pageStart({ after, before }, STOCK_DELIVERY_SORT, isStockDeliveryPosition),
      pageSize,
    });
    return c.json({ date: filter.date, items: page.rows, pageSize, total: page.total, totalIsCapped: page.totalIsCapped, ...pageCursors(page, STOCK_DELIVERY_SORT) }, 200);
  });

  app.openapi(getDeliveryReadinessRoute, async (c) => {
    const readiness = await register.deliveryReadiness(c.get('deps').db, c.req.valid('param').id);
    c.header('ETag', etag(readiness.version));
    return c.json(DeliveryReadinessSchema.parse(readiness), 200);
  });

  app.openapi(replenishmentSummaryRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(ReplenishmentSummarySchema.parse(await register.replenishmentSummary(db, c.req.valid('query').date ?? todayInAmsterdam(clock()))), 200);
  });

  app.openapi(judgeRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: JudgementSchema }, async (trx, expected) => {
      const { version, ...judgement } = await register.judge(trx, requestContext(c), id, input, expected, confirm);
      return { version, body: judgement };
    });
  }, passedFieldsHook(judgementInputRules, { inRegister: (c, passed) => register.judgementRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(nonReplacementRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: NonReplacementSchema }, async (trx, expected) => {
      const { version, ...decided } = await register.decideNotToReplace(trx, requestContext(c), id, input, expected, confirm);
      return { version, body: decided };
    });
  }, passedFieldsHook(nonReplacementInputRules, { inRegister: (c, passed) => register.nonReplacementRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(createProjectRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: ProjectSchema }, async (trx) => {
      const project = await register.createProject(trx, requestContext(c), input, confirm);
      return { headers: { Location: `${c.req.path}/${project.id}`, ETag: etag(project.version) }, body: project };
    });
  }, passedFieldsHook(projectInputRules, { inRegister: (c, passed) => register.projectChangeRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(getProjectRoute, async (c) => {
    const project = await register.getProject(c.get('deps').db, c.req.valid('param').id);
    c.header('ETag', etag(project.version));
    return c.json(ProjectSchema.parse(project), 200);
  });

  app.openapi(replaceProjectRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm, ...input } = c.req.valid('json');
    const project = await register.updateProject(c.get('deps').db, requestContext(c), c.req.valid('param').id, version, input, confirm);
    c.header('ETag', etag(project.version));
    return c.json(ProjectSchema.parse(project), 200);
  }, passedFieldsHook(projectInputRules, { inRegister: (c, passed) => register.projectChangeRegisterViolations(c.get('deps').db, passed, c.req.param('id')!) }));

  return app;
}
