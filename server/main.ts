/**
 * `npm run server`: the API alone, configured by the environment (see the README), no demo data.
 * Prints "listening on http://HOST:PORT" once it accepts requests; SIGTERM/SIGINT shut it down
 * gracefully. `npm start` (scripts/start.ts) runs the demo through the same `runFromEnvironment`.
 */
import { ConfigError, loadConfig, type Config } from './config';
import { CLEANUP_MS, startServer, type RunningServer } from './server';
import { printStartupNotes } from './startup-notes';

export interface RunOptions {
  /** The environment the configuration is read from; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Starts the server once the configuration is loaded; startServer by default. */
  start?: (config: Config) => Promise<RunningServer>;
  /** Runs right after the "listening on" line (the demo prints its banner here). */
  afterListen?: (running: RunningServer) => void;
}

/**
 * Loads the configuration, starts the server, prints "listening on <url>" and stops gracefully on
 * SIGTERM/SIGINT (exit code 0; 1 when shutting down fails). A bad configuration or a failed start
 * prints one line and exits with code 1.
 */
export async function runFromEnvironment(options: RunOptions = {}): Promise<RunningServer> {
  const { env = process.env, start = startServer, afterListen } = options;
  let running: RunningServer;
  try {
    running = await start(loadConfig(env));
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? `configuration error: ${error.message}`
        : `could not start: ${(error as Error).message}`;
    console.error(message);
    process.exit(1);
  }
  console.log(`listening on ${running.url}`);
  let signalled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      console.log(`${signal}: finishing in-flight requests, then stopping`);
      // The last resort: whatever hangs (a database that stopped answering), the process ends in time.
      const limit = running.deps.config.shutdownGraceMs + CLEANUP_MS + 2_000;
      setTimeout(() => {
        console.error(`shutdown took longer than ${limit} ms; exiting now`);
        process.exit(1);
      }, limit).unref();
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
  await printStartupNotes(running);
  afterListen?.(running);
  return running;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/main.ts')) {
  void runFromEnvironment();
}
