/**
 * Graceful shutdown of the real `npm run server` entry (server/main.ts in a child process): on
 * SIGTERM it stops accepting connections, lets a request whose body is still arriving finish with
 * 201, then exits with code 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { nodeScript } from '../helpers/child-process';
import { contentInput } from '../helpers/api';
import { freshDatabase, type TestDatabase } from '../helpers/database';

const ADMIN = { email: 'shutdown@relay.test', password: 'a long enough password' };
const ROOT = new URL('../../', import.meta.url).pathname;

interface Child {
  process: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startChild(database: TestDatabase): Promise<Child> {
  const child = spawn(...nodeScript('server/main.ts'), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      RELAY_ADMIN_EMAIL: ADMIN.email,
      RELAY_ADMIN_PASSWORD: ADMIN.password,
      RELAY_SHUTDOWN_GRACE_MS: '15000',
    },
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (data: Buffer) => {
    output += data.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${pattern} in the server's output within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      waiters.add(check);
      check();
      void exited.then(() => setTimeout(check, 0));
    });
  const [, url] = await waitForOutput(/listening on (http:\/\/[^\s]+)/);
  return { process: child, url: url!, output: () => output, waitForOutput, exited };
}

/** Resolves true when a TCP connection to `url` is refused, false when it is accepted (then closed). */
function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function eventuallyRefused(url: string, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await refused(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => resolve(text));
    response.on('error', reject);
  });
}

describe('graceful shutdown of server/main.ts', () => {
  let child: Child | undefined;
  let database: TestDatabase | undefined;

  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    child = undefined;
    await database?.dispose();
    database = undefined;
  });

  // Starting tsx in a child process takes seconds on a busy machine.
  it(
    'finishes a request whose body is still arriving at SIGTERM, refuses new connections, exits 0',
    { timeout: 60_000 },
    async () => {
      database = await freshDatabase();
      child = await startChild(database);
      const running = child;

      const session = await fetch(`${running.url}/v1/admin/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(session.status).toBe(200);
      const { token } = (await session.json()) as { token: string };

      const body = Buffer.from(JSON.stringify(contentInput({ title: 'Sent during shutdown', publish: true })));
      const half = Math.floor(body.length / 2);
      const req = request(`${running.url}/v1/admin/content`, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${token}`,
        },
      });
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        req.once('response', (res) =>
          readBody(res).then((text) => resolve({ status: res.statusCode ?? 0, text }), reject),
        );
        req.once('error', reject);
      });
      req.write(body.subarray(0, half));
      req.flushHeaders();
      // Let the server take the request in before the signal.
      await new Promise((resolve) => setTimeout(resolve, 300));

      running.process.kill('SIGTERM');
      await running.waitForOutput(/SIGTERM: finishing in-flight requests/);
      // No new connections while the in-flight request is still open.
      expect(await eventuallyRefused(running.url)).toBe(true);
      expect(running.process.exitCode).toBeNull();

      req.end(body.subarray(half));
      const { status, text } = await response;
      const answered = Date.now();
      expect(status, text).toBe(201);
      expect(JSON.parse(text)).toMatchObject({ title: 'Sent during shutdown', status: 'published' });

      // The sign-in's keep-alive connection (idle in fetch's pool) does not hold the exit up.
      expect(await running.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - answered).toBeLessThan(5_000);
      expect(await refused(running.url)).toBe(true);

      // The request's write was committed before the database closed.
      const reopened = openDatabase(database.url);
      try {
        const rows = await reopened.db.selectFrom('content').select('title').execute();
        expect(rows).toEqual([{ title: 'Sent during shutdown' }]);
      } finally {
        await reopened.close();
      }
    },
  );
});
