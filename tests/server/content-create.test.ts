/** Content management: creating a draft, published or scheduled item, and what creating refuses. */
import { describe, expect, it } from 'vitest';
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
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;
  let admin: string;

  const { post } = contentTestServer((ready) => ({ server, admin } = ready));

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
        translations: {},
        networks: ['linkedin', 'x', 'facebook'],
        publishAt: null,
        expiresAt: null,
        audiences: [],
        status: 'draft',
        override: null,
        review: null,
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
});
