/** Content management: publishing now or on schedule, and what cannot be published. */
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { clockWindow, createContent, expectProblem, expectTimeIn, iso, MINUTE } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;

  const { publish, get, patch } = contentTestServer((ready) => (server = ready.server));

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
