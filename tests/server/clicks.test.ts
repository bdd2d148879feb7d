/**
 * Click attribution on GET /r/:code: one click per human visitor per link per hour, bots and HEAD
 * redirected but not counted, no raw address stored, buffered writes that survive a graceful
 * shutdown, deduplication across instances, and clicks feeding the advocate's points.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Links } from '../../lib/schemas';
import { openDatabase } from '../../server/db';
import { HOUR, createContent, expectProblem, iso, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';

interface Visit {
  ip?: string;
  ua?: string;
  method?: string;
  headers?: Record<string, string>;
}

async function visit(
  server: TestServer,
  link: string,
  { ip = '198.51.100.7', ua = CHROME, method = 'GET', headers = {} }: Visit = {},
) {
  const response = await server.call(new URL(link).pathname, {
    method,
    headers: { 'x-forwarded-for': ip, 'user-agent': ua, ...headers },
  });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toMatch(/^https:\/\/example\.com\/launch\?.*utm_source=/);
  await response.arrayBuffer();
  return response;
}

async function clicksOn(server: TestServer, link: string): Promise<number> {
  await server.deps.clicks.flush();
  const code = new URL(link).pathname.split('/').pop()!;
  const row = await server.deps.db
    .selectFrom('clicks')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('click attribution', () => {
  let server: TestServer;
  let ada: { token: string; id: string };
  let links: Links;
  let contentId: string;

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
    ada = await server.enroll('Ada Lovelace');
    const item = await createContent(server, { url: 'https://example.com/launch', publish: true });
    contentId = item.id;
    links = (await sync(server, ada.token)).body.content.find((entry) => entry.id === item.id)!.links;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers the redirect before the click is written, then writes it in the next batch', async () => {
    const before = server.deps.clicks.stats.written;
    await visit(server, links.x!, { ip: '203.0.113.1' });
    expect(server.deps.clicks.pending).toBeGreaterThanOrEqual(1);
    expect(await clicksOn(server, links.x!)).toBe(1);
    expect(server.deps.clicks.stats.written).toBe(before + 1);
  });

  it('counts a visitor once per hour, and again in the next hour', async () => {
    const link = links.linkedin!;
    await visit(server, link, { ip: '198.51.100.1' });
    await visit(server, link, { ip: '198.51.100.1' });
    await visit(server, link, { ip: '198.51.100.1' });
    expect(await clicksOn(server, link)).toBe(1);
    // Another address, or another browser at the same address, is another visitor.
    await visit(server, link, { ip: '198.51.100.2' });
    await visit(server, link, { ip: '198.51.100.1', ua: FIREFOX });
    expect(await clicksOn(server, link)).toBe(3);

    server.clock.advance(HOUR);
    await visit(server, link, { ip: '198.51.100.1' });
    await visit(server, link, { ip: '198.51.100.1' });
    expect(await clicksOn(server, link)).toBe(4);
  });

  it('redirects link-preview bots and crawlers without counting them', async () => {
    const link = links.facebook!;
    const bots = [
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      'Twitterbot/1.0',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'WhatsApp/2.23.20.0 A',
      'TelegramBot (like TwitterBot)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'curl/8.5.0',
      'python-requests/2.31.0',
      '',
    ];
    for (const [i, ua] of bots.entries()) await visit(server, link, { ip: `192.0.2.${i + 1}`, ua });
    // A browser prefetch is not a visit either.
    await visit(server, link, { ip: '192.0.2.100', headers: { 'sec-purpose': 'prefetch' } });
    expect(await clicksOn(server, link)).toBe(0);
  });

  it('redirects HEAD requests without counting them', async () => {
    const link = links.facebook!;
    const response = await visit(server, link, { ip: '192.0.2.200', method: 'HEAD' });
    expect(response.headers.get('location')).toContain('utm_source=facebook');
    expect(await clicksOn(server, link)).toBe(0);
    await expectProblem(await server.call('/r/AAAAAAAAAA', { method: 'GET' }), 404, 'not-found');
    expect((await server.call('/r/AAAAAAAAAA', { method: 'HEAD' })).status).toBe(404);
  });

  it('stores no raw address or user agent: a salted hash, with the salt kept per UTC day', async () => {
    await visit(server, links.x!, { ip: '203.0.113.99', ua: FIREFOX });
    await server.deps.clicks.flush();
    const rows = await server.deps.db.selectFrom('clicks').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(text).not.toMatch(/203\.0\.113|198\.51\.100|Mozilla|Firefox/);
      expect(row.visitor).toMatch(/^[A-Za-z0-9_-]{32}$/);
    }
    const salts = await server.deps.db.selectFrom('click_salts').selectAll().execute();
    expect(salts.map((salt) => salt.day)).toContain(Math.floor(server.clock.now / (24 * HOUR)));
  });

  it('clicks earn points for the share they belong to, up to the per-share cap', async () => {
    const shared = await server.call('/v1/shares', {
      method: 'POST',
      token: ada.token,
      json: { events: [{ id: randomUUID(), contentId, network: 'x', sharedAt: iso(server.clock.now) }] },
    });
    expect(shared.status).toBe(200);
    const before = (await (await server.call('/v1/me', { token: ada.token })).json()) as {
      points: number;
      clicks: number;
    };
    for (let i = 0; i < 3; i++) await visit(server, links.x!, { ip: `203.0.113.${150 + i}` });
    await server.deps.clicks.flush();
    const after = (await (await server.call('/v1/me', { token: ada.token })).json()) as {
      points: number;
      clicks: number;
    };
    expect(after.clicks).toBe(before.clicks + 3);
    expect(after.points).toBe(before.points + 3);
    // And the leaderboard (stored points) moved with them, through the flush (recomputed in the background).
    await server.deps.scores.idle();
    const board = (await (await server.call('/v1/leaderboard?period=all', { token: ada.token })).json()) as {
      you: { points: number };
    };
    expect(board.you.points).toBe(after.points);
  });

  it('records no clicks once the advocate turned click tracking off, but still redirects', async () => {
    const bob = await server.enroll('Bob Builder');
    const item = await createContent(server, { url: 'https://example.com/launch', publish: true });
    const bobLinks = (await sync(server, bob.token)).body.content.find((entry) => entry.id === item.id)!.links;
    await visit(server, bobLinks.linkedin!, { ip: '203.0.113.7' });
    expect(await clicksOn(server, bobLinks.linkedin!)).toBe(1);
    const patched = await server.call('/v1/me', { method: 'PATCH', token: bob.token, json: { clickTracking: false } });
    expect(patched.status).toBe(200);
    await visit(server, bobLinks.linkedin!, { ip: '203.0.113.8' });
    expect(await clicksOn(server, bobLinks.linkedin!)).toBe(1);
  });

  it('rotates the salt daily and deletes old salts', async () => {
    const today = Math.floor(server.clock.now / (24 * HOUR));
    server.clock.advance(3 * 24 * HOUR);
    await visit(server, links.x!, { ip: '203.0.113.50' });
    await server.deps.clicks.flush();
    const days = (await server.deps.db.selectFrom('click_salts').select('day').execute()).map((row) => row.day);
    expect(days).toContain(today + 3);
    expect(days.every((day) => day >= today + 2)).toBe(true);
  });
});

describe('clicks across instances and across a shutdown', () => {
  it('two instances on one database count a visitor once', async () => {
    const first = await startTestServer({ trustProxy: true });
    const second = await startTestServer({ trustProxy: true, databaseUrl: first.database_.url });
    try {
      const { token } = await first.enroll();
      const item = await createContent(first, { url: 'https://example.com/launch', publish: true });
      const link = (await sync(first, token)).body.content.find((entry) => entry.id === item.id)!.links.linkedin!;
      await visit(first, link, { ip: '198.51.100.77' });
      await visit(second, link, { ip: '198.51.100.77' });
      await first.deps.clicks.flush();
      await visit(second, link, { ip: '198.51.100.77' });
      await visit(first, link, { ip: '198.51.100.78' });
      expect(await clicksOn(second, link)).toBe(1);
      expect(await clicksOn(first, link)).toBe(2);
      const counts = await first.deps.db.selectFrom('click_counts').select('clicks').execute();
      expect(counts.reduce((sum, row) => sum + Number(row.clicks), 0)).toBe(2);
    } finally {
      await second.close();
      await first.stop();
    }
  });

  it('writes the clicks made right before shutdown before the database closes', async () => {
    const server = await startTestServer({ trustProxy: true });
    let code: string;
    try {
      const { token } = await server.enroll();
      const item = await createContent(server, { url: 'https://example.com/launch', publish: true });
      const link = (await sync(server, token)).body.content.find((entry) => entry.id === item.id)!.links.x!;
      code = new URL(link).pathname.split('/').pop()!;
      await Promise.all(Array.from({ length: 25 }, (_, i) => visit(server, link, { ip: `10.1.0.${i + 1}` })));
      expect(server.deps.clicks.pending).toBe(25);
      await server.close();
    } catch (error) {
      await server.stop();
      throw error;
    }
    const reopened = openDatabase(server.database_.url);
    try {
      const rows = await reopened.db.selectFrom('clicks').select('code').execute();
      expect(rows).toHaveLength(25);
      expect(rows.every((row) => row.code === code)).toBe(true);
      const counts = await reopened.db.selectFrom('click_counts').select('clicks').where('code', '=', code).execute();
      expect(counts.reduce((sum, row) => sum + Number(row.clicks), 0)).toBe(25);
    } finally {
      await reopened.close();
      await server.database_.dispose();
    }
  });
});
