/**
 * `npm run server`: the API alone, configured by the environment (see the README), no demo data.
 * Prints "listening on http://HOST:PORT" once it accepts requests; SIGTERM/SIGINT shut it down
 * gracefully.
 */
import { ConfigError, loadConfig } from './config';
import { startServer, type RunningServer } from './server';

export async function runFromEnvironment(
  start: (config: ReturnType<typeof loadConfig>) => Promise<RunningServer> = startServer,
): Promise<RunningServer> {
  let running: RunningServer;
  try {
    running = await start(loadConfig());
  } catch (error) {
    const message = error instanceof ConfigError ? `configuration error: ${error.message}` : `could not start: ${(error as Error).message}`;
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
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
  return running;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('server/main.ts')) {
  void runFromEnvironment();
}
