/**
 * Child process of the stream suite (bench/stream/index.ts): one API instance, so its resident memory
 * and its event loop are its own. Configured through the environment like the real server
 * (DATABASE_URL, RELAY_ADMIN_EMAIL, …; PORT=0 picks a free port) and driven over the IPC channel:
 *
 * - on start it sends `ready` with its URL and its open-file limit;
 * - `memory` answers the process's memory after a full garbage collection (run it with --expose-gc);
 * - `broadcasts` answers when each fan-out of a publish started and how long it took (making the
 *   answers and queuing every message), since the last call: the server's own share of a publish's latency;
 * - `stop` closes the server (streams get 1012) and exits.
 *
 * It exits on its own when the parent goes away (the IPC channel closes).
 */
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import { openFileLimit } from './ipc';

export type ServerCommand = { type: 'memory' } | { type: 'broadcasts' } | { type: 'stop' };

export interface ServerMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Open streams on this instance when measured. */
  clients: number;
}

export interface BroadcastTiming {
  /** Date.now() when the fan-out began. */
  startedAt: number;
  /** From listing the connections to the last message queued, milliseconds. */
  durationMs: number;
  /** CPU time (user + system) this process spent meanwhile, milliseconds: less than durationMs when it waited for a core or the database. */
  cpuMs: number;
  /** Clients the message was queued for. */
  sent: number;
}

export type ServerReply =
  | { type: 'ready'; url: string; openFiles: number; gc: boolean }
  | ({ type: 'memory' } & ServerMemory)
  | { type: 'broadcasts'; broadcasts: BroadcastTiming[] }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(reply: ServerReply): void {
  if (process.connected) process.send?.(reply);
}

async function measureMemory(running: RunningServer): Promise<ServerMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice with a pause, so weak references and finalizers from the first pass are collected too.
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(50);
  }
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    clients: running.hub.size,
  };
}

async function main(): Promise<void> {
  if (!process.send)
    throw new Error('bench/stream/server.ts runs as a child of bench/stream/index.ts (it needs an IPC channel)');
  const running = await startServer(loadConfig(process.env));

  // Times each fan-out without touching server code: a publish's fan-out (server/stream/fan-out.ts)
  // lists the hub's connections once, then sends in several rounds (plain nudges, then each batch of
  // answers), so a fan-out runs from a connections() call to the end of the last send after it.
  const broadcasts: BroadcastTiming[] = [];
  const hub = running.hub;
  let current: { timing: BroadcastTiming; began: number; cpu: NodeJS.CpuUsage } | undefined;
  const listConnections = hub.connections.bind(hub);
  hub.connections = (only) => {
    const timing: BroadcastTiming = { startedAt: Date.now(), durationMs: 0, cpuMs: 0, sent: 0 };
    current = { timing, began: performance.now(), cpu: process.cpuUsage() };
    broadcasts.push(timing);
    if (broadcasts.length > 1_000) broadcasts.shift();
    return listConnections(only);
  };
  const sendEach = hub.sendEach.bind(hub);
  hub.sendEach = async (items, sliceSize) => {
    const fanOut = current;
    const sent = await sendEach(items, sliceSize);
    if (fanOut) {
      // Process CPU across the fan-out (other work may interleave between its awaits).
      const used = process.cpuUsage(fanOut.cpu);
      fanOut.timing.sent += sent;
      fanOut.timing.durationMs = performance.now() - fanOut.began;
      fanOut.timing.cpuMs = (used.user + used.system) / 1000;
    }
    return sent;
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const deadline = setTimeout(() => process.exit(0), 10_000);
      deadline.unref();
      try {
        await running.close();
      } catch (error) {
        process.stderr.write(`[stream-server] close failed: ${(error as Error).message}\n`);
      }
      send({ type: 'stopped' });
      process.exit(0);
    })());

  process.on('message', (command: ServerCommand) => {
    if (command.type === 'memory') {
      void measureMemory(running).then(
        (memory) => send({ type: 'memory', ...memory }),
        (error: unknown) => send({ type: 'error', message: (error as Error).message }),
      );
    } else if (command.type === 'broadcasts') {
      send({ type: 'broadcasts', broadcasts: broadcasts.splice(0) });
    } else if (command.type === 'stop') {
      void stop();
    }
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());

  send({
    type: 'ready',
    url: running.url,
    openFiles: openFileLimit(),
    gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
  });
}

main().catch((error: unknown) => {
  const message = (error as Error).stack ?? String(error);
  process.stderr.write(`[stream-server] ${message}\n`);
  send({ type: 'error', message: (error as Error).message });
  setTimeout(() => process.exit(1), 100).unref();
});
