/** Content management: PATCH changes only the given fields, clears with null, keeps the status, validates the result. */
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { clockWindow, createContent, expectProblem, expectTimeIn, expectValidation, iso, MINUTE } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;
  let admin: string;

  const { patch, get } = contentTestServer((ready) => ({ server, admin } = ready));

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
});
