import { beforeAll, expect, it } from 'vitest';
import { listDeliveries, type TextSearch } from '../../src/db/repositories/deliveries.ts';
import { apiClient } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';

const WAYS: readonly TextSearch[] = ['mayBeRare', 'common'];

describeEachDatabase('a text search of the delivery list, written for a rare text or a common one', (database) => {
  const marker = `Zoekwijze${Date.now()}`;
  const titles = [`${marker} Radar 100%`, `${marker} radar_b`, `${marker} RADAR\\c`, `${marker} Ráder`, `${marker} drone`];

  beforeAll(async () => {
    const call = apiClient(database().db, { role: 'registrar' });
    for (const [index, title] of titles.entries()) {
      const realisedAt = index % 2 === 0 ? `2024-0${index + 1}-10` : null;
      const created = await call('POST', '/deliveries', { ...stockDelivery, title, committedAt: realisedAt && '2024-01-01', realisedAt });
      expect(created.status).toBe(201);
    }
  });

  const titlesFound = async (text: string, textSearch: TextSearch) => {
    const page = await listDeliveries(database().db, { text: `${marker} ${text}`.trim(), sort: 'realisedAt', descending: true, limit: 10 }, textSearch);
    return page.rows.map((row) => row.title);
  };

  it('finds the same deliveries in the same order either way, wildcards and case taken as typed', async () => {
    const expected: Record<string, string[]> = {
      radar: [titles[2]!, titles[0]!, titles[1]!],
      'radar 100%': [titles[0]!],
      'radar_': [titles[1]!],
      'r_dar': [],
      'radar\\c': [titles[2]!],
      '%': [],
      ráder: [titles[3]!],
      '': [titles[4]!, titles[2]!, titles[0]!, titles[3]!, titles[1]!],
    };
    for (const [text, found] of Object.entries(expected)) {
      for (const way of WAYS) expect(new Set(await titlesFound(text, way)), `${way}: ${text}`).toEqual(new Set(found));
      expect(await titlesFound(text, 'common'), text).toEqual(await titlesFound(text, 'mayBeRare'));
    }
  });
});
