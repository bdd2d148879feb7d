/**
 * The POST /v1/shares contract: ids counted once (within a batch and across batches), at most 200
 * events a request, shares taken only of content live at their time (drafts, unknown content,
 * other networks and personalised Facebook shares refused with events.N.field errors a person can
 * read), times corrected by sentAt or clamped to now (never refused for being in the future), a
 * refused batch storing nothing, and the cap on stored events per content and network.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, Network } from '../../lib/schemas';
import { LIVE_TOLERANCE_MS } from '../../lib/share-rules';
import { STORED_SHARES_PER_SLOT } from '../../server/services/share-store';
import { createContent, expectProblem, expectValidation, HOUR, iso, MINUTE } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 24 * HOUR;

interface Event {
  id: string;
  contentId: string;
  network: Network;
  sharedAt: string;
  personalized?: boolean;
}

describe('POST /v1/shares', () => {
  let server: TestServer;
  let advocate: { token: string; id: string };
  /** Live since two days ago, on every network. */
  let live: string;

  const event = (over: Partial<Event> = {}): Event => ({
    id: randomUUID(),
    contentId: live,
    network: 'linkedin',
    sharedAt: iso(server.clock.now - MINUTE),
    ...over,
  });
  const post = (body: unknown, token = advocate.token) =>
    server.call('/v1/shares', { method: 'POST', token, json: body });
  async function accepted(body: unknown, token = advocate.token): Promise<{ accepted: number; duplicates: number }> {
    const response = await post(body, token);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as { accepted: number; duplicates: number };
  }
  const storedTime = async (id: string) =>
    Number(
      (await server.deps.db.selectFrom('shares').select('shared_at').where('id', '=', id).executeTakeFirstOrThrow())
        .shared_at,
    );
  /** Content published (through the API) and then dated back, live since `since`. */
  async function liveSince(since: number, overrides: Record<string, unknown> = {}): Promise<string> {
    const item = await createContent(server, { publish: true, ...overrides });
    await server.deps.db.updateTable('content').set({ publish_at: since }).where('id', '=', item.id).execute();
    return item.id;
  }

  beforeAll(async () => {
    server = await startTestServer();
    advocate = await server.enroll('Sam Sharer');
    live = await liveSince(server.clock.now - 2 * DAY);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts an event id once: twice in one batch, and again in a later batch', async () => {
    const first = event();
    expect(await accepted({ events: [first, first, event({ network: 'x' })] })).toEqual({ accepted: 2, duplicates: 1 });
    expect(await accepted({ events: [first] })).toEqual({ accepted: 0, duplicates: 1 });
    // The same id from another advocate is the same event: not stored again.
    const other = await server.enroll('Other');
    expect(await accepted({ events: [first] }, other.token)).toEqual({ accepted: 0, duplicates: 1 });
    const rows = await server.deps.db.selectFrom('shares').selectAll().where('id', '=', first.id).execute();
    expect(rows.map((row) => row.advocate_id)).toEqual([advocate.id]);
  });

  it('takes 200 events in one request and refuses 201', async () => {
    const { token } = await server.enroll('Busy Bee');
    const contents = await Promise.all(Array.from({ length: 14 }, () => liveSince(server.clock.now - DAY)));
    const networks: Network[] = ['linkedin', 'x', 'facebook'];
    const events = Array.from({ length: 201 }, (_, i) =>
      event({ contentId: contents[i % 14]!, network: networks[i % 3]!, sharedAt: iso(server.clock.now - i * 1000) }),
    );
    const refused = await post({ events }, token);
    const body = await expectValidation(refused, 'events');
    expect(body.errors?.[0]?.message).toMatch(/200/);
    expect(await accepted({ events: events.slice(0, 200) }, token)).toEqual({ accepted: 200, duplicates: 0 });
  });

  it('refuses unknown content, drafts, content not yet published, and says why in words', async () => {
    const draft = (await createContent(server, {})).id;
    const scheduled = (await createContent(server, { publish: true, publishAt: iso(server.clock.now + 2 * DAY) })).id;
    const response = await post({
      events: [
        event(),
        event({ contentId: 'no-such-post' }),
        event({ contentId: draft }),
        event({ contentId: scheduled }),
      ],
    });
    const body = await expectValidation(response, 'events.1.contentId', 'events.2.contentId', 'events.3.sharedAt');
    const message = (path: string) => body.errors?.find((error) => error.path === path)?.message;
    expect(message('events.1.contentId')).toMatch(/not known to the Relay server/);
    expect(message('events.2.contentId')).toMatch(/draft that was never published/);
    expect(message('events.3.sharedAt')).toMatch(/not yet published at the time of this share/);
    expect(body.errors?.some((error) => error.path.startsWith('events.0.'))).toBe(false);
    expect(body.detail).toMatch(/events\.1\.contentId/);
  });

  it('stores nothing from a batch it refuses', async () => {
    const good = event({ network: 'facebook' });
    await expectValidation(await post({ events: [good, event({ contentId: 'gone' })] }), 'events.1.contentId');
    expect(await server.deps.db.selectFrom('shares').select('id').where('id', '=', good.id).execute()).toEqual([]);
  });

  it('refuses networks the post is not offered on, and personalised Facebook shares', async () => {
    const linkedinOnly = await liveSince(server.clock.now - HOUR, { networks: ['linkedin'] });
    const body = await expectValidation(
      await post({
        events: [
          event({ contentId: linkedinOnly, network: 'x' }),
          event({ contentId: linkedinOnly, network: 'facebook' }),
          event({ network: 'facebook', personalized: true }),
          event({ network: 'x', personalized: true }),
        ],
      }),
      'events.0.network',
      'events.1.network',
      'events.2.personalized',
    );
    expect(body.errors?.map((error) => error.path)).toEqual([
      'events.0.network',
      'events.1.network',
      'events.2.personalized',
    ]);
    expect(body.errors?.[0]?.message).toBe('This post is not offered on X, so the share cannot count.');
    expect(body.errors?.[2]?.message).toMatch(/a Facebook share cannot be personalised/);
  });

  it('takes shares of posts archived or re-published since, at times they were live, and refuses the rest', async () => {
    const withdrawn = await liveSince(server.clock.now - 5 * HOUR);
    const admin = await server.adminToken();
    expect((await server.call(`/v1/admin/content/${withdrawn}`, { method: 'DELETE', token: admin })).status).toBe(200);
    const archivedAt = server.clock.now;
    expect(await accepted({ events: [event({ contentId: withdrawn, sharedAt: iso(archivedAt - 2 * HOUR) })] })).toEqual(
      {
        accepted: 1,
        duplicates: 0,
      },
    );
    // An extension that had not heard of the archive yet: within the tolerance.
    expect(
      (await accepted({ events: [event({ contentId: withdrawn, network: 'x', sharedAt: iso(archivedAt + MINUTE) })] }))
        .accepted,
    ).toBe(1);
    server.clock.advance(3 * HOUR);
    const late = await expectValidation(
      await post({ events: [event({ contentId: withdrawn, network: 'facebook', sharedAt: iso(server.clock.now) })] }),
      'events.0.sharedAt',
    );
    expect(late.errors?.[0]?.message).toMatch(/already been withdrawn/);
    // Published again: its earlier live time still counts, the gap does not.
    expect((await server.call(`/v1/admin/content/${withdrawn}/publish`, { method: 'POST', token: admin })).status).toBe(
      200,
    );
    const gap = iso(archivedAt + LIVE_TOLERANCE_MS + HOUR);
    await expectValidation(
      await post({ events: [event({ contentId: withdrawn, network: 'facebook', sharedAt: gap })] }),
      'events.0.sharedAt',
    );
    expect(
      (
        await accepted({
          events: [event({ contentId: withdrawn, network: 'facebook', sharedAt: iso(archivedAt - 4 * HOUR) })],
        })
      ).accepted,
    ).toBe(1);
    expect(
      (await accepted({ events: [event({ contentId: withdrawn, sharedAt: iso(server.clock.now) })] })).accepted,
    ).toBe(1);
  });

  it('never refuses a share only for being in the future: without sentAt it is clamped to now', async () => {
    const future = event({ sharedAt: iso(server.clock.now + 3 * DAY), network: 'x' });
    const before = server.clock.now;
    expect(await accepted({ events: [future] })).toEqual({ accepted: 1, duplicates: 0 });
    const stored = await storedTime(future.id);
    expect(stored).toBeGreaterThanOrEqual(before);
    expect(stored).toBeLessThanOrEqual(server.clock.now);
  });

  it('corrects every sharedAt by the client clock’s skew (serverNow - sentAt)', async () => {
    const newsFlash = await liveSince(server.clock.now - 30 * MINUTE);
    // A clock 3 hours fast: the share was 5 minutes before sending.
    const fast = server.clock.now + 3 * HOUR;
    const a = event({ contentId: newsFlash, sharedAt: iso(fast - 5 * MINUTE) });
    const b = event({ contentId: newsFlash, network: 'x', sharedAt: iso(fast - 10 * MINUTE) });
    const before = server.clock.now;
    expect(await accepted({ events: [a, b], sentAt: iso(fast) })).toEqual({ accepted: 2, duplicates: 0 });
    const after = server.clock.now;
    expect(await storedTime(a.id)).toBeGreaterThanOrEqual(before - 5 * MINUTE);
    expect(await storedTime(a.id)).toBeLessThanOrEqual(after - 5 * MINUTE);
    expect((await storedTime(a.id)) - (await storedTime(b.id))).toBe(5 * MINUTE);

    // A clock 2 hours slow: taken at its face, the share would predate the post and be refused.
    const slow = server.clock.now - 2 * HOUR;
    const c = event({ contentId: newsFlash, network: 'facebook', sharedAt: iso(slow - MINUTE) });
    await expectValidation(await post({ events: [c] }), 'events.0.sharedAt');
    expect(await accepted({ events: [c], sentAt: iso(slow) })).toEqual({ accepted: 1, duplicates: 0 });
    expect(Math.abs((await storedTime(c.id)) - (server.clock.now - MINUTE))).toBeLessThan(5_000);
    await expectValidation(await post({ events: [event()], sentAt: 'yesterday' }), 'sentAt');
  });

  it(`keeps at most ${STORED_SHARES_PER_SLOT} events per post and network, the earliest, and scores the earliest`, async () => {
    const { token, id } = await server.enroll('Repeat Sharer');
    const repeated = await liveSince(server.clock.now - 10 * DAY);
    const now = server.clock.now;
    const events = Array.from({ length: 8 }, (_, i) =>
      event({ contentId: repeated, sharedAt: iso(now - (8 - i) * HOUR) }),
    );
    expect(await accepted({ events }, token)).toEqual({ accepted: STORED_SHARES_PER_SLOT, duplicates: 3 });
    const stored = async () =>
      (
        await server.deps.db
          .selectFrom('shares')
          .select(['id', 'shared_at'])
          .where('advocate_id', '=', id)
          .orderBy('shared_at')
          .execute()
      ).map((row) => row.id);
    expect(await stored()).toEqual(events.slice(0, STORED_SHARES_PER_SLOT).map((e) => e.id));
    // A later one is acknowledged and not stored; an earlier one takes the latest one's place.
    expect(
      await accepted({ events: [event({ contentId: repeated, sharedAt: iso(now - 30 * MINUTE) })] }, token),
    ).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const earliest = event({ contentId: repeated, sharedAt: iso(now - 9 * DAY) });
    expect(await accepted({ events: [earliest] }, token)).toEqual({ accepted: 1, duplicates: 0 });
    expect(await stored()).toEqual([earliest.id, ...events.slice(0, STORED_SHARES_PER_SLOT - 1).map((e) => e.id)]);
    // Other networks have their own room.
    expect((await accepted({ events: [event({ contentId: repeated, network: 'x' })] }, token)).accepted).toBe(1);
    const me = (await (await server.call('/v1/me', { token })).json()) as MeResponse;
    expect(me.shares).toBe(2);
    expect(me.history.shares.map((share) => share.id).sort()).toEqual([earliest.id, (await stored()).at(-1)!].sort());
  });

  it('answers only advocates, with problem+json for a malformed body', async () => {
    await expectProblem(await server.call('/v1/shares', { method: 'POST', json: { events: [event()] } }), 401);
    await expectProblem(
      await server.call('/v1/shares', {
        method: 'POST',
        json: { events: [event()] },
        token: await server.adminToken(),
      }),
      403,
    );
    await expectValidation(await post({ events: [] }), 'events');
    await expectValidation(await post({ events: [event()], extra: true }), 'extra');
    await expectValidation(await post({ events: [{ ...event(), id: 'not-a-uuid' }] }), 'events.0.id');
  });
});
