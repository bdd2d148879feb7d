/**
 * One advocate, several browsers: each browser holds its own token (advocate_tokens). Signing out
 * or idle expiry ends that browser's token only; the advocate's access ends with their last one.
 * Removal by an admin ends every token and closes every browser's live stream. An advocate whose
 * access ended by sign-out is let back in (restoreAccess, as a work-account sign-in does), with
 * their leaderboard choice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAdvocate } from '../../lib/console-schemas';
import { issueAdvocateToken } from '../../server/services/advocate-tokens';
import { restoreAccess, revokeToken } from '../../server/services/advocates';
import { createContent, expectProblem } from '../helpers/api';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 86_400_000;
const IDLE_DAYS = 30;

describe('advocate tokens per browser', () => {
  let server: TestServer;
  let admin: string;
  let contentId: string;

  beforeAll(async () => {
    server = await startTestServer({ tokenIdleMs: IDLE_DAYS * DAY, sessionTtlMs: 300 * DAY });
    admin = await server.adminToken();
    contentId = (await createContent(server, { title: 'Launch', publish: true })).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Another browser signs in as this advocate (what a work-account sign-in issues). */
  const anotherBrowser = (id: string) => issueAdvocateToken(server.deps.db, id, 'sso', server.clock.now);
  const listed = async (id: string): Promise<AdminAdvocate | undefined> => {
    const response = await server.call('/v1/admin/advocates', { token: admin });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: AdminAdvocate[] }).items.find((item) => item.id === id);
  };
  const status = async (token: string, path = '/v1/sync') => (await server.call(path, { token })).status;
  const board = async (token: string) =>
    (
      (await (await server.call('/v1/leaderboard?period=all', { token })).json()) as {
        entries: { name: string }[];
      }
    ).entries.map((entry) => entry.name);
  const signOut = (token: string) => server.call('/v1/me/token', { method: 'DELETE', token });
  /** A live stream that got its greeting. */
  const stream = async (token: string) => {
    const client = await StreamClient.connect(server.url, token);
    await client.waitFor((messages) => messages.length >= 1);
    return client;
  };
  const stillOpen = async (client: StreamClient) => {
    client.send({ type: 'ping' });
    await client.waitFor((messages) => messages.some((m) => m.type === 'pong'));
    expect(client.closeCode).toBeUndefined();
  };
  async function share(token: string): Promise<void> {
    const response = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: {
        events: [{ id: randomUUID(), contentId, network: 'x', sharedAt: new Date(server.clock.now).toISOString() }],
      },
    });
    expect(response.status, await response.clone().text()).toBe(200);
  }

  it('two browsers work; signing out one leaves the other; removal ends both and closes a stream of each', async () => {
    const ada = await server.enroll('Ada Two Browsers');
    const laptop = ada.token;
    const phone = await anotherBrowser(ada.id);
    expect(phone).not.toBe(laptop);
    await share(laptop);
    await server.deps.scores.recompute([ada.id]);

    // Both browsers are the same advocate: same id, same points.
    const me = async (token: string) =>
      (await (await server.call('/v1/me', { token })).json()) as { id: string; points: unknown };
    expect(await me(laptop)).toEqual(await me(phone));
    expect(await status(laptop)).toBe(200);
    expect(await status(phone)).toBe(200);
    expect(await listed(ada.id)).toMatchObject({ access: 'active', browsers: 2, accessEndedAt: null });

    // The laptop signs out: only its token ends.
    const phoneStream = await stream(phone);
    expect((await signOut(laptop)).status).toBe(204);
    const problem = await expectProblem(await server.call('/v1/sync', { token: laptop }), 401, 'token-revoked');
    expect(problem.detail).toMatch(/signed out/);
    expect(problem.reason).toBe('signed-out');
    expect(await status(phone)).toBe(200);
    expect(await status(phone, '/v1/me')).toBe(200);
    expect(await listed(ada.id)).toMatchObject({ access: 'active', browsers: 1, accessEndedAt: null });
    expect(await board(phone)).toContain('Ada Two Browsers');
    await stillOpen(phoneStream);

    // The laptop signs in again (a new token); both browsers stream; the admin removes Ada.
    const laptopAgain = await anotherBrowser(ada.id);
    const laptopStream = await stream(laptopAgain);
    expect(await listed(ada.id)).toMatchObject({ browsers: 2 });
    const removed = await server.call(`/v1/admin/advocates/${ada.id}`, { method: 'DELETE', token: admin });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ access: 'removed', browsers: 0 });
    expect(await laptopStream.closed(2_000)).toBe(4401);
    expect(await phoneStream.closed(2_000)).toBe(4401);
    for (const token of [laptop, laptopAgain, phone]) {
      const ended = await expectProblem(await server.call('/v1/sync', { token }), 401, 'token-revoked');
      expect(ended.detail).toMatch(/removed/);
      expect(ended.reason).toBe('removed');
    }
    // Every token's hash is kept as revoked, none is left working.
    const left = await server.deps.db
      .selectFrom('advocate_tokens')
      .select('token_hash')
      .where('advocate_id', '=', ada.id)
      .execute();
    expect(left).toEqual([]);
    const revoked = await server.deps.db
      .selectFrom('revoked_tokens')
      .select('reason')
      .where('advocate_id', '=', ada.id)
      .execute();
    expect(revoked.map((row) => row.reason)).toEqual(['removed', 'removed', 'removed']);
  });

  it('signing out the last browser ends access; signing in again brings back the leaderboard choice', async () => {
    const bo = await server.enroll('Bo Returns');
    const cy = await server.enroll('Cy Unlisted');
    await share(bo.token);
    await share(cy.token);
    const patch = await server.call('/v1/me', { method: 'PATCH', token: cy.token, json: { leaderboard: false } });
    expect(patch.status).toBe(200);
    await server.deps.scores.recompute([bo.id, cy.id]);
    const watcher = await server.enroll('Watcher');
    expect(await board(watcher.token)).toContain('Bo Returns');

    for (const advocate of [bo, cy]) expect((await signOut(advocate.token)).status).toBe(204);
    expect(await listed(bo.id)).toMatchObject({ access: 'signed-out', browsers: 0 });
    expect(await board(watcher.token)).not.toContain('Bo Returns');
    // The score keeper keeps a signed-out advocate off the board.
    await server.deps.scores.recompute([bo.id]);
    expect(await board(watcher.token)).not.toContain('Bo Returns');

    for (const advocate of [bo, cy]) expect(await restoreAccess(server.deps.db, advocate.id)).toBe(true);
    expect(await restoreAccess(server.deps.db, 'no-such-advocate')).toBe(false);
    const boAgain = await anotherBrowser(bo.id);
    const cyAgain = await anotherBrowser(cy.id);
    expect(await listed(bo.id)).toMatchObject({ access: 'active', accessEndedAt: null, browsers: 1 });
    expect(await listed(bo.id)).toMatchObject({ leaderboard: true, signedInWith: 'sso' });
    expect(await listed(cy.id)).toMatchObject({ access: 'active', leaderboard: false });
    expect(await board(watcher.token)).toContain('Bo Returns');
    expect(await board(watcher.token)).not.toContain('Cy Unlisted');
    await server.deps.scores.recompute([bo.id, cy.id]);
    expect(await board(watcher.token)).toContain('Bo Returns');
    expect(await board(watcher.token)).not.toContain('Cy Unlisted');
    // The old token stays signed out; the new one works, its live stream too.
    await expectProblem(await server.call('/v1/sync', { token: bo.token }), 401, 'token-revoked');
    expect(await status(boAgain)).toBe(200);
    expect(await status(cyAgain)).toBe(200);
    const live = await stream(boAgain);
    await stillOpen(live);
    live.close();
  });

  it('an idle browser’s token expires alone; access ends when the last one does', async () => {
    const dee = await server.enroll('Dee Idle Laptop');
    const busy = await anotherBrowser(dee.id);
    // The phone syncs every few days past the limit; the laptop never calls.
    for (let day = 0; day < IDLE_DAYS + 10; day += 5) {
      server.clock.advance(5 * DAY);
      expect(await status(busy)).toBe(200);
    }
    await expectProblem(await server.call('/v1/sync', { token: dee.token }), 401, 'token-expired');
    expect(await status(busy)).toBe(200);
    expect(await listed(dee.id)).toMatchObject({ access: 'active', browsers: 1 });

    // Then the phone goes unused too: listed as expired before it is presented again.
    server.clock.advance((IDLE_DAYS + 1) * DAY);
    expect(await listed(dee.id)).toMatchObject({ access: 'expired', browsers: 0 });
    await expectProblem(await server.call('/v1/sync', { token: busy }), 401, 'token-expired');
    expect(await listed(dee.id)).toMatchObject({ access: 'expired', browsers: 0 });
    const row = await server.deps.db
      .selectFrom('advocates')
      .select(['access_ended', 'access_ended_at'])
      .where('id', '=', dee.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ access_ended: 'expired', access_ended_at: expect.any(Number) });
  });

  it('deprovisioning (SCIM) ends every browser’s token, saying the company ended the access', async () => {
    const eve = await server.enroll('Eve Deprovisioned');
    const other = await anotherBrowser(eve.id);
    const live = await stream(other);
    expect(await revokeToken(server.deps, eve.id, 'deprovisioned')).toBe(true);
    expect(await live.closed(2_000)).toBe(4401);
    for (const token of [eve.token, other]) {
      const problem = await expectProblem(await server.call('/v1/sync', { token }), 401, 'token-revoked');
      expect(problem.detail).toBe('Your company ended your access to Relay.');
      expect(problem.reason).toBe('deprovisioned');
    }
    expect(await listed(eve.id)).toMatchObject({ access: 'deprovisioned', browsers: 0 });
    expect(await revokeToken(server.deps, 'no-such-advocate', 'deprovisioned')).toBe(false);
  });
});
