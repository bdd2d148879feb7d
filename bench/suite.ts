/** What every benchmark suite gets from bench/run.ts, and what it hands back. */
import type { TestDatabaseKind } from '../tests/helpers/database';

export interface BenchSettings {
  /** Seconds of measured load per scenario (and as much again for its baseline). BENCH_DURATION. */
  durationSeconds: number;
  /** Seconds of unmeasured load on each target before measuring (JIT, caches, pools). BENCH_WARMUP. */
  warmupSeconds: number;
  /** The measured time is split into this many baseline/scenario pairs, alternating order. BENCH_ROUNDS. */
  rounds: number;
  /** Concurrent connections autocannon keeps open. BENCH_CONNECTIONS. */
  connections: number;
  /** Databases to run on, in order. BENCH_DATABASES=sqlite,postgres. */
  databases: TestDatabaseKind[];
}

export interface SuiteOutcome {
  /** Problems that make the run invalid (wrong statuses, connection errors, a setup failure). */
  errors: string[];
  /** Targets missed: reported, but not a failure of the run. */
  missed: string[];
}

export interface Suite {
  name: string;
  summary: string;
  run(settings: BenchSettings): Promise<SuiteOutcome>;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function number(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new SettingsError(
      `${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}

export function readSettings(env: Record<string, string | undefined> = process.env): BenchSettings {
  const databases = (env.BENCH_DATABASES ?? 'sqlite,postgres')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of databases) {
    if (name !== 'sqlite' && name !== 'postgres') {
      throw new SettingsError(
        `BENCH_DATABASES lists sqlite and/or postgres, comma-separated (got ${JSON.stringify(name)})`,
      );
    }
  }
  if (databases.length === 0) throw new SettingsError('BENCH_DATABASES names no database');
  return {
    durationSeconds: number(env, 'BENCH_DURATION', 5, 0.5, 600, false),
    warmupSeconds: number(env, 'BENCH_WARMUP', 1, 0, 60, false),
    rounds: number(env, 'BENCH_ROUNDS', 2, 1, 20, true),
    connections: number(env, 'BENCH_CONNECTIONS', 16, 1, 1000, true),
    databases: databases as TestDatabaseKind[],
  };
}
