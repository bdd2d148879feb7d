/**
 * PostgreSQL cut (connections reset, new ones refused) or blackholed (packets dropped) for 15 s,
 * through a TCP proxy between the server and the database: requests answer 503 with Retry-After
 * fast, liveness stays 200, shared links keep redirecting, every click made meanwhile is written
 * once the network is back, and the server is ready again within 5 s of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createContent, sync } from '../helpers/api';
import { freshDatabase, postgresBaseUrl, type TestDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/server';
import { TcpProxy } from '../helpers/tcp-proxy';
import { clicksStored, expectUnavailable, repeatUntil, sharesOf, timed, visits, waitFor } from './probe';

const OUTAGE_MS = 15_000;

describe('PostgreSQL unreachable for 15 s', () => {
  let proxy: TcpProxy | undefined;
  let server: TestServer | undefined;
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await proxy?.restore();
    await server?.close();
    await proxy?.close();
    await database?.dispose();
    proxy = server = database = undefined;
  });

  for (const fault of ['refuse', 'blackhole'] as const) {
    it(
      `${fault}: 503 fast, links redirect, no click or share lost, ready within 5 s of the network`,
      { timeout: 90_000 },
      async () => {
        database = await freshDatabase('postgres');
        const target = new URL(postgresBaseUrl());
        proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
        server = await startTestServer({ databaseUrl: proxy.url(database.url), trustProxy: true });
        const running = server;
        const advocate = await running.enroll('Outage Olga');
        const item = await createContent(running, { url: 'https://example.com/news', publish: true });
        const link = (await sync(running, advocate.token)).body.content.find((entry) => entry.id === item.id)!.links
          .linkedin!;
        const code = new URL(link).pathname.split('/').pop()!;
        // Shares go to five posts on three networks: 15 slots, so the cap of 5 stored events per
        // post and network keeps every one of them.
        const posts = [item.id];
        for (let i = 1; i < 5; i++)
          posts.push((await createContent(running, { title: `Post ${i}`, publish: true })).id);
        const shares = sharesOf(posts);
        // The server has caught up with the content just made (it reads it after each change).
        await running.deps.content.refresh();

        if (fault === 'refuse') proxy.refuse();
        else proxy.blackhole();
        const since = Date.now();
        const visitors = { next: 0 };
        const results = await repeatUntil(since, OUTAGE_MS, 250, () =>
          Promise.all([
            timed(running, '/v1/sync', since, { token: advocate.token }),
            timed(running, '/livez', since),
            timed(running, '/readyz', since),
            shares.next(running, advocate.token, since),
            ...visits(running, code, since, visitors, 5),
          ]),
        );
        await proxy.restore();
        const restored = Date.now();

        const of = (path: string) => results.filter((result) => result.path.startsWith(path));
        // Liveness never depends on the database.
        for (const result of of('/livez')) expect(result.status, `/livez at ${result.at} ms`).toBe(200);
        // Shared links redirect throughout, without waiting on the database.
        const redirects = of('/r/');
        expect(redirects.length).toBe(visitors.next);
        for (const result of redirects) {
          expect(result.status, `/r at ${result.at} ms: ${result.body}`).toBe(302);
          expect(result.location).toMatch(/^https:\/\/example\.com\/news\?.*utm_source=linkedin/);
          expect(result.ms).toBeLessThan(1_000);
        }
        // Database-bound requests answer 503 with Retry-After. Once the cut has been seen (a refused
        // connection at once; silence within the monitor's 2.5 s probe), they answer at once.
        const syncs = of('/v1/sync');
        for (const result of syncs) expectUnavailable(result);
        for (const result of syncs.filter((r) => r.at > 4_000))
          expect(result.ms, `sync at ${result.at} ms`).toBeLessThan(1_000);
        for (const result of syncs) expect(result.ms, `sync at ${result.at} ms`).toBeLessThan(6_000);
        for (const result of of('/readyz').filter((r) => r.at > 4_000)) expectUnavailable(result);
        // Shares are taken: checked against the content in memory, kept on disk until the database is back.
        const taken = of('/v1/shares');
        expect(taken.length).toBe(shares.sent.length);
        for (const result of taken) {
          expect(result.status, `share at ${result.at} ms: ${result.body}`).toBe(200);
          expect(JSON.parse(result.body)).toMatchObject({ queued: 1 });
        }
        for (const result of taken.filter((r) => r.at > 4_000)) expect(result.ms).toBeLessThan(1_000);

        // Back by itself within 5 s of the network: ready, and requests served again.
        const readyIn = await waitFor(
          'ready again',
          5_000,
          async () => (await timed(running, '/readyz', restored)).status === 200,
        );
        expect(Date.now() - restored).toBeLessThan(5_000 + 500);
        const again = await timed(running, '/v1/sync', restored, { token: advocate.token });
        expect(again.status, again.body).toBe(200);

        // Every click answered during the outage is written: one per visitor.
        await waitFor(
          'every click written',
          10_000,
          async () => (await clicksStored(running.deps.db, code)) === visitors.next,
        );
        expect(running.deps.clicks.stats.dropped).toBe(0);
        // Every share answered during the outage is stored, once.
        await waitFor('every share written', 10_000, async () => {
          const stored = await running.deps.db
            .selectFrom('shares')
            .select('id')
            .where('id', 'in', shares.sent)
            .execute();
          return stored.length === shares.sent.length;
        });
        console.log(
          `${fault}: ${visitors.next} clicks and ${shares.sent.length} shares kept; ready ${readyIn} ms after the network came back`,
        );
      },
    );
  }
});
