/** Calls made against a server during a fault, timed, and the checks the fault suite makes of them. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../server/db/schema';
import type { TestServer } from '../helpers/server';

export interface Timed {
  path: string;
  status: number;
  ms: number;
  /** Started this long after the fault began. */
  at: number;
  body: string;
  retryAfter: string | null;
  location: string | null;
}

/** One request, timed; a request that cannot connect at all counts as status 0. */
export async function timed(
  server: TestServer,
  path: string,
  since: number,
  init: Parameters<TestServer['call']>[1] = {},
): Promise<Timed> {
  const started = Date.now();
  try {
    const response = await server.call(path, { ...init, signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    return {
      path,
      status: response.status,
      ms: Date.now() - started,
      at: started - since,
      body,
      retryAfter: response.headers.get('retry-after'),
      location: response.headers.get('location'),
    };
  } catch (error) {
    return {
      path,
      status: 0,
      ms: Date.now() - started,
      at: started - since,
      body: String(error),
      retryAfter: null,
      location: null,
    };
  }
}

/** Calls `round` every `everyMs` until `durationMs` have passed since `since`; returns every result. */
export async function repeatUntil(
  since: number,
  durationMs: number,
  everyMs: number,
  round: () => Promise<Timed[]>,
): Promise<Timed[]> {
  const results: Timed[] = [];
  while (Date.now() - since < durationMs) {
    const started = Date.now();
    results.push(...(await round()));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
  }
  return results;
}

/** Words that would tell a caller about the server's insides. */
const INTERNALS =
  /ECONN|ETIMEDOUT|127\.0\.0\.1|:\d{4,5}\b|SQLITE|postgres|pg_|stack|timeout exceeded|Connection terminated/i;

/** A 503 problem+json saying to come back later, without internal detail. */
export function expectUnavailable(result: Timed): void {
  expect(result.status, `${result.path} after ${result.at} ms: ${result.body}`).toBe(503);
  expect(Number(result.retryAfter)).toBeGreaterThan(0);
  const body = JSON.parse(result.body) as { status: number; detail: string; type: string };
  expect(body.status).toBe(503);
  expect(body.detail).not.toMatch(INTERNALS);
}

/** Polls `check` until it is true; returns how long that took, or fails after `limitMs`. */
export async function waitFor(what: string, limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/**
 * Visitors following a tracked link: each call a different person (its own address, counted
 * from `visitors.next`), as a real share's audience would be.
 */
export function visits(
  server: TestServer,
  code: string,
  since: number,
  visitors: { next: number },
  count: number,
): Promise<Timed>[] {
  return Array.from({ length: count }, () => {
    const n = visitors.next++;
    return timed(server, `/r/${code}`, since, {
      headers: { 'x-forwarded-for': `198.51.${100 + (n >> 8)}.${n & 255}`, 'user-agent': BROWSER },
    });
  });
}

/**
 * An advocate sharing the given posts one at a time, round the posts and their three networks, as
 * the extension's outbox delivers them; `sent` lists every event id sent.
 */
export function sharesOf(posts: string[]): {
  sent: string[];
  next(server: TestServer, token: string, since: number): Promise<Timed>;
} {
  const networks = ['linkedin', 'x', 'facebook'] as const;
  const sent: string[] = [];
  return {
    sent,
    next(server, token, since) {
      const n = sent.length;
      const id = randomUUID();
      sent.push(id);
      const now = new Date().toISOString();
      const event = {
        id,
        contentId: posts[n % posts.length]!,
        network: networks[Math.floor(n / posts.length) % 3]!,
        sharedAt: now,
      };
      return timed(server, '/v1/shares', since, { method: 'POST', token, json: { events: [event], sentAt: now } });
    },
  };
}

/** Clicks stored for a tracked link's code. */
export async function clicksStored(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom('clicks')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
