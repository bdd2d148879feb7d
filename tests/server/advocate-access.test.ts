/**
 * Advocate tokens that end: an admin removes an advocate (keeping or erasing their data), the
 * advocate signs out, or the token goes unused too long. Each row of the matrix: what every
 * advocate route answers afterwards, what the console lists, what analytics and the leaderboard
 * count, and what is left in the database.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate, Analytics } from '../../lib/console-schemas';
import { createContent, expectProblem, sync } from '../helpers/api';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const DAY = 86_400_000;
const IDLE_DAYS = 30;

/** Every call an advocate's extension makes, as it makes it. */
const ADVOCATE_CALLS: { method: string; path: string; json?: unknown }[] = [
  { method: 'GET', path: '/v1/sync' },
  { method: 'GET', path: '/v1/me' },
  { method: 'PATCH', path: '/v1/me', json: { leaderboard: true } },
  { method: 'GET', path: '/v1/leaderboard?period=all' },
  {
    method: 'POST',
    path: '/v1/shares',
    json: { events: [{ id: randomUUID(), contentId: 'x', network: 'x', sharedAt: new Date().toISOString() }] },
  },
  { method: 'DELETE', path: '/v1/me/token' },
];

describe('advocate access: removal, sign-out and idle expiry', () => {
  let server: TestServer;
  let admin: string;
  let contentId: string;

  beforeAll(async () => {
    // Admin sessions outlive the clock jumps of the idle-expiry test.
    server = await startTestServer({ tokenIdleMs: IDLE_DAYS * DAY, sessionTtlMs: 300 * DAY });
    admin = await server.adminToken();
    contentId = (await createContent(server, { title: 'Launch', publish: true })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Enrols an advocate who shared on LinkedIn and X, whose LinkedIn link two people followed. */
  async function activeAdvocate(name: string) {
    const advocate = await server.enroll(name);
    const response = await server.call('/v1/shares', {
      method: 'POST',
      token: advocate.token,
      json: {
        events: (['linkedin', 'x'] as const).map((network) => ({
          id: randomUUID(),
          contentId,
          network,
          sharedAt: new Date(server.clock.now).toISOString(),
        })),
      },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const link = (await sync(server, advocate.token)).body.content.find((item) => item.id === contentId)!.links
      .linkedin!;
    const code = new URL(link).pathname.split('/').pop()!;
    for (const n of [1, 2]) {
      const visit = await server.call(`/r/${code}`, { headers: { 'user-agent': `${BROWSER} ${n}` } });
      expect(visit.status).toBe(302);
    }
    await server.deps.clicks.flush();
    await server.deps.scores.recompute([advocate.id]);
    return { ...advocate, code };
  }

  const adminGet = async <T>(path: string): Promise<T> => {
    const response = await server.call(path, { token: admin });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as T;
  };
  const listed = async (id: string) =>
    (await adminGet<{ items: AdminAdvocate[] }>('/v1/admin/advocates')).items.find((item) => item.id === id);
  const analytics = () => adminGet<Analytics>('/v1/admin/analytics');
  const remove = (id: string, query = '') =>
    server.call(`/v1/admin/advocates/${encodeURIComponent(id)}${query}`, { method: 'DELETE', token: admin });
  /** Rows of `table` whose `column` is `value` (raw SQL names: the test reads what is stored). */
  const rowsWhere = async (table: string, column: 'advocate_id' | 'code', value: string) => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(
      column,
    )} = ${value}`.execute(server.deps.db);
    return Number(rows[0]!.n);
  };
  const count = (table: 'shares' | 'links' | 'advocate_points', id: string) => rowsWhere(table, 'advocate_id', id);
  const clickRows = (table: 'clicks' | 'click_counts', code: string) => rowsWhere(table, 'code', code);

  /** Every advocate call with `token` answers 401 of `type`, and so does the live stream's upgrade. */
  async function expectRefused(token: string, type: string): Promise<void> {
    for (const { method, path, json } of ADVOCATE_CALLS) {
      const response = await server.call(path, { method, token, json });
      const problem = await expectProblem(response, 401, type);
      expect(problem.detail, `${method} ${path}`).not.toMatch(/enrol again/i);
      expect(response.headers.get('www-authenticate')).toMatch(/invalid_token/);
    }
    const refused = await StreamClient.connect(server.url, token).then(
      () => undefined,
      (error: { status?: number; body?: string }) => error,
    );
    expect(refused?.status).toBe(401);
    expect(JSON.parse(refused!.body!)).toMatchObject({ type: `https://relay.invalid/problems/${type}` });
  }

  it('an unknown token stays …/unauthorized', async () => {
    for (const { method, path, json } of ADVOCATE_CALLS) {
      await expectProblem(await server.call(path, { method, token: 'rlv_never-issued', json }), 401, 'unauthorized');
    }
  });

  it('removal keeping the data: the token stops at once, the data stays for the record, off the leaderboard', async () => {
    const ada = await activeAdvocate('Ada Kept');
    const bob = await activeAdvocate('Bob Stays');
    const before = await analytics();
    const board = async () =>
      (
        (await (await server.call('/v1/leaderboard?period=all', { token: bob.token })).json()) as {
          entries: { name: string }[];
        }
      ).entries.map((entry) => entry.name);
    expect(await board()).toContain('Ada Kept');

    const response = await remove(ada.id);
    expect(response.status, await response.clone().text()).toBe(200);
    const removed = (await response.json()) as AdminAdvocate;
    expect(removed).toMatchObject({ id: ada.id, name: 'Ada Kept', access: 'removed', shareCount: 2, clickCount: 2 });
    expect(Date.parse(removed.accessEndedAt!)).toBeGreaterThan(server.clock.now - 60_000);
    expect(await listed(ada.id)).toEqual(removed);

    await expectRefused(ada.token, 'token-revoked');
    expect(await board()).not.toContain('Ada Kept');
    expect(await board()).toContain('Bob Stays');
    // Kept: shares, links, clicks and points rows; analytics still count them.
    expect(await count('shares', ada.id)).toBe(2);
    expect(await count('links', ada.id)).toBeGreaterThan(0);
    expect(await clickRows('click_counts', ada.code)).toBe(1);
    expect(await count('advocate_points', ada.id)).toBeGreaterThan(0);
    const after = await analytics();
    expect(after.totals).toEqual({
      ...before.totals,
      activeInstalls: before.totals.activeInstalls - 1,
      advocates: before.totals.advocates - 1,
    });
    expect(after.perAdvocate.find((row) => row.advocateId === ada.id)).toMatchObject({ shares: 2, clicks: 2 });
    // Bob is untouched; removing Ada again changes nothing.
    expect((await server.call('/v1/sync', { token: bob.token })).status).toBe(200);
    const again = await remove(ada.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(removed);
    // A link already shared keeps leading to the post, and its visits still count for the content.
    expect((await server.call(`/r/${ada.code}`, { headers: { 'user-agent': BROWSER } })).status).toBe(302);
    await server.deps.clicks.flush();
    expect(await listed(ada.id)).toMatchObject({ access: 'removed', clickCount: 3 });
  });

  it('removal erasing the data: everything about them is gone, the token is still told it was revoked', async () => {
    const cy = await activeAdvocate('Cy Erased');
    const before = await analytics();
    expect(before.perAdvocate.find((row) => row.advocateId === cy.id)).toMatchObject({ shares: 2, clicks: 2 });

    const response = await remove(cy.id, '?erase=true');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');

    await expectRefused(cy.token, 'token-revoked');
    expect(await listed(cy.id)).toBeUndefined();
    for (const table of ['shares', 'links', 'advocate_points'] as const) expect(await count(table, cy.id)).toBe(0);
    expect(await clickRows('clicks', cy.code)).toBe(0);
    expect(await clickRows('click_counts', cy.code)).toBe(0);
    const advocateRow = await server.deps.db.selectFrom('advocates').select('id').where('id', '=', cy.id).execute();
    expect(advocateRow).toEqual([]);
    // Nothing left points back at them: the revoked token's hash has no advocate id.
    const revoked = await server.deps.db
      .selectFrom('revoked_tokens')
      .selectAll()
      .where('reason', '=', 'erased')
      .execute();
    expect(revoked.length).toBeGreaterThan(0);
    expect(revoked.every((row) => row.advocate_id === null)).toBe(true);
    // Their tracked links no longer exist.
    await expectProblem(await server.call(`/r/${cy.code}`, { headers: { 'user-agent': BROWSER } }), 404);

    const after = await analytics();
    expect(after.perAdvocate.find((row) => row.advocateId === cy.id)).toBeUndefined();
    expect(after.totals).toEqual({
      shares: before.totals.shares - 2,
      clicks: before.totals.clicks - 2,
      activeInstalls: before.totals.activeInstalls - 1,
      advocates: before.totals.advocates - 1,
    });
    await expectProblem(await remove(cy.id, '?erase=true'), 404, 'not-found');
  });

  it('erasing an advocate removed earlier (data kept) deletes the kept data', async () => {
    const dee = await activeAdvocate('Dee Later');
    expect((await remove(dee.id)).status).toBe(200);
    expect((await remove(dee.id, '?erase=true')).status).toBe(204);
    expect(await count('shares', dee.id)).toBe(0);
    expect(await listed(dee.id)).toBeUndefined();
    await expectRefused(dee.token, 'token-revoked');
  });

  it('the advocate signs out: 204, the token stops at once, the console shows it, an admin can still remove them', async () => {
    const eve = await activeAdvocate('Eve Leaves');
    const out = await server.call('/v1/me/token', { method: 'DELETE', token: eve.token });
    expect(out.status).toBe(204);
    await expectRefused(eve.token, 'token-revoked');
    const problem = await expectProblem(await server.call('/v1/sync', { token: eve.token }), 401, 'token-revoked');
    expect(problem.detail).toMatch(/signed out/);
    expect(await listed(eve.id)).toMatchObject({ access: 'signed-out', shareCount: 2 });
    expect(await count('shares', eve.id)).toBe(2);

    expect((await remove(eve.id)).status).toBe(200);
    expect(await listed(eve.id)).toMatchObject({ access: 'removed' });
    const removed = await expectProblem(await server.call('/v1/sync', { token: eve.token }), 401, 'token-revoked');
    expect(removed.detail).toMatch(/removed/);
  });

  it(`a token unused for ${IDLE_DAYS} days expires (…/token-expired); one used within the limit never does`, async () => {
    const idle = await activeAdvocate('Ida Idle');
    const busy = await activeAdvocate('Bo Busy');
    // Bo's extension syncs every few days for longer than the limit; Ida's never calls.
    for (let day = 0; day < IDLE_DAYS + 10; day += 5) {
      server.clock.advance(5 * DAY);
      expect((await server.call('/v1/sync', { token: busy.token })).status).toBe(200);
    }
    // Listed as expired before the token is even presented again.
    expect(await listed(idle.id)).toMatchObject({ access: 'expired' });
    expect(await listed(busy.id)).toMatchObject({ access: 'active', accessEndedAt: null });
    await expectRefused(idle.token, 'token-expired');
    expect(await listed(idle.id)).toMatchObject({ access: 'expired', shareCount: 2 });
    // Bo's last request was just now, so Bo still works; removal then says revoked, not expired.
    expect((await server.call('/v1/me', { token: busy.token })).status).toBe(200);
    expect((await remove(idle.id)).status).toBe(200);
    await expectProblem(await server.call('/v1/sync', { token: idle.token }), 401, 'token-revoked');
  });

  it('refuses a bad erase value, an unknown advocate and an advocate token', async () => {
    const fay = await server.enroll('Fay');
    await expectProblem(await remove(fay.id, '?erase=yes'), 400, 'malformed-query');
    await expectProblem(await remove('no-such-advocate'), 404, 'not-found');
    await expectProblem(
      await server.call(`/v1/admin/advocates/${fay.id}`, { method: 'DELETE', token: fay.token }),
      403,
      'forbidden',
    );
    expect((await server.call('/v1/sync', { token: fay.token })).status).toBe(200);
  });

  it('closes the advocate’s live streams at once (4401), and only theirs', async () => {
    const gus = await server.enroll('Gus Streams');
    const hal = await server.enroll('Hal Stays');
    const gusStreams = [
      await StreamClient.connect(server.url, gus.token),
      await StreamClient.connect(server.url, gus.token),
    ];
    const halStream = await StreamClient.connect(server.url, hal.token);
    await Promise.all([...gusStreams, halStream].map((client) => client.waitFor((m) => m.length >= 1)));
    expect((await remove(gus.id)).status).toBe(200);
    for (const client of gusStreams) expect(await client.closed(2_000)).toBe(4401);
    halStream.send({ type: 'ping' });
    await halStream.waitFor((messages) => messages.some((m) => m.type === 'pong'));
    expect(halStream.closeCode).toBeUndefined();
    halStream.close();
  });

  it('the advocate’s own sign-out closes their live stream too', async () => {
    const ivy = await server.enroll('Ivy Out');
    const stream = await StreamClient.connect(server.url, ivy.token);
    await stream.waitFor((m) => m.length >= 1);
    expect((await server.call('/v1/me/token', { method: 'DELETE', token: ivy.token })).status).toBe(204);
    expect(await stream.closed(2_000)).toBe(4401);
  });

  it('answers the extension’s CORS preflight for DELETE /v1/me/token', async () => {
    const response = await server.call('/v1/me/token', {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnop',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    expect(response.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
  });
});
