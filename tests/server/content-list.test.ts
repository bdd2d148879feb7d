/** Content management: listing content of every status and getting one item. */
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { createContent, expectProblem, iso, MINUTE } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;
  let admin: string;

  const { get } = contentTestServer((ready) => ({ server, admin } = ready));

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
      // Each listed item is the item plus its shares and clicks (none yet).
      const none = { shares: 0, clicks: 0 };
      expect(mine.find((item) => item.id === draft.id)).toEqual({ ...draft, ...none });
      expect(mine.find((item) => item.id === live.id)).toEqual({ ...live, ...none });
      expect(mine.find((item) => item.id === scheduled.id)).toEqual({ ...scheduled, ...none });
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
});
