import * as register from '../../register/industry.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag, versionsInIfMatch } from '../if-match.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import {
  companyDecisionInputRules,
  companyDecisionRoute,
  CompanyDecisionSchema,
  companyInputRules,
  CompanyWithdrawalSchema,
  companyWithdrawalInputRules,
  contractCorrectionRules,
  contractInputRules,
  ContractWithdrawalSchema,
  contractWithdrawalInputRules,
  correctCompanyRoute,
  correctContractRoute,
  correctCoproductionRoute,
  correctDemandBundleRoute,
  coproductionCorrectionRules,
  coproductionInputRules,
  coproductionRoute,
  createCompanyRoute,
  createContractRoute,
  CreatedSchema,
  demandBundleInputRules,
  demandBundleRoute,
  lessonInputRules,
  lessonRoute,
  overviewRoute,
  priceInputRules,
  priceRoute,
  progressInputRules,
  progressRoute,
  stageInputRules,
  stageRoute,
  withdrawCompanyRoute,
  withdrawContractRoute,
} from './schemas.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';

export function industryRoutes() {
  const app = apiRoutes();

  app.openapi(overviewRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await register.industryOverview(db, c.req.valid('query').date ?? todayInAmsterdam(clock())), 200);
  });

  app.openapi(createCompanyRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: { id: (await register.createCompany(trx, requestContext(c), body)).id } }));
  }, passedFieldsHook(companyInputRules, { inRegister: (c, passed) => register.companyRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(correctCompanyRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const company = await register.correctCompany(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json'), version);
    c.header('ETag', etag(company.version));
    const { id, name, country, registrationNumber } = company;
    return c.json({ id, name, country, registrationNumber, version: company.version }, 200);
  }, passedFieldsHook(companyInputRules, { inRegister: (c, passed) => register.companyCorrectionRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(withdrawCompanyRoute, async (c) => {
    const body = c.req.valid('json');
    const companyId = c.req.valid('param').id;
    return addToHistory(c, { request: { companyId, ...body }, response: CompanyWithdrawalSchema }, async (trx, expected) => {
      const { version, ...withdrawal } = await register.withdrawCompany(trx, requestContext(c), companyId, body, expected);
      return { version, body: withdrawal };
    });
  }, passedFieldsHook(companyWithdrawalInputRules, { inRegister: (c, passed, today) => register.companyWithdrawalRegisterViolations(c.get('deps').db, c.req.param('id')!, passed, today) }));

  app.openapi(createContractRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: { id: (await register.createContract(trx, requestContext(c), input, confirm)).id } }));
  }, passedFieldsHook(contractInputRules, { inRegister: (c, passed) => register.contractRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(correctContractRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm, ...input } = c.req.valid('json');
    const contract = await register.correctContract(c.get('deps').db, requestContext(c), c.req.valid('param').id, input, version, confirm);
    c.header('ETag', etag(contract.version));
    const { id, companyId, reference, subject, amountCents, signedOn, deliveryIds } = contract;
    return c.json({ id, companyId, reference, subject, amountCents, signedOn, deliveryIds, version: contract.version }, 200);
  }, passedFieldsHook(contractCorrectionRules, { inRegister: (c, passed) => register.contractCorrectionRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(withdrawContractRoute, async (c) => {
    const body = c.req.valid('json');
    const contractId = c.req.valid('param').id;
    const { confirm, ...input } = body;
    return addToHistory(c, { request: { contractId, ...body }, response: ContractWithdrawalSchema }, async (trx, expected) => {
      const { version, ...withdrawal } = await register.withdrawContract(trx, requestContext(c), contractId, input, expected, confirm);
      return { version, body: withdrawal };
    });
  }, passedFieldsHook(contractWithdrawalInputRules, { inRegister: (c, passed, today) => register.contractWithdrawalRegisterViolations(c.get('deps').db, c.req.param('id')!, passed, today) }));

  app.openapi(progressRoute, async (c) => {
    const body = c.req.valid('json');
    const milestoneId = c.req.valid('param').id;
    const { confirm, ...report } = body;
    return addToHistory(c, { request: { milestoneId, ...body }, response: CreatedSchema }, async (trx, expected) => {
      const { id, version } = await register.reportProgress(trx, requestContext(c), milestoneId, report, expected, confirm);
      return { version, body: { id } };
    });
  }, passedFieldsHook(progressInputRules, { inRegister: (c, passed, today) => register.progressRegisterViolations(c.get('deps').db, c.req.param('id')!, passed, today) }));

  app.openapi(priceRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: await register.recordPriceDevelopment(trx, requestContext(c), body) }));
  }, passedFieldsHook(priceInputRules, { inRegister: (c, passed) => register.priceRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(lessonRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: await register.recordLesson(trx, requestContext(c), body) }));
  }, passedFieldsHook(lessonInputRules));

  app.openapi(coproductionRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: await register.createCoproduction(trx, requestContext(c), input, confirm) }));
  }, passedFieldsHook(coproductionInputRules, { inRegister: (c, passed) => register.coproductionRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(correctCoproductionRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const project = await register.correctCoproduction(c.get('deps').db, requestContext(c), c.req.valid('param').id, c.req.valid('json'), version);
    c.header('ETag', etag(project.version));
    const { id, title, partner } = project;
    return c.json({ id, title, partner, version: project.version }, 200);
  }, passedFieldsHook(coproductionCorrectionRules, { inRegister: (c, passed) => register.coproductionCorrectionRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(stageRoute, async (c) => {
    const body = c.req.valid('json');
    const projectId = c.req.valid('param').id;
    return addToHistory(c, { request: { projectId, ...body }, response: CreatedSchema }, async (trx, expected) => {
      const { id, version } = await register.recordStage(trx, requestContext(c), projectId, body, expected);
      return { version, body: { id } };
    });
  }, passedFieldsHook(stageInputRules, { inRegister: (c, passed, today) => register.stageRegisterViolations(c.get('deps').db, c.req.param('id')!, passed, today) }));

  app.openapi(demandBundleRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return createIdempotently(c, { request: body, response: CreatedSchema }, async (trx) => ({ body: await register.recordDemandBundle(trx, requestContext(c), input, confirm) }));
  }, passedFieldsHook(demandBundleInputRules, { inRegister: (c, passed) => register.demandBundleRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(correctDemandBundleRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const { confirm, ...input } = c.req.valid('json');
    const bundle = await register.correctDemandBundle(c.get('deps').db, requestContext(c), c.req.valid('param').id, input, version, confirm);
    c.header('ETag', etag(bundle.version));
    const { id, need, category, dutchQuantity, ukrainianQuantity, identifiedOn, note } = bundle;
    return c.json({ id, need, category, dutchQuantity, ukrainianQuantity, identifiedOn, note, version: bundle.version }, 200);
  }, passedFieldsHook(demandBundleInputRules, { inRegister: (c, passed) => register.demandBundleCorrectionRegisterViolations(c.get('deps').db, c.req.param('id')!, passed) }));

  app.openapi(companyDecisionRoute, async (c) => {
    const body = c.req.valid('json');
    const companyId = c.req.valid('param').id;
    return addToHistory(c, { request: { companyId, ...body }, response: CompanyDecisionSchema }, async (trx, expected) => {
      const { version, ...decided } = await register.decideOnCompany(trx, requestContext(c), companyId, body, expected);
      return { version, body: decided };
    });
  }, passedFieldsHook(companyDecisionInputRules));

  return app;
}
