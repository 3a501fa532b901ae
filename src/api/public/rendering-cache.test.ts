import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Rendering } from '../../letters/renderings.ts';
import { RenderingCache } from './rendering-cache.ts';

/** A render function that counts its calls; every call finishes when `finish` is called. */
function countedRender(body: string) {
  let calls = 0;
  const { promise: finished, resolve: finish } = Promise.withResolvers<void>();
  const render = async (): Promise<Rendering> => {
    calls += 1;
    await finished;
    return { body, contentType: 'text/plain', extension: 'txt' };
  };
  return { render, calls: () => calls, finish: () => finish() };
}

describe('the cache of final letters rendered', () => {
  it('renders once for requests that come while it renders and after, each with the same strong ETag', async () => {
    const cache = new RenderingCache();
    const pdf = countedRender('de brief');
    const waiting = Array.from({ length: 20 }, () => cache.get('sha pdf', pdf.render));
    pdf.finish();
    const answers = [...(await Promise.all(waiting)), await cache.get('sha pdf', pdf.render)];
    expect(pdf.calls()).toBe(1);
    expect(new Set(answers.map((answer) => answer.etag))).toEqual(new Set([`"${createHash('sha256').update('de brief').digest('base64url')}"`]));
  });

  it('renders again for another key, and after a rendering that failed', async () => {
    const cache = new RenderingCache();
    const html = countedRender('html');
    const first = cache.get('sha html', html.render);
    html.finish();
    await first;
    const other = countedRender('met kamerstuknummer');
    const second = cache.get('sha 36 560 nr. 1 html', other.render);
    other.finish();
    await second;
    expect([html.calls(), other.calls()]).toEqual([1, 1]);

    let failures = 0;
    const failing = () => {
      failures += 1;
      return Promise.reject(new Error('kapot'));
    };
    await expect(cache.get('sha docx', failing)).rejects.toThrow('kapot');
    await expect(cache.get('sha docx', failing)).rejects.toThrow('kapot');
    expect(failures).toBe(2);
  });
});
