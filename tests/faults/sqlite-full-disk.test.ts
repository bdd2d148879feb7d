/**
 * SQLite on a disk that fills up for 15 s (a real tmpfs, filled to the last byte; the spool is on
 * the same disk, as it is by default): writes answer 503 fast and readiness says so, reads and
 * redirects go on, every click made meanwhile is written once there is room, within 5 s.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { contentInput, createContent, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../helpers/small-disk';
import { clicksStored, expectUnavailable, repeatUntil, timed, visits, waitFor, type Timed } from './probe';

const OUTAGE_MS = 15_000;
const unavailable = smallDiskUnavailable();

describe('SQLite on a full disk for 15 s', () => {
  let disk: SmallDisk | undefined;
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    disk?.unmount();
    disk = server = undefined;
  });

  if (unavailable) console.warn(`skipping the full-disk test: ${unavailable}`);

  it.skipIf(unavailable !== null)(
    'writes answer 503 fast, reads and redirects go on, no click lost, ready within 5 s of room',
    { timeout: 90_000 },
    async () => {
      disk = mountSmallDisk(32);
      const dir = disk.dir;
      server = await startTestServer({
        databaseUrl: `sqlite:${join(dir, 'relay.db')}`,
        trustProxy: true,
        spool: { ...loadConfig({}).spool, dir: join(dir, 'spool') },
      });
      const running = server;
      const admin = await running.adminToken();
      const advocate = await running.enroll('Disk Dora');
      const item = await createContent(running, { url: 'https://example.com/full', publish: true });
      const link = (await sync(running, advocate.token)).body.content.find((entry) => entry.id === item.id)!.links.x!;
      const code = new URL(link).pathname.split('/').pop()!;

      disk.fill();
      const since = Date.now();
      const visitors = { next: 0 };
      let round = 0;
      const results = await repeatUntil(since, OUTAGE_MS, 250, async () => {
        round++;
        const calls: Promise<Timed>[] = [
          timed(running, '/v1/admin/content', since, {
            method: 'POST',
            token: admin,
            json: contentInput({ title: `Written on a full disk ${round}`, note: 'n'.repeat(2_000) }),
          }),
          timed(running, '/v1/sync', since, { token: advocate.token }),
          timed(running, '/livez', since),
          timed(running, '/readyz', since),
          ...visits(running, code, since, visitors, 5),
        ];
        return Promise.all(calls);
      });
      disk.free();
      const freed = Date.now();

      const of = (path: string, method?: string) =>
        results.filter((result) => result.path === path || (method === undefined && result.path.startsWith(path)));
      // Writes are refused with a 503 the client can retry, at once.
      for (const result of of('/v1/admin/content')) {
        expectUnavailable(result);
        expect(result.ms, `write at ${result.at} ms`).toBeLessThan(1_000);
      }
      // Readiness tells the truth; liveness and reads are unaffected.
      for (const result of of('/readyz')) expectUnavailable(result);
      for (const result of of('/livez')) expect(result.status).toBe(200);
      for (const result of of('/v1/sync')) expect(result.status, result.body).toBe(200);
      for (const result of of('/r/')) {
        expect(result.status).toBe(302);
        expect(result.ms).toBeLessThan(1_000);
      }

      await waitFor('ready again', 5_000, async () => (await timed(running, '/readyz', freed)).status === 200);
      await waitFor(
        'every click written',
        5_000 - (Date.now() - freed) + 1_000,
        async () => (await clicksStored(running.deps.db, code)) === visitors.next,
      );
      expect(running.deps.clicks.stats.dropped).toBe(0);
      // And writes work again.
      const write = await timed(running, '/v1/admin/content', freed, {
        method: 'POST',
        token: admin,
        json: contentInput({ title: 'After the disk was freed' }),
      });
      expect(write.status, write.body).toBe(201);
    },
  );
});
