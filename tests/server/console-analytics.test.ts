/**
 * GET /v1/admin/advocates, /v1/admin/analytics and /v1/admin/analytics.csv on real shares and
 * counted clicks (tracked links followed by people; bots are not counted).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate, Analytics } from '../../lib/console-schemas';
import { csvCell, toCsv } from '../../server/services/analytics';
import { createContent, expectProblem, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 86_400_000;
const BROWSER = (n: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.${n} Safari/537.36`;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('advocates and analytics', () => {
  let server: TestServer;
  let admin: string;
  let now: number;
  let launch: string;
  let formula: string;
  let ada: { token: string; id: string };
  let bob: { token: string; id: string };
  let cy: { token: string; id: string };

  async function share(token: string, contentId: string, network: string, at: number, id = randomUUID()) {
    const response = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: { events: [{ id, contentId, network, sharedAt: new Date(at).toISOString() }] },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return id;
  }

  async function click(code: string, userAgent: string) {
    const response = await server.call(`/r/${code}`, { headers: { 'user-agent': userAgent } });
    expect(response.status).toBe(302);
  }

  const get = async <T>(path: string): Promise<T> => {
    const response = await server.call(path, { token: admin });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as T;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    now = server.clock.now;
    launch = (await createContent(server, { title: 'Launch, "big" day', publish: true })).id;
    formula = (await createContent(server, { title: '=HYPERLINK("http://evil.example")', publish: true })).id;
    // Live for the last 60 days: the server takes shares only of content live at the share's time.
    await server.deps.db
      .updateTable('content')
      .set({ publish_at: now - 60 * DAY })
      .where('id', 'in', [launch, formula])
      .execute();
    ada = await server.enroll('Ada Lovelace');
    bob = await server.enroll('@Bob');
    cy = await server.enroll('Cy Young');

    const duplicate = await share(ada.token, launch, 'linkedin', now);
    await share(ada.token, launch, 'linkedin', now, duplicate); // counted once
    await share(ada.token, launch, 'x', now - DAY);
    await share(ada.token, formula, 'linkedin', now - 3 * DAY);
    await share(ada.token, formula, 'x', now - 40 * DAY); // outside the default 30 days
    await share(bob.token, formula, 'facebook', now);

    // Ada's tracked LinkedIn link for the launch: two people and a bot follow it.
    const { body } = await sync(server, ada.token);
    const link = body.content.find((item) => item.id === launch)!.links.linkedin!;
    const code = new URL(link).pathname.split('/').pop()!;
    await click(code, BROWSER(1));
    await click(code, BROWSER(2));
    await click(code, BROWSER(2)); // the same visitor within the hour
    await click(code, 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)');
    await server.deps.clicks.flush();

    // Bob synced 10 days ago (not an active install); Cy never did, is in Sales and off the leaderboard.
    await server.database.db
      .updateTable('advocates')
      .set({ last_sync_at: now - 10 * DAY })
      .where('id', '=', bob.id)
      .execute();
    await server.database.db
      .updateTable('advocates')
      .set({ team: 'Sales', leaderboard: 0 })
      .where('id', '=', cy.id)
      .execute();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('GET /v1/admin/advocates lists every advocate with shares, clicks, last sync and privacy choices', async () => {
    const { items } = await get<{ items: AdminAdvocate[] }>('/v1/admin/advocates');
    expect(items.map((item) => item.name)).toEqual(
      ['@Bob', 'Ada Lovelace', 'Cy Young'].sort((a, b) => a.localeCompare(b)),
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(ada.id)).toEqual({
      id: ada.id,
      name: 'Ada Lovelace',
      createdAt: expect.any(String),
      lastSyncAt: expect.any(String),
      shareCount: 4,
      clickCount: 2,
      clickTracking: true,
      leaderboard: true,
      team: null,
      region: null,
      access: 'active',
      accessEndedAt: null,
      browsers: 1,
      lastTokenUseAt: expect.any(String),
      email: null,
      signedInWith: 'invite',
      workAccount: false,
    });
    expect(Date.parse(byId.get(ada.id)!.lastSyncAt!)).toBeGreaterThanOrEqual(now - 60_000);
    expect(byId.get(bob.id)).toMatchObject({
      shareCount: 1,
      clickCount: 0,
      lastSyncAt: new Date(now - 10 * DAY).toISOString(),
    });
    expect(byId.get(cy.id)).toMatchObject({
      shareCount: 0,
      clickCount: 0,
      lastSyncAt: null,
      leaderboard: false,
      team: 'Sales',
      region: null,
    });
  });

  it('GET /v1/admin/analytics defaults to the last 30 days: totals, zero-filled days, networks, content, advocates', async () => {
    const data = await get<Analytics>('/v1/admin/analytics');
    const today = dayOf(now);
    expect(data.to).toBe(today);
    expect(data.from).toBe(dayOf(now - 29 * DAY));
    expect(data.totals).toEqual({ shares: 4, clicks: 2, activeInstalls: 1, advocates: 3 });

    expect(data.perDay).toHaveLength(30);
    expect(data.perDay[0]!.date).toBe(data.from);
    expect(data.perDay[29]!.date).toBe(today);
    const day = (ms: number) => data.perDay.find((row) => row.date === dayOf(ms));
    expect(day(now)).toEqual({ date: today, shares: 2, clicks: 2 });
    expect(day(now - DAY)).toEqual({ date: dayOf(now - DAY), shares: 1, clicks: 0 });
    expect(day(now - 3 * DAY)).toEqual({ date: dayOf(now - 3 * DAY), shares: 1, clicks: 0 });
    expect(data.perDay.reduce((sum, row) => sum + row.shares, 0)).toBe(4);
    expect(data.perDay.filter((row) => row.shares === 0 && row.clicks === 0)).toHaveLength(27);

    expect(data.perNetwork).toEqual([
      { network: 'linkedin', shares: 2, clicks: 2 },
      { network: 'x', shares: 1, clicks: 0 },
      { network: 'facebook', shares: 1, clicks: 0 },
      { network: 'bluesky', shares: 0, clicks: 0 },
      { network: 'threads', shares: 0, clicks: 0 },
    ]);
    expect(data.perContent).toEqual([
      { contentId: launch, title: 'Launch, "big" day', shares: 2, clicks: 2 },
      { contentId: formula, title: '=HYPERLINK("http://evil.example")', shares: 2, clicks: 0 },
    ]);
    expect(data.perAdvocate).toEqual([
      { advocateId: ada.id, name: 'Ada Lovelace', shares: 3, clicks: 2 },
      { advocateId: bob.id, name: '@Bob', shares: 1, clicks: 0 },
    ]);
  });

  it('takes from and to as UTC days (both included)', async () => {
    const from = dayOf(now - 40 * DAY);
    const wide = await get<Analytics>(`/v1/admin/analytics?from=${from}&to=${dayOf(now)}`);
    expect(wide.perDay).toHaveLength(41);
    expect(wide.totals.shares).toBe(5);
    expect(wide.perAdvocate[0]).toEqual({ advocateId: ada.id, name: 'Ada Lovelace', shares: 4, clicks: 2 });

    const single = await get<Analytics>(`/v1/admin/analytics?from=${dayOf(now - DAY)}&to=${dayOf(now - DAY)}`);
    expect(single.perDay).toEqual([{ date: dayOf(now - DAY), shares: 1, clicks: 0 }]);
    expect(single.totals).toMatchObject({ shares: 1, clicks: 0 });
    expect(single.perContent).toEqual([{ contentId: launch, title: 'Launch, "big" day', shares: 1, clicks: 0 }]);

    const old = await get<Analytics>('/v1/admin/analytics?from=2020-01-01&to=2020-12-31');
    expect(old.perDay).toHaveLength(366);
    expect(old.totals).toMatchObject({ shares: 0, clicks: 0 });
    expect(old.perContent).toEqual([]);

    const onlyTo = await get<Analytics>('/v1/admin/analytics?to=2024-03-01');
    expect(onlyTo.from).toBe('2024-02-01'); // 30 days, 2024 being a leap year
    const isoTimes = await get<Analytics>('/v1/admin/analytics?from=2024-03-01T23:30:00.000Z&to=2024-03-02T00:00:00Z');
    expect([isoTimes.from, isoTimes.to]).toEqual(['2024-03-01', '2024-03-02']);
  });

  it.each([
    'from=yesterday',
    'from=2026-02-30',
    'to=2026-13-01',
    'from=2026-1-5',
    'from=2026-03-02&to=2026-03-01',
    'from=2020-01-01&to=2021-01-01',
  ])('answers 400 for %s', async (query) => {
    await expectProblem(await server.call(`/v1/admin/analytics?${query}`, { token: admin }), 400, 'malformed-query');
    await expectProblem(
      await server.call(`/v1/admin/analytics.csv?${query}`, { token: admin }),
      400,
      'malformed-query',
    );
  });

  it('GET /v1/admin/analytics.csv exports the per-day table by default, RFC 4180 with CRLF', async () => {
    const response = await server.call('/v1/admin/analytics.csv', { token: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="relay-perDay-${dayOf(now - 29 * DAY)}-to-${dayOf(now)}.csv"`,
    );
    const text = await response.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('date,shares,clicks');
    expect(lines).toHaveLength(32); // header, 30 days, and the final line end
    expect(lines[31]).toBe('');
    expect(lines).toContain(`${dayOf(now)},2,2`);
    expect(lines).toContain(`${dayOf(now - 4 * DAY)},0,0`);
  });

  it('exports the other tables with quoting and the formula-injection guard', async () => {
    const csv = async (table: string) => {
      const response = await server.call(`/v1/admin/analytics.csv?table=${table}`, { token: admin });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await csv('perNetwork')).toBe(
      'network,shares,clicks\r\nlinkedin,2,2\r\nx,1,0\r\nfacebook,1,0\r\nbluesky,0,0\r\nthreads,0,0\r\n',
    );
    expect(await csv('perContent')).toBe(
      'contentId,title,shares,clicks\r\n' +
        `${launch},"Launch, ""big"" day",2,2\r\n` +
        `${formula},"'=HYPERLINK(""http://evil.example"")",2,0\r\n`,
    );
    expect(await csv('perAdvocate')).toBe(
      `advocateId,name,shares,clicks\r\n${ada.id},Ada Lovelace,3,2\r\n${bob.id},'@Bob,1,0\r\n`,
    );
    await expectProblem(
      await server.call('/v1/admin/analytics.csv?table=secrets', { token: admin }),
      400,
      'malformed-query',
    );
  });
});

describe('CSV cells', () => {
  it('quotes, doubles quotes and guards formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(12)).toBe('12');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=x')).toBe("'\t=x");
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});
