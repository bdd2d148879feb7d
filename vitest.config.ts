import { defineConfig } from 'vitest/config';

/**
 * Unit tests run once; the API suite (tests/server) runs twice: on SQLite and on PostgreSQL.
 * PostgreSQL comes from DATABASE_URL when it names one, else the machine's
 * postgres://postgres@127.0.0.1:5432/test.
 */
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; the suites spend much of their time
    // waiting on servers and databases, so three finish sooner (RELAY_TEST_WORKERS to change).
    maxWorkers: Number(process.env.RELAY_TEST_WORKERS ?? 3),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'console/**/*.test.ts', 'tests/lib/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'extension',
          include: ['tests/extension/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto', 'tests/extension/i18n-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The machine and the deploy path: test prerequisites, fresh-clone builds, start-up messages.
          name: 'deploy',
          include: ['tests/deploy/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-sqlite',
          include: ['tests/server/**/*.test.ts'],
          env: { RELAY_TEST_DB: 'sqlite' },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // Faults: PostgreSQL cut and blackholed through a proxy, a full disk, SIGKILL and SIGTERM.
          // One file at a time: each measures how fast the server answers while something is broken.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['tests/server/**/*.test.ts'],
          env: { RELAY_TEST_DB: 'postgres' },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
