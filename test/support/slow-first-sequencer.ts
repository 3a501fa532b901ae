import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The kinds of test file that take longest, the longest-running kinds first: the accessibility walks (a
 * few lines each), backups, the embedded database's data folders and property campaigns, the other
 * browser tests, the command line's processes.
 */
const SLOW_KINDS = [/^test\/e2e\/accessibility-/, /^test\/backup\//, /^test\/db\/embedded-database/, /\.property\.test\.ts$/, /^test\/e2e\//, /^test\/cli\//];

/** The place of a file's kind among the slow kinds; after them all when it is none of them. */
function kindOf(path: string): number {
  const kind = SLOW_KINDS.findIndex((pattern) => pattern.test(path));
  return kind === -1 ? SLOW_KINDS.length : kind;
}

/**
 * Runs the slow kinds of file first, by kind, each kind in Vitest's own order (longest first by the last
 * run's times; by size in a fresh clone, where the walks would otherwise come last and run alone at the end).
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const kinds = new Map(sorted.map((file) => [file, kindOf(relative(file.project.config.root, file.moduleId))]));
    // Array.prototype.sort is stable: within a kind, Vitest's order stays.
    return sorted.sort((a, b) => kinds.get(a)! - kinds.get(b)!);
  }
}
