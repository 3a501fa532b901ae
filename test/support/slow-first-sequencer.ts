import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The kinds of test file that take longest: browser tests, tests that start processes or take backups,
 * property campaigns. Short files with a long run (the accessibility walks are a few lines each).
 */
const SLOW_KINDS = [/^test\/e2e\//, /^test\/backup\//, /^test\/cli\//, /^test\/db\/embedded-database/, /\.property\.test\.ts$/];

/**
 * Runs the slow kinds of file first, each group in Vitest's own order (longest first by the last run's
 * times, by size in a fresh clone, where the walks would otherwise come last and run alone at the end).
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSlow = (file: TestSpecification) => SLOW_KINDS.some((kind) => kind.test(relative(file.project.config.root, file.moduleId)));
    return [...sorted.filter(isSlow), ...sorted.filter((file) => !isSlow(file))];
  }
}
