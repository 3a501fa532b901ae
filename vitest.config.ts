import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // One worker per core (Vitest's default leaves one core to its own process, which mostly waits):
    // a worker alone keeps about one core busy, even with PostgreSQL or Chromium answering it.
    maxWorkers: '100%',
    // Limits that catch a test that hangs, not speeds a test must keep: on a busy machine opening a
    // database in a data folder (initdb) alone can take half a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['test/support/shared-postgres.ts', 'test/support/migrated-templates.ts'],
  },
});
