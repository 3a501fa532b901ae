import { todayInAmsterdam } from '../../../common/dates.ts';
import { isCommitmentPosition } from '../../db/repositories/budget.ts';
import * as register from '../../register/budget.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { pageCursors, pageStart } from '../cursor.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag } from '../if-match.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import {
  addStageRoute,
  BudgetDecisionSchema,
  budgetFiguresRoute,
  BudgetShiftSchema,
  commitmentFilter,
  commitmentInputRules,
  CommitmentSchema,
  createCommitmentRoute,
  createDecisionRoute,
  createShiftRoute,
  decisionInputRules,
  getCommitmentRoute,
  listBudgetRoute,
  listCommitmentsRoute,
  shiftInputRules,
  stageInputRules,
} from './schemas.ts';

/** The one order of the commitments' list, named in its cursors. */
const COMMITMENT_SORT = 'title';

export function budgetRoutes() {
  const app = apiRoutes();

  app.openapi(listBudgetRoute, async (c) => c.json(await register.listBudget(c.get('deps').db), 200));

  app.openapi(listCommitmentsRoute, async (c) => {
    const { after, before, pageSize = 25, ...filter } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    const page = await register.listCommitments(db, {
      filter: commitmentFilter(filter),
      start: pageStart({ after, before }, COMMITMENT_SORT, isCommitmentPosition),
      pageSize,
      today: todayInAmsterdam(clock()),
    });
    return c.json({ items: page.rows, pageSize, total: page.total, totalIsCapped: page.totalIsCapped, ...pageCursors(page, COMMITMENT_SORT) }, 200);
  });

  app.openapi(getCommitmentRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const commitment = await register.getCommitment(db, c.req.valid('param').id, todayInAmsterdam(clock()));
    c.header('ETag', etag(commitment.version));
    return c.json(commitment, 200);
  });

  app.openapi(budgetFiguresRoute, async (c) => {
    const { knownAt, fund } = c.req.valid('query');
    const { db, clock } = c.get('deps');
    return c.json(await register.budgetFiguresAt(db, knownAt, todayInAmsterdam(clock()), fund), 200);
  });

  app.openapi(createDecisionRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: BudgetDecisionSchema }, async (trx) => ({
      body: await register.createDecision(trx, requestContext(c), input, confirm),
    }));
  }, passedFieldsHook(decisionInputRules, { inRegister: (c, passed) => register.decisionRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(createShiftRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: BudgetShiftSchema }, async (trx) => ({
      body: await register.createShift(trx, requestContext(c), body),
    }));
  }, passedFieldsHook(shiftInputRules, { inRegister: (c, passed, today) => register.shiftRegisterViolations(c.get('deps').db, passed, today) }));

  app.openapi(createCommitmentRoute, async (c) => {
    const body = c.req.valid('json');
    const { stage, amountCents, effectiveOn, note, ...fields } = body;
    return createIdempotently(c, { request: body, response: CommitmentSchema }, async (trx) => {
      const commitment = await register.createCommitment(trx, requestContext(c), fields, { stage, amountCents, effectiveOn, note });
      return { headers: { Location: `${c.req.path}/${commitment.id}`, ETag: etag(commitment.version) }, body: commitment };
    });
  }, passedFieldsHook(commitmentInputRules, { inRegister: (c, passed) => register.commitmentRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(addStageRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: CommitmentSchema }, async (trx, expected) => {
      const commitment = await register.addCommitmentStage(trx, requestContext(c), c.req.valid('param').id, input, expected, confirm);
      return { version: commitment.version, body: commitment };
    });
  }, passedFieldsHook(stageInputRules, { inRegister: (c, passed, today) => register.stageRegisterViolations(c.get('deps').db, c.req.param('id')!, passed, today) }));

  return app;
}
