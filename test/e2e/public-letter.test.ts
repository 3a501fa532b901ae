import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ResponseBody } from '../../web/src/api/contract.ts';
import type { PublicLetter } from '../../web/src/api/public.ts';
import { describeWithBrowser } from '../support/browser.ts';
import { openPageIn, useServer, visit } from './app.ts';

const NO_BREAK = '\u00a0';

type PublicLetterDetail = ResponseBody<'/public/letters/{id}', 'get'>;

describeWithBrowser('the public page of a letter', (browser) => {
  const server = useServer();
  let letter: PublicLetterDetail;
  let page: Page;
  beforeAll(async () => {
    const { items } = (await (await fetch(`${server().url}/api/v1/public/letters`)).json()) as { items: PublicLetter[] };
    // The demonstration's letter of 17 February 2025.
    const sent = items.find((item) => item.referenceDate === '2025-02-04')!;
    letter = (await (await fetch(`${server().url}/api/v1/public/letters/${sent.id}`)).json()) as PublicLetterDetail;
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('keeps an amount with its unit and a date on one line, as the letter’s renderings do, where its frozen text has plain spaces', async () => {
    const frozen = 'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 4 februari 2025 €5,9 mld.';
    expect(JSON.stringify(letter.document.sections)).toContain(frozen);

    page = await openPageIn(browser(), 'nl');
    await visit(page, server(), `/openbaar/brieven/${letter.id}`);
    const text = await page.locator('article.letter-text p').filter({ hasText: 'De totale waarde van de gerealiseerde' }).textContent();
    expect(text).toContain(`bedroeg op 4${NO_BREAK}februari${NO_BREAK}2025 €5,9${NO_BREAK}mld.`);
  });
});
