import * as register from '../../register/training.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { addToHistory, etag, versionsInIfMatch } from '../if-match.ts';
import { passedFieldsHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import {
  addContributionRoute,
  contributionInputRules,
  ContributionSchema,
  createProgrammeRoute,
  getProgrammeRoute,
  listProgrammesRoute,
  programmeInputRules,
  ProgrammeAtSchema,
  ProgrammeSchema,
  replaceProgrammeRoute,
} from './schemas.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';

export function trainingRoutes() {
  const app = apiRoutes();

  app.openapi(listProgrammesRoute, async (c) => {
    const { db, clock } = c.get('deps');
    const date = c.req.valid('query').date ?? todayInAmsterdam(clock());
    const items = await register.programmesAt(db, date);
    return c.json({ date, items: items.map((item) => ProgrammeAtSchema.parse(item)) }, 200);
  });

  app.openapi(createProgrammeRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: ProgrammeSchema }, async (trx) => {
      const programme = await register.createProgramme(trx, requestContext(c), body);
      return { headers: { Location: `${c.req.path}/${programme.id}`, ETag: etag(programme.version) }, body: programme };
    });
  }, passedFieldsHook(programmeInputRules, { inRegister: (c, passed) => register.programmeRegisterViolations(c.get('deps').db, passed) }));

  app.openapi(getProgrammeRoute, async (c) => {
    const programme = await register.getProgramme(c.get('deps').db, c.req.valid('param').id);
    c.header('ETag', etag(programme.version));
    return c.json(ProgrammeSchema.parse(programme), 200);
  });

  app.openapi(replaceProgrammeRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const programme = await register.updateProgramme(c.get('deps').db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json'));
    c.header('ETag', etag(programme.version));
    return c.json(ProgrammeSchema.parse(programme), 200);
  }, passedFieldsHook(programmeInputRules, { inRegister: (c, passed) => register.programmeRegisterViolations(c.get('deps').db, passed, c.req.param('id')!) }));

  app.openapi(addContributionRoute, async (c) => {
    const body = c.req.valid('json');
    const { confirm, ...input } = body;
    return addToHistory(c, { request: body, response: ContributionSchema }, async (trx, expected) => {
      const { version, ...contribution } = await register.addContribution(trx, requestContext(c), c.req.valid('param').id, input, expected, confirm);
      return { version, body: contribution };
    });
  }, passedFieldsHook(contributionInputRules));

  return app;
}
