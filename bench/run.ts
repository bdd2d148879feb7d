/**
 * `npm run bench [-- <suite> …]`: runs the named benchmark suites (all of them without names) and
 * prints each one's table. Exits 1 when a run produced errors (wrong statuses, connection errors, a
 * failed setup); a missed target is printed as MISSED but does not fail the run.
 *
 * Settings come from the environment: BENCH_DURATION (seconds per scenario, default 5),
 * BENCH_WARMUP (default 1), BENCH_ROUNDS (default 2), BENCH_CONNECTIONS (default 16) and
 * BENCH_DATABASES (default sqlite,postgres).
 */
import { composerSuite } from './composer';
import { dexieSuite } from './dexie';
import { enrolmentSuite } from './enrolment';
import { guidelinesSuite } from './guidelines';
import { leaderboardSuite } from './leaderboard';
import { popupSuite } from './popup';
import { redirectSuite } from './redirect';
import { scoringSuite } from './scoring';
import { readSettings, SettingsError, type Suite } from './suite';
import { streamSuite } from './stream';
import { syncSuite } from './sync';

/** Every suite, in the order a bare `npm run bench` runs them. Later suites register here. */
export const SUITES: readonly Suite[] = [
  syncSuite,
  streamSuite,
  popupSuite,
  dexieSuite,
  guidelinesSuite,
  redirectSuite,
  leaderboardSuite,
  scoringSuite,
  composerSuite,
  enrolmentSuite,
];

function usage(): string {
  const names = SUITES.map((suite) => `  ${suite.name.padEnd(12)} ${suite.summary}`).join('\n');
  return `usage: npm run bench [-- <suite> …]\n\nsuites:\n${names}\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv.includes('--list')) {
    process.stdout.write(usage());
    return 0;
  }
  const unknown = argv.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown suite${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}\n\n${usage()}`);
    return 2;
  }
  const selected = argv.length === 0 ? [...SUITES] : SUITES.filter((suite) => argv.includes(suite.name));

  let settings;
  try {
    settings = readSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let errors = 0;
  let missed = 0;
  for (const suite of selected) {
    try {
      const outcome = await suite.run(settings);
      errors += outcome.errors.length;
      missed += outcome.missed.length;
      for (const error of outcome.errors) process.stdout.write(`\nerror (${suite.name}): ${error}\n`);
      for (const miss of outcome.missed) process.stdout.write(`\nmissed (${suite.name}): ${miss}\n`);
    } catch (error) {
      errors++;
      process.stderr.write(`suite ${suite.name} failed: ${(error as Error).stack ?? String(error)}\n`);
    }
  }
  const summary = [
    `${selected.length} suite${selected.length === 1 ? '' : 's'}`,
    `${missed} target${missed === 1 ? '' : 's'} missed`,
    `${errors} error${errors === 1 ? '' : 's'}`,
  ].join(', ');
  process.stdout.write(`\nbench: ${summary}\n`);
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
