/** One scenario end to end: seed, start the instances and clients, measure memory, run the rounds, tear down. */
import { freshDatabase, type TestDatabase } from '../../tests/helpers/database';
import { formatMs } from '../table';
import { memoryOf, startServerChild, type ClientsChild, type ServerChild } from './children';
import type { ClientsCommand, ClientsReply, HerdMode, StreamTarget } from './clients';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BETWEEN_ROUNDS_MS,
  CLIENT_PROCESSES,
  CONNECT_BATCH,
  CONNECT_TIMEOUT_MS,
  FETCH_PUBLISHES,
  HANDSHAKE_TIMEOUT_MS,
  PRIME_BATCH,
  REQUEST_TIMEOUT_MS,
  SETTLE_MS,
  SPARE_FILES,
  START_TIMEOUT_MS,
  type Scenario,
} from './config';
import { call, expectJson, publish, seedAdvocates } from './http';
import { spawnChild } from './ipc';
import { runRound, type Round } from './round';
import type { ServerMemory } from './server';
import { log, machineLoad, sleep, summarize, withTimeout, type MachineLoad } from './stats';

export interface ScenarioResult {
  scenario: Scenario;
  rounds: Round[];
  before: ServerMemory[];
  after: ServerMemory[];
  connectMs: number;
  /** How long every client's first sync took (the slowest client process). */
  primeMs: number;
  openFiles: { servers: number[]; clients: number[] };
  /** The machine's load before and after the publishes (it is shared and noisy). */
  load: MachineLoad[];
  error?: string;
}

export async function runScenario(scenario: Scenario, publishes: number): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    scenario,
    rounds: [],
    before: [],
    after: [],
    connectMs: 0,
    primeMs: 0,
    openFiles: { servers: [], clients: [] },
    load: [],
  };
  const servers: ServerChild[] = [];
  const clients: ClientsChild[] = [];
  let database: TestDatabase | undefined;
  const label = `${scenario.name}, ${scenario.clients.toLocaleString('en-US')} clients`;
  try {
    log(`${label}: seeding ${scenario.clients.toLocaleString('en-US')} advocates`);
    database = await freshDatabase(scenario.kind);
    const tokens = await seedAdvocates(database.url, scenario.clients);

    log(
      `${label}: starting ${scenario.instances} API instance${scenario.instances > 1 ? 's' : ''} and ${CLIENT_PROCESSES} client processes`,
    );
    const databaseUrl = database.url;
    for (let i = 0; i < scenario.instances; i++) servers.push(startServerChild(i, databaseUrl));
    for (let i = 0; i < CLIENT_PROCESSES; i++)
      clients.push(spawnChild<ClientsCommand, ClientsReply>(`clients ${i + 1}`, './clients.ts', {}));
    const [ready, clientsReady] = await Promise.all([
      Promise.all(servers.map((server) => server.request(undefined, 'ready', START_TIMEOUT_MS))),
      Promise.all(clients.map((child) => child.request(undefined, 'ready', START_TIMEOUT_MS))),
    ]);
    const urls = ready.map((reply) => reply.url);
    result.openFiles = {
      servers: ready.map((reply) => reply.openFiles),
      clients: clientsReady.map((reply) => reply.openFiles),
    };
    const serverNeeds = Math.ceil(scenario.clients / scenario.instances) + SPARE_FILES;
    const clientNeeds = Math.ceil(scenario.clients / CLIENT_PROCESSES) + SPARE_FILES;
    for (const [i, files] of result.openFiles.servers.entries()) {
      if (!(files >= serverNeeds))
        throw new Error(`server ${i + 1} may open only ${files} files; it needs ${serverNeeds}`);
    }
    for (const [i, files] of result.openFiles.clients.entries()) {
      if (!(files >= clientNeeds))
        throw new Error(`client process ${i + 1} may open only ${files} files; it needs ${clientNeeds}`);
    }
    if (!ready.every((reply) => reply.gc))
      log(`${label}: no global.gc in the server: memory is measured without a forced collection`);

    const session = await expectJson<{ token: string }>(
      await call(urls[0] ?? '', '/v1/admin/session', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
      'admin sign-in',
    );
    // Warms the publish path (and the other instances' notification path) before anything is measured.
    await publish(urls[0] ?? '', session.token, `${label} warm-up`);
    await sleep(SETTLE_MS);
    result.before = await memoryOf(servers);

    // Client k connects to instance k mod instances; the client processes take contiguous halves.
    const targets: StreamTarget[] = tokens.map((token, k) => ({ url: urls[k % urls.length] ?? '', token }));
    const share = Math.ceil(targets.length / CLIENT_PROCESSES);
    log(`${label}: connecting, ${CONNECT_BATCH} at a time`);
    const connectStarted = Date.now();
    const connected = await Promise.all(
      clients.map((child, i) =>
        child.request(
          {
            type: 'connect',
            targets: targets.slice(i * share, (i + 1) * share),
            batch: Math.ceil(CONNECT_BATCH / CLIENT_PROCESSES),
            timeoutMs: HANDSHAKE_TIMEOUT_MS,
          },
          'connected',
          CONNECT_TIMEOUT_MS,
        ),
      ),
    );
    result.connectMs = Date.now() - connectStarted;
    const open = connected.reduce((sum, reply) => sum + reply.open, 0);
    const failures = connected.flatMap((reply) => reply.errors);
    if (open !== scenario.clients) {
      throw new Error(
        `only ${open} of ${scenario.clients} clients connected${failures.length ? `: ${failures.join('; ')}` : ''}`,
      );
    }
    log(
      `${label}: ${open.toLocaleString('en-US')} connected in ${(result.connectMs / 1000).toFixed(1)} s; measuring idle memory`,
    );
    await sleep(SETTLE_MS);
    result.after = await memoryOf(servers);
    const hubSizes = result.after.reduce((sum, memory) => sum + memory.clients, 0);
    if (hubSizes !== scenario.clients)
      throw new Error(`the servers hold ${hubSizes} streams, expected ${scenario.clients}`);

    // Every extension has synced once (it holds a cursor and an ETag) before anything is published.
    log(`${label}: first sync of every client, ${PRIME_BATCH} at a time per process`);
    const primed = await Promise.all(
      clients.map((child) => child.request({ type: 'prime', batch: PRIME_BATCH }, 'primed', CONNECT_TIMEOUT_MS)),
    );
    const primeFailures = primed.flatMap((reply) => Object.entries(reply.failed));
    if (primeFailures.length > 0)
      throw new Error(`first syncs failed: ${primeFailures.map(([what, count]) => `${count} × ${what}`).join(', ')}`);
    result.primeMs = Math.max(...primed.map((reply) => reply.ms));

    // As current extensions (the answer comes in the nudge), after one unmeasured publish; then, last
    // because its herd can starve the streams' pings, as extensions before the cursor report (each
    // ignores the answer and fetches): the baseline.
    const plan: { mode: HerdMode; measured: boolean }[] = [
      { mode: 'inline', measured: false },
      ...Array.from({ length: publishes }, () => ({ mode: 'inline' as const, measured: true })),
      ...Array.from({ length: FETCH_PUBLISHES }, () => ({ mode: 'fetch' as const, measured: true })),
    ];
    log(`${label}: ${plan.length} publishes, ${plan.filter((step) => step.measured).length} measured`);
    result.load.push(machineLoad());
    for (const [round, step] of plan.entries()) {
      const measured = await runRound(label, servers, urls, clients, session.token, round, step.mode);
      if (step.measured) result.rounds.push(measured);
      else if (measured.missing > 0) throw new Error(`${measured.missing} clients never received a warm-up publish`);
      const { p50, p99, max } = summarize(measured.latencies);
      log(
        `${label}: round ${round} (${step.mode}${step.measured ? '' : ', warm-up'}): ${measured.latencies.length}/${scenario.clients} received, ` +
          `p50 ${formatMs(p50)} ms, p99 ${formatMs(p99)} ms, max ${formatMs(max)} ms; ` +
          `post stored by ${measured.stored.length} (${measured.inline} from the message), p99 ${formatMs(summarize(measured.stored).p99)} ms` +
          notStoredText(measured.notStored),
      );
      await sleep(BETWEEN_ROUNDS_MS);
    }
    result.load.push(machineLoad());
  } catch (error) {
    result.error = (error as Error).message;
    log(`${label}: FAILED: ${result.error}`);
  } finally {
    await teardown(servers, clients, database, label);
  }
  return result;
}

function notStoredText(notStored: Record<string, number>): string {
  const entries = Object.entries(notStored);
  return entries.length ? `; not stored: ${entries.map(([what, count]) => `${count} × ${what}`).join(', ')}` : '';
}

async function teardown(
  servers: ServerChild[],
  clients: ClientsChild[],
  database: TestDatabase | undefined,
  label: string,
): Promise<void> {
  await Promise.all(
    clients.map(async (child) => {
      if (!child.exited) await child.request({ type: 'close' }, 'closed', REQUEST_TIMEOUT_MS).catch(() => undefined);
      await child.kill(2_000);
    }),
  );
  await Promise.all(
    servers.map(async (server) => {
      if (!server.exited) await server.request({ type: 'stop' }, 'stopped', REQUEST_TIMEOUT_MS).catch(() => undefined);
      await server.kill(2_000);
    }),
  );
  if (database) {
    await withTimeout(database.dispose(), REQUEST_TIMEOUT_MS, `${label}: dropping the database`).catch(
      (error: unknown) => log(`${label}: could not drop the database: ${(error as Error).message}`),
    );
  }
}
