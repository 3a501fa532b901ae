import { expect } from 'vitest';

/** A page of a list as the API answers it: its items, and the cursors of its neighbours. */
export interface ListPage<Item> {
  items: Item[];
  next: string | null;
  previous: string | null;
}

/**
 * Walks a list from its first page to its last by `next`, then back by `previous`, and gives its items in
 * order; fails when a page back is not the page it came from.
 */
export async function walkList<Item>(read: (cursor: { after: string } | { before: string } | undefined) => Promise<ListPage<Item>>): Promise<Item[]> {
  const pages = [await read(undefined)];
  expect(pages[0]!.previous).toBeNull();
  while (pages.at(-1)!.next) pages.push(await read({ after: pages.at(-1)!.next! }));
  for (let index = pages.length - 1; index > 0; index--) expect((await read({ before: pages[index]!.previous! })).items).toEqual(pages[index - 1]!.items);
  return pages.flatMap((page) => page.items);
}

/** The query string of a list's cursor, named as the list's parameters are (`{list}After`, `{list}Before`). */
export function cursorQuery(list: string, cursor: { after: string } | { before: string } | undefined): string {
  if (!cursor) return '';
  return 'after' in cursor ? `&${list}After=${cursor.after}` : `&${list}Before=${cursor.before}`;
}
