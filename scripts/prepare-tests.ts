/**
 * `npm test` runs this first: makes sure of what the suites need (Chromium, Firefox ESR, and a
 * PostgreSQL test database reachable over TCP), installing, starting or creating what is missing where this machine
 * lets it, else printing exactly what to run and exiting 1. `--only=postgres` (or `chromium`, `firefox`)
 * checks one of them. Running it again when all is present changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { chromiumFacts, planChromium } from './prerequisites/chromium';
import { firefoxFacts, planFirefox } from './prerequisites/firefox';
import { createDatabase, planPostgres, postgresFacts, testPostgresUrl } from './prerequisites/postgres';
import { shellLine, type Step } from './prerequisites/step';

export type Need = 'chromium' | 'firefox' | 'postgres';

const NEEDS: readonly Need[] = ['chromium', 'firefox', 'postgres'];

export interface PrepareOptions {
  only?: Need;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** How long a started PostgreSQL may take to accept connections. */
  startTimeoutMs?: number;
}

interface Check {
  need: Need;
  /** Looks at the machine and decides; called again after each action. */
  plan(): Promise<Step>;
}

function checks(env: NodeJS.ProcessEnv): Check[] {
  const url = testPostgresUrl(env);
  return [
    { need: 'chromium', plan: async () => planChromium(chromiumFacts(env)) },
    { need: 'firefox', plan: async () => planFirefox(firefoxFacts(env)) },
    { need: 'postgres', plan: async () => planPostgres(await postgresFacts(url)) },
  ];
}

/** Carries out a `run` or `create-database` step; returns what went wrong, or null. */
async function act(step: Step, log: (line: string) => void): Promise<string | null> {
  if (step.kind === 'create-database') {
    try {
      await createDatabase(step.url);
      return null;
    } catch (error) {
      return `creating the database failed: ${(error as Error).message}`;
    }
  }
  if (step.kind !== 'run') return null;
  for (const command of step.commands) {
    log(`  $ ${shellLine(command, step.env)}`);
    const result = spawnSync(command[0]!, command.slice(1), {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...step.env },
    });
    if (result.status !== 0)
      return `\`${shellLine(command)}\` failed (${result.error?.message ?? `exit code ${result.status}`})`;
  }
  return null;
}

/** Plans, acts and plans again until the need is met, can't be met here, or an action made no progress. */
async function satisfy(check: Check, log: (line: string) => void, startTimeoutMs: number): Promise<boolean> {
  let step = await check.plan();
  const tried = new Set<string>();
  while (step.kind === 'run' || step.kind === 'create-database') {
    const key = `${step.kind} ${step.kind === 'run' ? step.commands.join(' ') : step.url}`;
    if (tried.has(key)) break;
    tried.add(key);
    log(`- ${step.what}: ${step.why}`);
    const failure = await act(step, log);
    if (failure) {
      log(`  ${failure}`);
      break;
    }
    // What was started (a PostgreSQL cluster) may take a moment to answer.
    const deadline = Date.now() + (step.kind === 'run' && step.settles ? startTimeoutMs : 0);
    step = await check.plan();
    while (step.kind === 'missing' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      step = await check.plan();
    }
  }
  if (step.kind === 'ready') {
    log(`- ${step.what}: ready (${step.detail})`);
    return true;
  }
  if (step.kind === 'missing') {
    log(`- ${step.what}: ${step.why}`);
    for (const line of step.instructions) log(`  ${line}`);
  } else {
    log(`- ${step.what}: still missing after trying. Run it yourself:`);
    log(step.kind === 'run' ? step.commands.map((c) => `  ${shellLine(c, step.env)}`).join('\n') : '');
  }
  return false;
}

/** True when everything asked for is there (now). */
export async function prepareTests(options: PrepareOptions = {}): Promise<boolean> {
  const { only, env = process.env, log = console.log, startTimeoutMs = 30_000 } = options;
  let ready = true;
  for (const check of checks(env)) {
    if (only && check.need !== only) continue;
    if (!(await satisfy(check, log, startTimeoutMs))) ready = false;
  }
  if (!ready) log('The tests were not started: do the above, then run them again.');
  return ready;
}

if (process.argv[1]?.endsWith('prepare-tests.ts')) {
  const onlyArgument = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (onlyArgument !== undefined && !(NEEDS as readonly string[]).includes(onlyArgument)) {
    console.error(`--only takes ${NEEDS.join(', ')} (got ${onlyArgument})`);
    process.exit(2);
  }
  console.log('Checking what the tests need…');
  process.exit((await prepareTests({ only: onlyArgument as Need | undefined })) ? 0 : 1);
}
