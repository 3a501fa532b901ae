/**
 * `npm run campaign -- --runs 100000 --seed 42`: the canary property of
 * test/disclosure/canary.property.test.ts, for as many random sequences as asked (default 100,000),
 * on one in-memory PGlite emptied between runs. The same seed gives the same sequences. Prints the seed
 * first, progress with runs per second while it runs, and on a failure the shrunk sequence, the error
 * and how to replay it. Ctrl-C stops it with a summary of what ran. Options: --runs N, --seed S
 * (default: a random one, printed), --min-steps, --max-steps (default 3 and 12), --every SECONDS
 * between progress lines (default 10).
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { canaryProperty, CanaryStats, openHarness } from '../test/disclosure/canary-model.ts';

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`--${name} is not a whole number: ${value}`);
  return number;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    'min-steps': { type: 'string' },
    'max-steps': { type: 'string' },
    every: { type: 'string' },
  },
});
const runs = whole('runs', values.runs, 100_000);
const seed = values.seed === undefined ? (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0 : whole('seed', values.seed, 0);
const minSteps = whole('min-steps', values['min-steps'], 3);
const maxSteps = whole('max-steps', values['max-steps'], 12);
const everyMs = whole('every', values.every, 10) * 1000;
const replay = `npm run campaign -- --runs ${runs} --seed ${seed} --min-steps ${minSteps} --max-steps ${maxSteps}`;

const count = (value: number) => value.toLocaleString('en-US');
const duration = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(1)} h`;
};

console.log(
  `canary campaign: ${count(runs)} runs of ${minSteps}-${maxSteps} steps, seed ${seed}; Node ${process.version}, ` +
    `${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)} at start)`,
);
console.log(`replay: ${replay}`);

const harness = await openHarness();
const stats = new CanaryStats();
const started = performance.now();
let lastProgress = started;

function progress(prefix: string): void {
  const elapsed = performance.now() - started;
  const rate = stats.runs / (elapsed / 1000);
  const left = rate > 0 ? ((runs - stats.runs) / rate) * 1000 : Number.NaN;
  console.log(
    `${prefix} ${count(stats.runs)}/${count(runs)} runs in ${duration(elapsed)}: ${rate.toFixed(1)} runs/s` +
      `${stats.runs < runs && Number.isFinite(left) ? `, about ${duration(left)} to go` : ''}; ${count(stats.steps)} steps, ` +
      `${count(stats.lettersFinalised)} letters finalised, ${count(stats.exportLicences)} deliveries assessed and licensed for export, ${count(stats.letterRenderingsChecked)} letters read in 4 formats, ` +
      `${count(stats.surfacesChecked)} surfaces searched, ${count(stats.errorProbes)} error answers probed (seed ${seed})`,
  );
}

function summary(): void {
  const outcomes = [...stats.outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key} ${count(value)}`);
  console.log(`steps and their outcomes: ${outcomes.join(', ')}`);
  console.log(
    `letters whose figures, or the difference of two, equal an exact amount of one delivery that was not public when they were finalised ` +
      `(approved aggregates that show it): ${count(stats.aggregateExposures.undecided)} with an undecided delivery, ` +
      `${count(stats.aggregateExposures.confidential)} with a confidential one`,
  );
}

process.once('SIGINT', () => {
  progress('interrupted after');
  summary();
  console.log(`replay: ${replay}`);
  process.exit(130);
});

const property = canaryProperty(harness, stats, {
  minSteps,
  maxSteps,
  afterRun: () => {
    const now = performance.now();
    if (now - lastProgress >= everyMs) {
      lastProgress = now;
      progress('');
    }
  },
});
const result = await fc.check(property, { seed, numRuns: runs });
await harness.close();
progress(result.failed ? 'FAILED after' : 'done:');
summary();
if (result.failed) {
  console.log(`\n${fc.defaultReportMessage(result)}\n\n${String(result.errorInstance)}`);
  console.log(`\nseed ${seed}, path ${result.counterexamplePath}; replay: ${replay}`);
  process.exitCode = 1;
} else {
  console.log(`no leak in ${count(runs)} runs (seed ${seed})`);
}
