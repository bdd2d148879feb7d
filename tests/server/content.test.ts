/** Content management: create (draft, published, scheduled), list, get, patch, archive, publish. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import {
  clockWindow,
  contentInput,
  createContent,
  expectProblem,
  expectTimeIn,
  expectValidation,
  iso,
  MINUTE,
} from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;
  let admin: string;

  const post = (json: unknown) => server.call('/v1/admin/content', { method: 'POST', json, token: admin });
  const patch = (id: string, json: unknown) =>
    server.call(`/v1/admin/content/${id}`, { method: 'PATCH', json, token: admin });
  const publish = (id: string) => server.call(`/v1/admin/content/${id}/publish`, { method: 'POST', token: admin });
  const get = (id: string) => server.call(`/v1/admin/content/${id}`, { token: admin });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('create', () => {
    it('creates a draft by default, echoing the input with defaults filled in', async () => {
      const window = clockWindow(server);
      const item = await createContent(server, {
        note: 'Please share by Friday',
        imageUrl: 'https://example.com/cover.png',
        campaign: 'Launch 2026',
        language: 'en-GB',
        tags: ['launch', 'product', 'launch'],
      });
      expect(item).toEqual({
        id: expect.any(String),
        title: 'Relay launches today',
        url: 'https://example.com/launch?ref=blog#top',
        note: 'Please share by Friday',
        imageUrl: 'https://example.com/cover.png',
        campaign: 'Launch 2026',
        language: 'en-GB',
        tags: ['launch', 'product'],
        variants: { linkedin: ['We launched Relay today.'], x: ['Relay is live!'] },
        networks: ['linkedin', 'x', 'facebook'],
        publishAt: null,
        expiresAt: null,
        status: 'draft',
        createdAt: expect.any(String),
        updatedAt: item.createdAt,
      });
      expectTimeIn(item.createdAt, window.end());
    });

    it('fills optional fields with null and [] when left out', async () => {
      const item = await createContent(server);
      expect(item).toMatchObject({
        note: null,
        imageUrl: null,
        campaign: null,
        language: null,
        tags: [],
        status: 'draft',
      });
    });

    it('defaults networks to those with variants plus facebook', async () => {
      expect((await createContent(server, { variants: { linkedin: ['Only LinkedIn'] } })).networks).toEqual([
        'linkedin',
        'facebook',
      ]);
      expect((await createContent(server, { variants: { x: ['Only X'] } })).networks).toEqual(['x', 'facebook']);
      // Facebook alone takes the URL only, so it needs no variants.
      expect((await createContent(server, { variants: {}, networks: ['facebook'] })).networks).toEqual(['facebook']);
      expect((await createContent(server, { networks: ['x', 'linkedin'] })).networks).toEqual(['linkedin', 'x']);
    });

    it('publishes at once with publish: true', async () => {
      const window = clockWindow(server);
      const item = await createContent(server, { publish: true });
      expect(item.status).toBe('published');
      expectTimeIn(item.publishAt, window.end());
    });

    it('schedules with publish: true and a future publishAt', async () => {
      const publishAt = iso(server.clock.now + 30 * MINUTE);
      const expiresAt = iso(server.clock.now + 90 * MINUTE);
      const item = await createContent(server, { publish: true, publishAt, expiresAt });
      expect(item).toMatchObject({ status: 'scheduled', publishAt, expiresAt });
    });

    it('publishes now when publish: true comes with a past publishAt', async () => {
      const window = clockWindow(server);
      const item = await createContent(server, { publish: true, publishAt: iso(server.clock.now - 60 * MINUTE) });
      expect(item.status).toBe('published');
      expectTimeIn(item.publishAt, window.end());
    });

    it('keeps a draft a draft when publishAt is set without publish', async () => {
      const publishAt = iso(server.clock.now + 30 * MINUTE);
      expect(await createContent(server, { publishAt })).toMatchObject({ status: 'draft', publishAt });
    });

    it('accepts times with any zone offset and answers them in UTC', async () => {
      const item = await createContent(server, { publishAt: '2030-01-01T10:00:00+02:00' });
      expect(item.publishAt).toBe('2030-01-01T08:00:00.000Z');
    });

    it('refuses networks without matching variants (422 at variants.<network>)', async () => {
      await expectValidation(
        await post(contentInput({ variants: { linkedin: ['Hi'] }, networks: ['linkedin', 'x'] })),
        'variants.x',
      );
      await expectValidation(
        await post(contentInput({ variants: { x: ['Hi'] }, networks: ['linkedin'] })),
        'variants.linkedin',
      );
      await expectValidation(await post(contentInput({ networks: ['x', 'x'] })), 'networks');
      await expectValidation(await post(contentInput({ networks: [] })), 'networks');
      await expectValidation(await post(contentInput({ networks: ['myspace'] })), 'networks.0');
      await expectValidation(await post(contentInput({ variants: {} })), 'variants');
      await expectValidation(await post(contentInput({ variants: { linkedin: [] } })), 'variants');
    });

    it('refuses bad variants', async () => {
      await expectValidation(await post(contentInput({ variants: { linkedin: ['   '] } })), 'variants.linkedin.0');
      await expectValidation(await post(contentInput({ variants: { linkedin: 'not a list' } })), 'variants.linkedin');
      await expectValidation(await post(contentInput({ variants: { linkedin: [42] } })), 'variants.linkedin.0');
      await expectValidation(
        await post(contentInput({ variants: { linkedin: ['x'.repeat(3001)] } })),
        'variants.linkedin.0',
      );
      await expectValidation(
        await post(contentInput({ variants: { facebook: ['No text on Facebook'] } })),
        'variants.facebook',
      );
    });

    it('refuses expiresAt at or before publishAt', async () => {
      const at = server.clock.now + 60 * MINUTE;
      await expectValidation(
        await post(contentInput({ publishAt: iso(at), expiresAt: iso(at - MINUTE) })),
        'expiresAt',
      );
      await expectValidation(await post(contentInput({ publishAt: iso(at), expiresAt: iso(at) })), 'expiresAt');
    });

    it('refuses wrong types, bad URLs, bad times and unknown fields with a path per field', async () => {
      await expectValidation(await post(contentInput({ title: 123 })), 'title');
      await expectValidation(await post(contentInput({ title: '   ' })), 'title');
      await expectValidation(await post(contentInput({ url: 'ftp://example.com/file' })), 'url');
      await expectValidation(await post(contentInput({ url: 'javascript:alert(1)' })), 'url');
      await expectValidation(await post(contentInput({ url: '/relative/path' })), 'url');
      await expectValidation(await post(contentInput({ imageUrl: 'data:image/png;base64,AAAA' })), 'imageUrl');
      await expectValidation(await post(contentInput({ tags: 'launch' })), 'tags');
      await expectValidation(await post(contentInput({ language: 'English' })), 'language');
      await expectValidation(await post(contentInput({ publishAt: 'next tuesday' })), 'publishAt');
      await expectValidation(await post(contentInput({ publishAt: '2030-01-01T10:00:00' })), 'publishAt');
      await expectValidation(await post(contentInput({ publish: 'yes' })), 'publish');
      await expectValidation(await post(contentInput({ status: 'published' })), 'status');
      await expectValidation(await post(contentInput({ id: 'chosen-by-client', extra: 1 })), 'id', 'extra');
      const missing = await expectValidation(await post({}), 'title', 'url', 'variants');
      expect(missing.detail).toMatch(/title|url|variants/);
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await server.call('/v1/admin/content', {
        method: 'POST',
        body: '{"title": "Unclosed',
        headers: { 'content-type': 'application/json' },
        token: admin,
      });
      await expectProblem(response, 400, 'malformed-json');
    });
  });

  describe('list and get', () => {
    it('lists content of every status, most recently changed first', async () => {
      const draft = await createContent(server, { title: 'Listed draft' });
      server.clock.advance(1_000);
      const live = await createContent(server, { title: 'Listed live', publish: true });
      server.clock.advance(1_000);
      const scheduled = await createContent(server, {
        title: 'Listed scheduled',
        publish: true,
        publishAt: iso(server.clock.now + 60 * MINUTE),
      });
      server.clock.advance(1_000);
      const archived = await createContent(server, { title: 'Listed archived' });
      server.clock.advance(1_000);
      expect((await server.call(`/v1/admin/content/${archived.id}`, { method: 'DELETE', token: admin })).status).toBe(
        200,
      );

      const response = await server.call('/v1/admin/content', { token: admin });
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: ContentItem[] };
      const mine = items.filter((item) => item.title.startsWith('Listed '));
      expect(mine.map((item) => [item.title, item.status])).toEqual([
        ['Listed archived', 'archived'],
        ['Listed scheduled', 'scheduled'],
        ['Listed live', 'published'],
        ['Listed draft', 'draft'],
      ]);
      expect(mine.find((item) => item.id === draft.id)).toEqual(draft);
      expect(mine.find((item) => item.id === live.id)).toEqual(live);
      expect(mine.find((item) => item.id === scheduled.id)).toEqual(scheduled);
    });

    it('gets one item by id', async () => {
      const created = await createContent(server, { note: 'hello' });
      const response = await get(created.id);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(created);
    });

    it('answers 404 for an unknown id', async () => {
      const problem = await expectProblem(await get('no-such-id'), 404, 'not-found');
      expect(problem.detail).toContain('no-such-id');
    });
  });

  describe('patch', () => {
    it('changes the given fields only and moves updatedAt', async () => {
      const created = await createContent(server, { note: 'Keep me', campaign: 'Spring' });
      server.clock.advance(5_000);
      const window = clockWindow(server);
      const response = await patch(created.id, { title: 'Better title', tags: ['new'] });
      expect(response.status).toBe(200);
      const updated = (await response.json()) as ContentItem;
      expect(updated).toEqual({ ...created, title: 'Better title', tags: ['new'], updatedAt: expect.any(String) });
      expectTimeIn(updated.updatedAt, window.end());
      expect(await (await get(created.id)).json()).toEqual(updated);
    });

    it('clears optional fields with null', async () => {
      const created = await createContent(server, {
        note: 'Clear me',
        imageUrl: 'https://example.com/i.png',
        campaign: 'C',
        language: 'en',
        publishAt: iso(server.clock.now + 60 * MINUTE),
        expiresAt: iso(server.clock.now + 120 * MINUTE),
      });
      const response = await patch(created.id, {
        note: null,
        imageUrl: null,
        campaign: null,
        language: null,
        publishAt: null,
        expiresAt: null,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        note: null,
        imageUrl: null,
        campaign: null,
        language: null,
        publishAt: null,
        expiresAt: null,
      });
    });

    it('resets networks to the default with networks: null', async () => {
      const created = await createContent(server, { networks: ['linkedin'] });
      expect(created.networks).toEqual(['linkedin']);
      const response = await patch(created.id, { networks: null });
      expect(response.status).toBe(200);
      expect(((await response.json()) as ContentItem).networks).toEqual(['linkedin', 'x', 'facebook']);
    });

    it('keeps the status: patching live content leaves it published', async () => {
      const live = await createContent(server, { publish: true });
      const response = await patch(live.id, { note: 'Updated while live' });
      expect(await response.json()).toMatchObject({
        status: 'published',
        publishAt: live.publishAt,
        note: 'Updated while live',
      });
    });

    it('validates the change and the content after it', async () => {
      const at = server.clock.now + 60 * MINUTE;
      const created = await createContent(server, {
        variants: { linkedin: ['Only LinkedIn'] },
        networks: ['linkedin'],
        publishAt: iso(at),
      });
      await expectValidation(await patch(created.id, { title: 7 }), 'title');
      await expectValidation(await patch(created.id, { url: 'mailto:a@b.c' }), 'url');
      await expectValidation(await patch(created.id, { status: 'published' }), 'status');
      await expectValidation(await patch(created.id, { publish: true }), 'publish');
      await expectValidation(await patch(created.id, { title: null }), 'title');
      // networks lists x, but the stored item has no x variants.
      await expectValidation(await patch(created.id, { networks: ['linkedin', 'x'] }), 'variants.x');
      // expiresAt before the stored publishAt.
      await expectValidation(await patch(created.id, { expiresAt: iso(at - MINUTE) }), 'expiresAt');
      await expectValidation(await patch(created.id, { publishAt: iso(at), expiresAt: iso(at - MINUTE) }), 'expiresAt');
      await expectProblem(
        await server.call(`/v1/admin/content/${created.id}`, {
          method: 'PATCH',
          body: '{"title":}',
          headers: { 'content-type': 'application/json' },
          token: admin,
        }),
        400,
        'malformed-json',
      );
      // Nothing was changed by the refused patches.
      expect(await (await get(created.id)).json()).toEqual(created);
    });

    it('answers 404 for an unknown id', async () => {
      await expectProblem(await patch('no-such-id', { title: 'x' }), 404, 'not-found');
    });
  });

  describe('archive (DELETE)', () => {
    it('archives, and archiving again is harmless', async () => {
      const live = await createContent(server, { publish: true });
      server.clock.advance(1_000);
      const window = clockWindow(server);
      const response = await server.call(`/v1/admin/content/${live.id}`, { method: 'DELETE', token: admin });
      expect(response.status).toBe(200);
      const archived = (await response.json()) as ContentItem;
      expect(archived).toMatchObject({ id: live.id, status: 'archived', publishAt: live.publishAt });
      expectTimeIn(archived.updatedAt, window.end());
      expect(await (await get(live.id)).json()).toEqual(archived);

      server.clock.advance(1_000);
      const again = await server.call(`/v1/admin/content/${live.id}`, { method: 'DELETE', token: admin });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(archived);
    });

    it('answers 404 for an unknown id', async () => {
      await expectProblem(
        await server.call('/v1/admin/content/no-such-id', { method: 'DELETE', token: admin }),
        404,
        'not-found',
      );
    });
  });

  describe('publish', () => {
    it('publishes a draft now', async () => {
      const draft = await createContent(server);
      server.clock.advance(1_000);
      const window = clockWindow(server);
      const response = await publish(draft.id);
      expect(response.status).toBe(200);
      const published = (await response.json()) as ContentItem;
      expect(published).toMatchObject({ id: draft.id, status: 'published' });
      expectTimeIn(published.publishAt, window.end());
      expectTimeIn(published.updatedAt, window.end());
    });

    it('schedules a draft whose publishAt is in the future; it turns published when the time comes', async () => {
      const publishAt = iso(server.clock.now + 10 * MINUTE);
      const draft = await createContent(server, { publishAt });
      const response = await publish(draft.id);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'scheduled', publishAt });

      server.clock.advance(10 * MINUTE);
      expect(await (await get(draft.id)).json()).toMatchObject({ status: 'published', publishAt });
    });

    it('publishes now a draft whose publishAt has passed', async () => {
      const draft = await createContent(server, { publishAt: iso(server.clock.now + MINUTE) });
      server.clock.advance(2 * MINUTE);
      const window = clockWindow(server);
      const published = (await (await publish(draft.id)).json()) as ContentItem;
      expect(published.status).toBe('published');
      expectTimeIn(published.publishAt, window.end());
    });

    it('leaves already published content as it is', async () => {
      const live = await createContent(server, { publish: true });
      server.clock.advance(1_000);
      const response = await publish(live.id);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(live);
    });

    it('answers 409 when the content has already expired', async () => {
      const draft = await createContent(server, { expiresAt: iso(server.clock.now + MINUTE) });
      server.clock.advance(MINUTE);
      await expectProblem(await publish(draft.id), 409, 'expired');
      expect(await (await get(draft.id)).json()).toMatchObject({ status: 'draft' });
      // Moving expiresAt later makes it publishable.
      expect((await patch(draft.id, { expiresAt: iso(server.clock.now + 60 * MINUTE) })).status).toBe(200);
      expect(await (await publish(draft.id)).json()).toMatchObject({ status: 'published' });
    });

    it('answers 404 for an unknown id', async () => {
      await expectProblem(await publish('no-such-id'), 404, 'not-found');
    });
  });
});
