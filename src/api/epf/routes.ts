import { isClaimPosition } from '../../db/repositories/epf.ts';
import * as register from '../../register/epf.ts';
import { apiRoutes } from '../api-routes.ts';
import { pageCursors, pageStart } from '../cursor.ts';
import { requestContext } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag } from '../if-match.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import {
  assessmentInputRules,
  assessRoute,
  blockageInputRules,
  blockRoute,
  ClaimDetailSchema,
  claimInputRules,
  createClaimRoute,
  createTrancheRoute,
  getClaimRoute,
  listClaimsRoute,
  listTranchesRoute,
  overviewRoute,
  receiptInputRules,
  receiveRoute,
  trancheInputRules,
  TrancheSchema,
} from './schemas.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';
import type { Context } from 'hono';
import type { ApiEnv } from '../context.ts';
import type { RuleViolation } from '../../domain/delivery.ts';
import { assessmentViolations, blockageViolations, receiptViolations, type EpfClaimHistory } from '../../domain/epf.ts';

/** The one order of the claims list, named in its cursors. */
const CLAIM_SORT = 'declaredOn';

/** The rules of an entry that read the history of the claim the path names. */
const againstHistory = (c: Context<ApiEnv>, violationsOf: (history: EpfClaimHistory) => RuleViolation[]) => register.historyViolations(c.get('deps').db, c.req.param('id')!, violationsOf);

export function epfRoutes() {
  const app = apiRoutes();
  const dateOrToday = (date: string | undefined, clock: () => Date) => date ?? todayInAmsterdam(clock());

  app.openapi(overviewRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await register.epfOverview(db, dateOrToday(c.req.valid('query').date, clock)), 200);
  });

  app.openapi(listTranchesRoute, async (c) => c.json({ items: await register.listTranches(c.get('deps').db) }, 200));

  app.openapi(createTrancheRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: TrancheSchema }, async (trx) => ({
      body: await register.createTranche(trx, requestContext(c), input, confirm),
    }));
  }, passedFieldsHook(trancheInputRules, { inRegister: (c, passed) => register.trancheRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(listClaimsRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const { date: asked, after, before, pageSize = 25 } = c.req.valid('query');
    const date = dateOrToday(asked, clock);
    const page = await register.listClaims(db, { date, start: pageStart({ after, before }, CLAIM_SORT, isClaimPosition), pageSize });
    return c.json({ date, items: page.rows, pageSize, total: page.total, totalIsCapped: page.totalIsCapped, ...pageCursors(page, CLAIM_SORT) }, 200);
  });

  app.openapi(createClaimRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: ClaimDetailSchema }, async (trx) => {
      const claim = await register.createClaim(trx, requestContext(c), input, confirm);
      return { headers: { Location: `${c.req.path}/${claim.claim.id}`, ETag: etag(claim.version) }, body: claim };
    });
  }, passedFieldsHook(claimInputRules, { inRegister: (c, passed, today) => register.claimRegisterViolations(c.get('deps').db, passed, today) }));

  app.openapi(getClaimRoute, async (c) => {
    const claim = await register.getClaim(c.get('deps').db, requestContext(c), c.req.valid('param').id);
    c.header('ETag', etag(claim.version));
    return c.json(claim, 200);
  });

  const claimWith = (claim: register.ClaimDetail) => ({ version: claim.version, body: claim });

  app.openapi(assessRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: ClaimDetailSchema }, async (trx, expected) =>
      claimWith(await register.assessClaim(trx, requestContext(c), c.req.valid('param').id, input, expected, confirm)));
  }, passedFieldsHook(assessmentInputRules, { inRegister: (c, passed, today) => againstHistory(c, (history) => assessmentViolations(history, passed, today)) }));

  app.openapi(receiveRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: ClaimDetailSchema }, async (trx, expected) =>
      claimWith(await register.receiveOnClaim(trx, requestContext(c), c.req.valid('param').id, input, expected, confirm)));
  }, passedFieldsHook(receiptInputRules, { inRegister: (c, passed, today) => againstHistory(c, (history) => receiptViolations(history, passed, today)) }));

  app.openapi(blockRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: ClaimDetailSchema }, async (trx, expected) =>
      claimWith(await register.blockClaim(trx, requestContext(c), c.req.valid('param').id, input, expected, confirm)));
  }, passedFieldsHook(blockageInputRules, {
    inRegister: (c, { blocked, effectiveOn }, today) => againstHistory(c, (history) => (blocked === undefined || effectiveOn === undefined ? [] : blockageViolations(history, { blocked, effectiveOn }, today))),
  }));

  return app;
}
