import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest runs the files it has timings for longest first, and files it has none for (a fresh clone, CI)
 * largest first. The browser tests are small files that run longest (every page in Dutch: over two
 * minutes), so in a fresh clone they started last and one worker ran them alone while the others waited.
 * Without timings, this runs the browser tests first, then the rest in Vitest's own order.
 */
export class BrowserTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (sorted.every((file) => this.ctx.cache.getTestSpecificationResult(file))) return sorted;
    const opensBrowser = (file: TestSpecification) => file.moduleId.includes('/test/e2e/');
    return [...sorted.filter(opensBrowser), ...sorted.filter((file) => !opensBrowser(file))];
  }
}
