import { createHash } from 'node:crypto';
import type { Rendering } from '../../letters/renderings.ts';
import { MadeOnce } from '../../made-once.ts';

export interface CachedRendering extends Rendering {
  /** A strong ETag: the SHA-256 of the rendering's bytes. */
  etag: string;
}

/** Enough for every format of the last letters; the oldest used entry gives way. */
const MAX_ENTRIES = 64;

/**
 * Renderings of final letters, made once: a final letter's text never changes, so its rendering in a
 * format is the same for everyone until its publication details are added. Requests that arrive while
 * one is being made wait for that one rather than starting their own.
 */
export class RenderingCache {
  readonly #renderings = new MadeOnce<CachedRendering>(MAX_ENTRIES);

  get(key: string, render: () => Promise<Rendering>): Promise<CachedRendering> {
    return this.#renderings.get(key, () => render().then((rendering) => ({ ...rendering, etag: `"${createHash('sha256').update(rendering.body).digest('base64url')}"` })));
  }
}
