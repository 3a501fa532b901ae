import { withExactIntegers } from '../../../common/exact-json.ts';
import { figuresSeries, figuresTable } from '../../register/figures.ts';
import { apiRoutes } from '../api-routes.ts';
import { figuresRoute, seriesRoute } from './schemas.ts';

export function figuresRoutes() {
  const app = apiRoutes();

  app.openapi(figuresRoute, async (c) => {
    const { referenceDate, compareDate } = c.req.valid('query');
    return c.json(withExactIntegers(await figuresTable(c.get('deps').db, referenceDate, compareDate)), 200);
  });

  app.openapi(seriesRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(withExactIntegers({ points: await figuresSeries(c.get('deps').db, from, to) }), 200);
  });

  return app;
}
