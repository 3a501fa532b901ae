/**
 * `npm run bench:exports [-- DELIVERIES]`: exports the deliveries list of a synthetic register (default
 * 100,000 deliveries, as in run.ts) through the API as XLSX and as CSV (Dutch Excel), on PGlite and on
 * PostgreSQL, reading the streamed answer as a client would; prints the time of each, the size of the
 * file and the process's peak memory (resident set) before and during the export. The CSV's line count
 * is checked against the register.
 */
import { createApi } from '../src/api/app.ts';
import { sessionCookieFor } from '../test/support/sessions.ts';
import { onEachDatabase } from './databases.ts';
import { generateRegister } from './generate-register.ts';
import { withPeakMemory } from './timing.ts';

const size = Number((process.argv[2] ?? '100000').replaceAll('_', ''));
if (!Number.isSafeInteger(size) || size < 1) throw new Error(`not a number of deliveries: ${process.argv[2]} (usage: npm run bench:exports -- 100000)`);

/** Reads the answer's body as it streams in: its bytes and its line breaks, never the whole of it at once. */
async function consume(response: Response): Promise<{ bytes: number; lines: number }> {
  if (response.status !== 200 || !response.body) throw new Error(`the export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  return { bytes, lines };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

console.log(`Export of the deliveries list of ${size} synthetic deliveries, ${new Date().toISOString()}`);
await onEachDatabase(async (name, { db }, version) => {
  await generateRegister(db, size);
  const api = createApi({ db });
  const headers = { Cookie: await sessionCookieFor(db, 'registrar', { secondFactor: false }) };
  const before = Math.round(process.memoryUsage.rss() / 2 ** 20);
  const results: string[] = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const run = await withPeakMemory(async () => consume(await api.request(`/exports/deliveries?format=${format}`, { headers })));
    if (format === 'csv' && run.value.lines !== size + 1) throw new Error(`the CSV has ${run.value.lines} lines for ${size} deliveries`);
    results.push(`${format} ${(run.ms / 1000).toFixed(2)} s, ${mib(run.value.bytes)} MiB, peak ${run.peakMb} MiB`);
  }
  console.log(`${name} ${version}: resident ${before} MiB before; ${results.join('; ')}`);
});
