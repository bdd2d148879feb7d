/**
 * Child process of the stream suite (bench/stream/index.ts): one API instance, so its resident memory
 * and its event loop are its own. Configured through the environment like the real server
 * (DATABASE_URL, RELAY_ADMIN_EMAIL, …; PORT=0 picks a free port) and driven over the IPC channel:
 *
 * - on start it sends `ready` with its URL and its open-file limit;
 * - `memory` answers the process's memory after a full garbage collection (run it with --expose-gc);
 * - `broadcasts` answers when each hub broadcast started and how long its loop took, since the
 *   last call: the server's own share of a publish's latency;
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
  /** Date.now() when the hub's broadcast began. */
  startedAt: number;
  /** How long the loop over every client took, milliseconds. */
  durationMs: number;
  /** CPU time (user + system) this process spent in the loop, milliseconds: less than durationMs when it waited for a core. */
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

  // Times the hub's broadcasts without touching server code: wraps this instance's method.
  const broadcasts: BroadcastTiming[] = [];
  const hub = running.hub;
  const original = hub.broadcast.bind(hub);
  hub.broadcast = async (message: string) => {
    const startedAt = Date.now();
    const began = performance.now();
    // Process CPU across the slices (other work may interleave between them).
    const cpu = process.cpuUsage();
    const sent = await original(message);
    const used = process.cpuUsage(cpu);
    broadcasts.push({
      startedAt,
      durationMs: performance.now() - began,
      cpuMs: (used.user + used.system) / 1000,
      sent,
    });
    if (broadcasts.length > 1_000) broadcasts.shift();
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
