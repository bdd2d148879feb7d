/**
 * A command run in a child process for tests of what a person sees (`npm run server`, `npm run
 * build`): its output as it arrives, a wait for a line, and a stop that never leaves it running.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningCommand {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects, with the output, at the timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * How package.json runs a TypeScript entry point (`npm run server`, `npm start`): one Node process
 * with tsx's loader. Not tsx's CLI, which runs the script in a second process and, when that one
 * doesn't answer a relayed SIGTERM within 30 ms (a loaded machine), SIGKILLs it and exits 143.
 */
export function nodeScript(script: string, ...args: string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', script, ...args]];
}

/** The environment without what the test runner sets for itself (NODE_ENV=test, VITEST…). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_ENV' || name.startsWith('VITEST') || name.startsWith('RELAY_') || name === 'DATABASE_URL')
      continue;
    env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningCommand {
  // Its own process group, so stopping `npm run …` stops what npm started too.
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
    for (const listener of listeners) listener();
  });

  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${text}`)),
        timeoutMs,
      );
      const finish = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      const check = () => {
        const match = pattern.exec(text);
        if (match) finish(undefined, match);
        else if (done) finish(new Error(`exited (${child.exitCode}) without ${pattern}; output:\n${text}`));
      };
      listeners.add(check);
      check();
    });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  const stop = async (graceMs = 10_000) => {
    if (!done) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    return exited;
  };
  return { child, output: () => text, waitFor, exited, stop };
}
