/**
 * GET /v1/sync: snapshots, deltas since a cursor, `removed`, ETag/304, scheduled items coming due
 * and items expiring by the clock alone, drafts never showing, tracked links, and cursor errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncResponseSchema, type AdvocateItem, type ContentItem, type SyncResponse } from '../../lib/schemas';
import { createContent, expectProblem, HOUR, iso, MINUTE, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const find = (body: SyncResponse, id: string): AdvocateItem | undefined => body.content.find((item) => item.id === id);

describe('sync', () => {
  let server: TestServer;
  let admin: string;

  const archive = async (id: string) => {
    expect((await server.call(`/v1/admin/content/${id}`, { method: 'DELETE', token: admin })).status).toBe(200);
  };
  const patch = async (id: string, json: unknown) => {
    const response = await server.call(`/v1/admin/content/${id}`, { method: 'PATCH', json, token: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as ContentItem;
  };

  beforeAll(async () => {
    // Long admin sessions: these tests move the clock by hours.
    server = await startTestServer({ sessionTtlMs: 365 * 24 * HOUR });
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers a full snapshot of live content only, valid against the shared schema', async () => {
    const { token } = await server.enroll('Snapshot Sam');
    const live = await createContent(server, {
      title: 'Live one',
      publish: true,
      note: 'Share me',
      campaign: 'Q4',
      tags: ['a'],
    });
    const linkedinOnly = await createContent(server, {
      title: 'LinkedIn only',
      publish: true,
      variants: { linkedin: ['In'] },
      networks: ['linkedin'],
    });
    const draft = await createContent(server, { title: 'A draft' });
    const scheduled = await createContent(server, {
      title: 'Later',
      publish: true,
      publishAt: iso(server.clock.now + HOUR),
    });
    const archived = await createContent(server, { title: 'Archived', publish: true });
    await archive(archived.id);
    const expiring = await createContent(server, {
      title: 'Short lived',
      publish: true,
      expiresAt: iso(server.clock.now + MINUTE),
    });
    server.clock.advance(MINUTE);

    const { body } = await sync(server, token);
    expect(syncResponseSchema.safeParse(body).success).toBe(true);
    expect(ids(body.content)).toEqual(expect.arrayContaining([live.id, linkedinOnly.id]));
    for (const absent of [draft, scheduled, archived, expiring]) expect(ids(body.content)).not.toContain(absent.id);
    expect(body.removed).toEqual([]);
    expect(body.cursor).toEqual(expect.any(String));
    expect(body.guidelines).toEqual({ bannedTerms: [] });
    expect(body.scoring).toMatchObject({ enabled: true });

    const item = find(body, live.id)!;
    const {
      status: _status,
      override: _override,
      review: _review,
      translations: _translations,
      audiences: _audiences,
      ...publicFields
    } = live;
    // In the advocate's language (here the post's own): translations stay admin-only.
    expect(item).toEqual({ ...publicFields, languages: [], links: expect.any(Object) });
    expect(item).not.toHaveProperty('status');
    expect(item).not.toHaveProperty('override'); // admin-only
    expect(item).not.toHaveProperty('review'); // admin-only
    // Newest first.
    expect(ids(body.content).indexOf(linkedinOnly.id)).toBeLessThanOrEqual(ids(body.content).indexOf(live.id));
  });

  it('gives each network a tracked link http://relay.test/r/<code>, stable across syncs and personal to the advocate', async () => {
    const ada = await server.enroll('Ada');
    const bob = await server.enroll('Bob');
    const all = await createContent(server, { title: 'Links everywhere', publish: true });
    const linkedinOnly = await createContent(server, {
      title: 'Links on LinkedIn',
      publish: true,
      variants: { linkedin: ['In'] },
      networks: ['linkedin'],
    });

    const first = find((await sync(server, ada.token)).body, all.id)!;
    expect(Object.keys(first.links).sort()).toEqual(['facebook', 'linkedin', 'x']);
    for (const link of Object.values(first.links)) expect(link).toMatch(/^http:\/\/relay\.test\/r\/[0-9A-Za-z]+$/);
    expect(new Set(Object.values(first.links)).size).toBe(3);
    expect(find((await sync(server, ada.token)).body, linkedinOnly.id)!.links).toEqual({
      linkedin: expect.stringMatching(/^http:\/\/relay\.test\/r\//),
    });

    server.clock.advance(HOUR);
    const again = await sync(server, ada.token);
    expect(find(again.body, all.id)!.links).toEqual(first.links);
    // A delta that carries the item again (it was edited) keeps the same links too.
    await patch(all.id, { note: 'edited' });
    expect(find((await sync(server, ada.token, again.body.cursor)).body, all.id)!.links).toEqual(first.links);

    const bobs = find((await sync(server, bob.token)).body, all.id)!.links;
    for (const network of ['linkedin', 'x', 'facebook'] as const) expect(bobs[network]).not.toBe(first.links[network]);
  });

  it('answers a delta since a cursor with only what changed, and removed for archived items', async () => {
    const { token } = await server.enroll('Delta Dora');
    const unchanged = await createContent(server, { title: 'Stays the same', publish: true });
    const edited = await createContent(server, { title: 'Will be edited', publish: true });
    const archived = await createContent(server, { title: 'Will be archived', publish: true });
    const start = await sync(server, token);
    expect(ids(start.body.content)).toEqual(expect.arrayContaining([unchanged.id, edited.id, archived.id]));

    const nothing = await sync(server, token, start.body.cursor);
    expect(nothing.body.content).toEqual([]);
    expect(nothing.body.removed).toEqual([]);

    await patch(edited.id, { title: 'Edited title' });
    await archive(archived.id);
    const added = await createContent(server, { title: 'Brand new', publish: true });

    const delta = await sync(server, token, start.body.cursor);
    expect(ids(delta.body.content).sort()).toEqual([edited.id, added.id].sort());
    expect(find(delta.body, edited.id)!.title).toBe('Edited title');
    expect(delta.body.removed).toEqual([archived.id]);
    expect(delta.body.cursor).not.toBe(start.body.cursor);
    expect(syncResponseSchema.safeParse(delta.body).success).toBe(true);

    // The snapshot agrees with the delta applied to the first snapshot.
    const snapshot = await sync(server, token);
    expect(ids(snapshot.body.content)).toEqual(expect.arrayContaining([unchanged.id, edited.id, added.id]));
    expect(ids(snapshot.body.content)).not.toContain(archived.id);

    // Right after a delta, the next one is empty: recently published items are not sent again.
    const next = await sync(server, token, delta.body.cursor);
    expect(next.body.content).toEqual([]);
    expect(next.body.removed).toEqual([]);
  });

  it('lists an item taken back to the future (publishAt moved ahead) in removed', async () => {
    const { token } = await server.enroll('Unpublish Una');
    const live = await createContent(server, { title: 'Pulled back', publish: true });
    const start = await sync(server, token);
    expect(ids(start.body.content)).toContain(live.id);
    await patch(live.id, { publishAt: iso(server.clock.now + HOUR) });
    const delta = await sync(server, token, start.body.cursor);
    expect(delta.body.removed).toContain(live.id);
    expect(ids(delta.body.content)).not.toContain(live.id);
  });

  it('sends an ETag; If-None-Match answers 304 with no body until something changes', async () => {
    const { token } = await server.enroll('Etag Eve');
    const first = await sync(server, token);
    const second = await sync(server, token);
    expect(second.etag).toBe(first.etag);

    const notModified = await server.call('/v1/sync', { token, headers: { 'if-none-match': first.etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(first.etag);
    const withCursor = await server.call(`/v1/sync?cursor=${first.body.cursor}`, {
      token,
      headers: { 'if-none-match': first.etag },
    });
    expect(withCursor.status).toBe(304);
    expect(await withCursor.text()).toBe('');
    const among = await server.call('/v1/sync', { token, headers: { 'if-none-match': `"nope", ${first.etag}` } });
    expect(among.status).toBe(304);
    const other = await server.call('/v1/sync', { token, headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);

    const published = await createContent(server, { title: 'Changes the ETag', publish: true });
    const after = await server.call('/v1/sync', { token, headers: { 'if-none-match': first.etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBeTruthy();
    expect(after.headers.get('etag')).not.toBe(first.etag);
    expect(ids(((await after.json()) as SyncResponse).content)).toContain(published.id);
  });

  it('shows a scheduled item once publishAt passes, with no other write', async () => {
    const { token } = await server.enroll('Scheduled Stan');
    const publishAt = server.clock.now + 30 * MINUTE;
    const scheduled = await createContent(server, { title: 'Comes due', publish: true, publishAt: iso(publishAt) });
    expect(scheduled.status).toBe('scheduled');

    const before = await sync(server, token);
    expect(ids(before.body.content)).not.toContain(scheduled.id);
    server.clock.advance(29 * MINUTE);
    const stillBefore = await sync(server, token, before.body.cursor);
    expect(ids(stillBefore.body.content)).not.toContain(scheduled.id);
    expect(stillBefore.etag).toBe(before.etag);

    server.clock.advance(MINUTE + 1_000);
    // Nothing was written, yet the ETag moved and a delta carries the item.
    const cached = await server.call('/v1/sync', { token, headers: { 'if-none-match': before.etag } });
    expect(cached.status).toBe(200);
    const delta = await sync(server, token, before.body.cursor);
    expect(delta.etag).not.toBe(before.etag);
    const item = find(delta.body, scheduled.id);
    expect(item).toBeDefined();
    expect(item!.publishAt).toBe(iso(publishAt));
    expect(Object.keys(item!.links).sort()).toEqual(['facebook', 'linkedin', 'x']);
    expect(ids((await sync(server, token)).body.content)).toContain(scheduled.id);
  });

  it('drops an item once expiresAt passes: absent from snapshots, listed in removed of a delta', async () => {
    const { token } = await server.enroll('Expiry Ed');
    const expiring = await createContent(server, {
      title: 'Expires soon',
      publish: true,
      expiresAt: iso(server.clock.now + 20 * MINUTE),
    });
    const start = await sync(server, token);
    expect(ids(start.body.content)).toContain(expiring.id);

    server.clock.advance(20 * MINUTE);
    const cached = await server.call('/v1/sync', { token, headers: { 'if-none-match': start.etag } });
    expect(cached.status).toBe(200);
    const delta = await sync(server, token, start.body.cursor);
    expect(delta.body.removed).toContain(expiring.id);
    expect(ids(delta.body.content)).not.toContain(expiring.id);
    expect(ids((await sync(server, token)).body.content)).not.toContain(expiring.id);
  });

  it('shows a scheduled item with an expiry only inside its window', async () => {
    const { token } = await server.enroll('Window Wendy');
    const from = server.clock.now + 10 * MINUTE;
    const windowed = await createContent(server, {
      title: 'Windowed',
      publish: true,
      publishAt: iso(from),
      expiresAt: iso(from + 10 * MINUTE),
    });
    const start = await sync(server, token);
    expect(ids(start.body.content)).not.toContain(windowed.id);
    server.clock.advance(15 * MINUTE);
    const during = await sync(server, token, start.body.cursor);
    expect(ids(during.body.content)).toContain(windowed.id);
    server.clock.advance(10 * MINUTE);
    const after = await sync(server, token, during.body.cursor);
    expect(after.body.removed).toContain(windowed.id);
    expect(ids((await sync(server, token)).body.content)).not.toContain(windowed.id);
  });

  it('never shows drafts, even edited or with a past publishAt', async () => {
    const { token } = await server.enroll('Draft Dan');
    const start = await sync(server, token);
    const draft = await createContent(server, { title: 'Secret draft', publishAt: iso(server.clock.now - HOUR) });
    expect(ids((await sync(server, token)).body.content)).not.toContain(draft.id);
    await patch(draft.id, { title: 'Still a draft' });
    expect(ids((await sync(server, token, start.body.cursor)).body.content)).not.toContain(draft.id);
    expect(ids((await sync(server, token)).body.content)).not.toContain(draft.id);
    server.clock.advance(HOUR);
    expect(ids((await sync(server, token)).body.content)).not.toContain(draft.id);
  });

  describe('cursor errors', () => {
    let token: string;
    beforeAll(async () => {
      token = (await server.enroll('Cursor Carl')).token;
    });

    it('answers 400 bad-cursor for garbage', async () => {
      for (const cursor of ['garbage', 'c1.', 'c1.zz', 'c2.1.1', 'c1.-1.5', 'c1.1.1.1']) {
        const problem = await expectProblem(
          await server.call(`/v1/sync?cursor=${encodeURIComponent(cursor)}`, { token }),
          400,
          'bad-cursor',
        );
        expect(problem.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
      }
    });

    it('answers 400 bad-cursor for a cursor from the future (ahead in changes or in time)', async () => {
      const { body } = await sync(server, token);
      const [, seq, time] = /^c1\.([0-9a-z]+)\.([0-9a-z]+)(?:\.a[0-9a-z]+)?$/.exec(body.cursor)!;
      const aheadInChanges = `c1.${(parseInt(seq!, 36) + 1000).toString(36)}.${time}`;
      const aheadInTime = `c1.${seq}.${(server.clock.now + 24 * HOUR).toString(36)}`;
      await expectProblem(await server.call(`/v1/sync?cursor=${aheadInChanges}`, { token }), 400, 'bad-cursor');
      await expectProblem(await server.call(`/v1/sync?cursor=${aheadInTime}`, { token }), 400, 'bad-cursor');
      // The cursor the server issued is fine.
      expect((await server.call(`/v1/sync?cursor=${body.cursor}`, { token })).status).toBe(200);
    });

    it('answers 400 for an empty or overlong cursor parameter', async () => {
      await expectProblem(await server.call('/v1/sync?cursor=', { token }), 400, 'malformed-query');
      await expectProblem(await server.call(`/v1/sync?cursor=${'c'.repeat(65)}`, { token }), 400, 'malformed-query');
    });
  });
});
