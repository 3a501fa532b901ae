import { isIsoDate, type IsoDate } from '../../../common/dates.ts';
import { lifecycleViolations, stageDateViolations, type LifecycleDates } from '../../domain/delivery.ts';
import * as register from '../../register/deliveries.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { pageCursors, pageStart } from '../cursor.ts';
import { isDeliveryPosition } from '../../db/repositories/deliveries.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag, versionsInIfMatch } from '../if-match.ts';
import { passedFieldRules, passedFieldsHook, validationHookWith, type RegisterRules } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import { completeInput, deliveryListOrder, presentDelivery, presentSummary, withoutUndefined } from './presenters.ts';
import {
  addPaymentRoute,
  addValuationRoute,
  withdrawPaymentRoute,
  withdrawValuationRoute,
  WithdrawalSchema,
  createDeliveryRoute,
  DeliveryInputSchema,
  DeliveryPatchSchema,
  PaymentInputSchema,
  ValuationInputSchema,
  WithdrawalInputSchema,
  deleteRoute,
  DeliverySchema,
  getRoute,
  listRoute,
  patchRoute,
  PaymentSchema,
  replaceRoute,
  ValuationSchema,
} from './schemas.ts';

/** The stages of a delivery in a body that are dates at all: after today, or out of lifecycle order. */
function stageViolationsOfInput(input: unknown, today: IsoDate) {
  const dateOf = (field: string) => {
    const value: unknown = typeof input === 'object' && input !== null ? Reflect.get(input, field) : undefined;
    return typeof value === 'string' && isIsoDate(value) ? value : null;
  };
  const stages: LifecycleDates = { pledgedAt: dateOf('pledgedAt'), committedAt: dateOf('committedAt'), realisedAt: dateOf('realisedAt'), deliveredAt: dateOf('deliveredAt') };
  return [...stageDateViolations(stages, today), ...lifecycleViolations(stages)];
}

/** The rules of a change of a delivery that read the register, on the fields that passed the schema. */
const changeInRegister: RegisterRules<typeof DeliveryPatchSchema> = (c, passed) => register.changeRegisterViolations(c.get('deps').db, c.req.param('id')!, passed);

export function deliveriesRoutes() {
  const app = apiRoutes(validationHookWith(stageViolationsOfInput));

  app.openapi(listRoute, async (c) => {
    const { after, before, pageSize = 25, ...parameters } = c.req.valid('query');
    const order = deliveryListOrder(parameters);
    const sort = parameters.sort ?? '-realisedAt';
    const found = await register.listDeliveries(c.get('deps').db, {
      ...order,
      start: pageStart({ after, before }, sort, (position) => isDeliveryPosition(order.sort, position)),
      limit: pageSize,
    });
    return c.json(
      {
        items: found.rows.map(presentSummary),
        pageSize,
        total: found.total,
        totalIsCapped: found.totalIsCapped,
        ...pageCursors(found, sort),
        isDemonstration: found.isDemonstration,
      },
      200,
    );
  });

  app.openapi(createDeliveryRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    const { delivery, write } = await register.newDelivery(c.get('deps').db, requestContext(c), completeInput(input), confirm);
    const headers = { Location: `${c.req.path}/${delivery.id}`, ETag: etag(delivery.version) };
    return createIdempotently(c, { request: body, response: DeliverySchema }, { headers, body: presentDelivery(delivery), write });
  });

  app.openapi(getRoute, async (c) => {
    const delivery = await register.getDelivery(c.get('deps').db, c.req.valid('param').id);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  });

  app.openapi(replaceRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm, ...input } = c.req.valid('json');
    const delivery = await register.updateDelivery(c.get('deps').db, requestContext(c), c.req.valid('param').id, completeInput(input), version, confirm);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  }, passedFieldsHook(passedFieldRules(DeliveryInputSchema, stageViolationsOfInput), { inRegister: changeInRegister }));

  app.openapi(patchRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm, ...change } = c.req.valid('json');
    const delivery = await register.updateDelivery(c.get('deps').db, requestContext(c), c.req.valid('param').id, withoutUndefined(change), version, confirm);
    c.header('ETag', etag(delivery.version));
    return c.json(presentDelivery(delivery), 200);
  }, passedFieldsHook(passedFieldRules(DeliveryPatchSchema, stageViolationsOfInput), { inRegister: changeInRegister }));

  app.openapi(deleteRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm } = c.req.valid('query');
    await register.deleteDelivery(c.get('deps').db, requestContext(c), c.req.valid('param').id, version, confirm ? [confirm] : []);
    return c.body(null, 204);
  });

  app.openapi(addValuationRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: ValuationSchema }, async (trx, expected) => {
      const valuation = await register.addValuation(trx, requestContext(c), id, input, expected, confirm);
      return { version: await register.deliveryVersion(trx, id), body: valuation };
    });
  }, passedFieldsHook(passedFieldRules(ValuationInputSchema, register.valuationViolations), { inRegister: (c, passed) => register.valuationRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(addPaymentRoute, async (c) => {
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: PaymentSchema }, async (trx, expected) => {
      const payment = await register.addPayment(trx, requestContext(c), id, { ...input, reference: input.reference ?? null }, expected, confirm);
      return { version: await register.deliveryVersion(trx, id), body: payment };
    });
  }, passedFieldsHook(passedFieldRules(PaymentInputSchema, register.paymentViolations), { inRegister: (c, passed) => register.paymentRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  for (const [route, kind] of [[withdrawPaymentRoute, 'payment'], [withdrawValuationRoute, 'valuation']] as const) {
    app.openapi(route, async (c) => {
      const body = c.req.valid('json');
      const { confirm, ...input } = body;
      return addToHistory(c, { request: body, response: WithdrawalSchema }, async (trx, expected) => {
        const { deliveryId, ...withdrawal } = await register.withdrawMoney(trx, requestContext(c), kind, c.req.valid('param').id, input, expected, confirm);
        return { version: await register.deliveryVersion(trx, deliveryId), body: withdrawal };
      });
    }, passedFieldsHook(passedFieldRules(WithdrawalInputSchema, register.withdrawalViolations), { inRegister: (c, passed) => register.withdrawalRegisterViolations(c.get('deps').db, kind, c.req.param('id')!, passed) }));
  }

  return app;
}
