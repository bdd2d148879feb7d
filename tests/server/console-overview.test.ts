/** GET /v1/admin/overview (the console's home) and the content list's counts, on a server that starts empty. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContentListItem, Overview } from '../../lib/console-schemas';
import { createContent, HOUR, iso } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

const DAY = 24 * HOUR;

describe('the console overview', () => {
  let server: TestServer;
  let admin: string;
  contentTestServer((ready) => ({ server, admin } = ready));

  const overview = async () => {
    const response = await server.call('/v1/admin/overview', { token: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as Overview;
  };

  it('is all zeros and empty lists on a fresh server, with each of the last 30 days', async () => {
    const body = await overview();
    expect(body.perDay).toHaveLength(30);
    expect(body.perDay.at(-1)!.date).toBe(body.today);
    expect(body.today).toBe(iso(server.clock.now).slice(0, 10));
    expect(body.perDay.every((day) => day.shares === 0 && day.clicks === 0)).toBe(true);
    expect(body).toMatchObject({
      advocates: 0,
      thisWeek: { shares: 0, clicks: 0, advocates: 0 },
      lastWeek: { shares: 0, clicks: 0, advocates: 0 },
      topPosts: [],
      goingLive: [],
      expiring: [],
    });
  });

  it('lists posts going live and expiring soon, soonest first, and counts this week’s sharers', async () => {
    const now = server.clock.now;
    const later = await createContent(server, { title: 'Later', publish: true, publishAt: iso(now + 3 * DAY) });
    const sooner = await createContent(server, { title: 'Sooner', publish: true, publishAt: iso(now + 2 * HOUR) });
    const ending = await createContent(server, { title: 'Ending', publish: true, expiresAt: iso(now + 3 * DAY) });
    await createContent(server, { title: 'Far off', publish: true, expiresAt: iso(now + 30 * DAY) });
    await createContent(server, { title: 'A draft', publishAt: iso(now + 2 * DAY) });

    const ada = await server.enroll('Ada Advocate');
    const shared = await server.call('/v1/shares', {
      method: 'POST',
      token: ada.token,
      json: {
        events: [
          { id: randomUUID(), contentId: ending.id, network: 'linkedin', sharedAt: iso(now) },
          { id: randomUUID(), contentId: ending.id, network: 'x', sharedAt: iso(now) },
        ],
      },
    });
    expect(shared.status).toBe(200);

    const body = await overview();
    expect(body.goingLive.map((item) => item.title)).toEqual(['Sooner', 'Later']);
    expect(body.goingLive[0]).toEqual({ id: sooner.id, title: 'Sooner', publishAt: sooner.publishAt });
    expect(body.goingLive[1]!.id).toBe(later.id);
    expect(body.expiring).toEqual([{ id: ending.id, title: 'Ending', expiresAt: ending.expiresAt }]);
    expect(body.advocates).toBe(1);
    expect(body.thisWeek).toEqual({ shares: 2, clicks: 0, advocates: 1 });
    expect(body.lastWeek).toEqual({ shares: 0, clicks: 0, advocates: 0 });
    expect(body.topPosts).toEqual([{ contentId: ending.id, title: 'Ending', shares: 2, clicks: 0 }]);
    expect(body.perDay.at(-1)).toEqual({ date: body.today, shares: 2, clicks: 0 });

    // The content list carries each post's counts.
    const list = (await (await server.call('/v1/admin/content', { token: admin })).json()) as {
      items: ContentListItem[];
    };
    expect(list.items.find((item) => item.id === ending.id)).toMatchObject({ shares: 2, clicks: 0 });
    expect(list.items.find((item) => item.id === later.id)).toMatchObject({ shares: 0, clicks: 0 });
  });
});
