import { decide, decisionsOf, decisionsVersion, disclosureQueue, DUE_REVIEWS_PAGE_SIZE, QUEUE_ORDER, TO_DECIDE_AGAIN_PAGE_SIZE } from '../../register/disclosure.ts';
import { isDueReviewPosition, isToDecideAgainPosition } from '../../db/repositories/disclosure.ts';
import { isDeliveryPosition } from '../../db/repositories/deliveries.ts';
import { apiRoutes } from '../api-routes.ts';
import { listPage, pageCursors, pageStart } from '../cursor.ts';
import { ValidationError } from '../../register/errors.ts';
import { requestContext } from '../context.ts';
import { presentSummary } from '../deliveries/presenters.ts';
import { createIdempotently } from '../idempotency.ts';
import { etag, versionsInIfMatch } from '../if-match.ts';
import { decisionInput } from './presenters.ts';
import { decideRoute, decisionInputRules, DecisionsSchema, historyRoute, queueRoute } from './schemas.ts';
import { decisionRequestViolations } from '../../domain/disclosure.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';

/** The one order of the deliveries due for review, which their cursors name. */
const DUE_REVIEW_SORT = 'reviewOn';

/** The one order of the deliveries to decide on again: by their item's public title. */
const TO_DECIDE_AGAIN_SORT = 'publicTitle';

export function disclosureRoutes() {
  const app = apiRoutes();

  app.openapi(queueRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const query = c.req.valid('query');
    const { referenceDate, after, before, pageSize = 25 } = query;
    const sort = QUEUE_ORDER.sort;
    const { start: reviewsStart, pageSize: reviewsPageSize = DUE_REVIEWS_PAGE_SIZE } = listPage(query, 'reviews', DUE_REVIEW_SORT, isDueReviewPosition);
    const { start: decideAgainStart, pageSize: decideAgainPageSize = TO_DECIDE_AGAIN_PAGE_SIZE } = listPage(query, 'decideAgain', TO_DECIDE_AGAIN_SORT, isToDecideAgainPosition);
    const queue = await disclosureQueue(db, requestContext(c), {
      referenceDate: referenceDate ?? todayInAmsterdam(clock()),
      start: pageStart({ after, before }, sort, (position) => isDeliveryPosition(sort, position)),
      pageSize,
      reviews: { start: reviewsStart, pageSize: reviewsPageSize },
      decideAgain: { start: decideAgainStart, pageSize: decideAgainPageSize },
    });
    const { rows, total, totalIsCapped } = queue.undecided;
    const undecided = { items: rows.map(presentSummary), pageSize, total, totalIsCapped, ...pageCursors(queue.undecided, sort) };
    const reviews = queue.dueForReview;
    const dueForReviewPage = { pageSize: reviewsPageSize, total: reviews.total, totalIsCapped: reviews.totalIsCapped, ...pageCursors(reviews, DUE_REVIEW_SORT) };
    const decideAgain = queue.toDecideAgain;
    const toDecideAgainPage = { pageSize: decideAgainPageSize, total: decideAgain.total, totalIsCapped: decideAgain.totalIsCapped, ...pageCursors(decideAgain, TO_DECIDE_AGAIN_SORT) };
    return c.json({ ...queue, undecided, dueForReview: reviews.rows, dueForReviewPage, toDecideAgain: decideAgain.rows, toDecideAgainPage }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const history = await decisionsOf(c.get('deps').db, requestContext(c), c.req.valid('param').id);
    c.header('ETag', etag(history.version));
    return c.json(history, 200);
  });

  app.openapi(decideRoute, async (c) => {
    const body = c.req.valid('json');
    const violations = decisionRequestViolations(body, todayInAmsterdam(c.get('deps').clock()));
    if (violations.length > 0) throw new ValidationError(violations);
    const expected = versionsInIfMatch(c.req.valid('header')['if-match']);
    return createIdempotently(c, { request: body, response: DecisionsSchema }, async (trx) => {
      const items = await decide(trx, requestContext(c), body.deliveryIds, decisionInput(body), expected);
      const [only, ...others] = new Set(body.deliveryIds);
      const headers: Record<string, string> = only !== undefined && others.length === 0 ? { ETag: etag(await decisionsVersion(trx, only)) } : {};
      return { headers, body: { items } };
    });
  }, passedFieldsHook(decisionInputRules));

  return app;
}
