/** Content management: archiving with DELETE. */
import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { clockWindow, createContent, expectProblem, expectTimeIn } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

describe('content', () => {
  let server: TestServer;
  let admin: string;

  const { get } = contentTestServer((ready) => ({ server, admin } = ready));

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
});
