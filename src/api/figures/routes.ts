import { withExactIntegers } from '../../../common/exact-json.ts';
import { todayInAmsterdam } from '../../../common/dates.ts';
import { figuresSeries, figuresTable, nextLetterDates } from '../../register/figures.ts';
import { apiRoutes } from '../api-routes.ts';
import { figuresRoute, nextLetterDatesRoute, seriesRoute } from './schemas.ts';

export function figuresRoutes() {
  const app = apiRoutes();

  app.openapi(figuresRoute, async (c) => {
    const { referenceDate, compareDate } = c.req.valid('query');
    return c.json(withExactIntegers(await figuresTable(c.get('deps').db, referenceDate, compareDate)), 200);
  });

  app.openapi(nextLetterDatesRoute, async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await nextLetterDates(db, todayInAmsterdam(clock())), 200);
  });

  app.openapi(seriesRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(withExactIntegers({ points: await figuresSeries(c.get('deps').db, from, to) }), 200);
  });

  return app;
}
