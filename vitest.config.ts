import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // One worker per core (Vitest's default leaves one core to its own process, which mostly waits):
    // a worker alone keeps about one core busy, even with PostgreSQL or Chromium answering it.
    maxWorkers: '100%',
    // A worker runs its files one after the other in one module graph, rather than importing the application
    // (its schemas, PGlite, exceljs, pdfkit…) again for every file: that took 5 to 8 seconds a file, about a
    // third of the run. No file mocks a module; what a test stubs (environment, spies) is undone after it.
    isolate: false,
    unstubEnvs: true,
    restoreMocks: true,
    sequence: { sequencer: SlowFirstSequencer },
    // Limits that catch a test that hangs, not speeds a test must keep: on a busy machine opening a
    // database in a data folder (initdb) alone can take half a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page answers a typed search after its pause and a request; with Chromium and databases busy on both
    // cores that can take seconds, and expect.poll's own limit is one.
    expect: { poll: { timeout: 15_000 } },
    globalSetup: ['test/support/shared-postgres.ts', 'test/support/memory-tmpdir.ts', 'test/support/migrated-templates.ts'],
  },
});
