import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { allowFramingBySelf, allowInlineStyle, securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  const app = new Hono();
  app.use(securityHeaders({ trustProxy: false }));
  app.get('/page', (c) => c.text('a page'));
  app.get('/preview', (c) => {
    allowFramingBySelf(c);
    return c.html('<p>the letter</p>');
  });
  app.get('/styled', (c) => {
    allowInlineStyle(c, "'sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg='");
    return c.html('<style>p {}</style><p>the annex</p>');
  });

  it('let nobody frame an answer, and this site frame only its own', async () => {
    const response = await app.request('/page');
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-src 'self'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it("let this site's own pages frame an answer that allows it, and nobody else", async () => {
    const response = await app.request('/preview');
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });

  it("allows an answer's own stylesheet by its hash, and no other inline style", async () => {
    const styled = (await app.request('/styled')).headers.get('Content-Security-Policy') ?? '';
    expect(styled).toContain("style-src 'self' 'sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg='; ");
    expect(styled).toContain("default-src 'none'");
    expect(styled).toContain("frame-ancestors 'none'");
    const plain = (await app.request('/page')).headers.get('Content-Security-Policy') ?? '';
    expect(plain).toContain("style-src 'self'; ");
    for (const policy of [styled, plain]) expect(policy).not.toContain('unsafe-inline');
  });
});
