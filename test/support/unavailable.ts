/**
 * What to do when a test needs something the machine does not have (PostgreSQL, Chromium): on a
 * developer's machine the tests are skipped with a visible warning; under CI=true it is a failure,
 * because CI must run every test.
 */
export function skipUnlessCi(reason: string): string {
  if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`);
  console.warn(`Skipping tests: ${reason}`);
  return reason;
}
