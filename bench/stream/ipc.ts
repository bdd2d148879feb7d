/**
 * Child processes for the stream suite: spawned through bash so the open-file limit can be raised
 * first (`ulimit -n`, up to the hard limit when the soft one cannot go higher), running TypeScript
 * through tsx with --expose-gc, and talked to over Node's IPC channel with request/reply messages
 * that all have a `type` and a timeout. With BENCH_PROFILE_DIR set, a child that exits cleanly writes
 * a V8 CPU profile there (`--cpu-prof`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the children ask for; without CAP_SYS_RESOURCE they get the hard limit instead. */
export const WANTED_OPEN_FILES = 200_000;

/** The soft limit on open files of this process, from /proc (Node has no getrlimit). */
export function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1]?.trim();
    return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
  } catch {
    return Number.NaN;
  }
}

export class ChildError extends Error {
  override name = 'ChildError';
}

export interface Child<Command, Reply extends { type: string }> {
  name: string;
  pid: number | undefined;
  send(command: Command): void;
  /**
   * Sends `command` (unless undefined) and resolves with the child's next reply of type `type`.
   * Rejects on a reply of type 'error', when the child exits, or after `timeoutMs`.
   */
  request<T extends Reply['type']>(
    command: Command | undefined,
    type: T,
    timeoutMs: number,
  ): Promise<Extract<Reply, { type: T }>>;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  kill(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whatever happens to this process, its children do not outlive it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export function spawnChild<Command, Reply extends { type: string }>(
  name: string,
  script: string,
  env: Record<string, string | undefined>,
): Child<Command, Reply> {
  installExitHook();
  const child = spawn(
    'bash',
    [
      '-c',
      `{ ulimit -n ${WANTED_OPEN_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; } && exec "$0" "$@"`,
      process.execPath,
      '--expose-gc',
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
      '--import',
      'tsx',
      fileURLToPath(new URL(script, import.meta.url)),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  live.add(child);

  type Waiter = { type: string; resolve: (reply: Reply) => void; reject: (error: Error) => void };
  let waiters: Waiter[] = [];
  let exited = false;
  let exitError: ChildError | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      live.delete(child);
      exitError = new ChildError(`${name} exited (${signal ?? `code ${code}`})`);
      for (const waiter of waiters) waiter.reject(exitError);
      waiters = [];
      resolve();
    });
  });
  child.on('error', (error) => {
    for (const waiter of waiters) waiter.reject(new ChildError(`${name}: ${error.message}`));
    waiters = [];
  });
  child.on('message', (message: Reply) => {
    if (message.type === 'error') {
      const waiter = waiters.shift();
      const error = new ChildError(`${name}: ${(message as unknown as { message?: string }).message ?? 'failed'}`);
      if (waiter) waiter.reject(error);
      else process.stderr.write(`[bench stream] ${error.message}\n`);
      return;
    }
    const index = waiters.findIndex((waiter) => waiter.type === message.type);
    if (index < 0) return;
    const [waiter] = waiters.splice(index, 1);
    waiter?.resolve(message);
  });

  const send = (command: Command) => {
    if (exited || !child.connected) throw exitError ?? new ChildError(`${name} is not connected`);
    child.send(command as object);
  };

  return {
    name,
    pid: child.pid,
    get exited() {
      return exited;
    },
    send,
    request(command, type, timeoutMs) {
      if (exited) return Promise.reject(exitError ?? new ChildError(`${name} has exited`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== entry);
          reject(new ChildError(`${name}: no "${type}" reply within ${timeoutMs} ms`));
        }, timeoutMs);
        const entry: Waiter = {
          type,
          resolve: (reply) => {
            clearTimeout(timer);
            resolve(reply as Extract<Reply, { type: typeof type }>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.push(entry);
        if (command !== undefined) {
          try {
            send(command);
          } catch (error) {
            entry.reject(error as Error);
            waiters = waiters.filter((waiter) => waiter !== entry);
          }
        }
      });
    },
    async kill(graceMs = 3_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([
        exitedPromise,
        new Promise<void>((resolve) => (giveUp = setTimeout(resolve, graceMs + 5_000))),
      ]);
      clearTimeout(timer);
      clearTimeout(giveUp);
    },
  };
}
