/** GET /v1/admin/content?status=…&q=…: the console's content list filters (the unfiltered shape is unchanged). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { createContent, expectProblem, HOUR } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

describe('content list filters', () => {
  let server: TestServer;
  let token: string;
  const ids: Record<string, string> = {};

  const list = async (query: string): Promise<string[]> => {
    const response = await server.call(`/v1/admin/content${query}`, { token });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as { items: ContentItem[] };
    expect(Object.keys(body)).toEqual(['items']);
    return body.items.map((item) => item.id);
  };

  beforeAll(async () => {
    // A session that outlives the clock moving two days ahead.
    server = await startTestServer({ sessionTtlMs: 7 * 24 * HOUR });
    token = await server.adminToken();
    ids.draft = (
      await createContent(server, {
        title: 'Quarterly numbers (draft)',
        url: 'https://example.com/q3',
        tags: ['finance'],
      })
    ).id;
    ids.published = (
      await createContent(server, {
        title: 'Relay LAUNCH day',
        url: 'https://example.com/news',
        publish: true,
        campaign: 'spring-26',
      })
    ).id;
    ids.scheduled = (
      await createContent(server, {
        title: 'Café opening',
        url: 'https://cafe.example.org/opening',
        publish: true,
        publishAt: new Date(server.clock.now + 48 * HOUR).toISOString(),
        note: 'Mention the new espresso machine',
      })
    ).id;
    ids.archived = (
      await createContent(server, { title: 'Old launch recap', url: 'https://example.com/old', publish: true })
    ).id;
    const archived = await server.call(`/v1/admin/content/${ids.archived}`, { method: 'DELETE', token });
    expect(archived.status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists every status without filters', async () => {
    expect((await list('')).sort()).toEqual(Object.values(ids).sort());
  });

  it.each(['draft', 'published', 'scheduled', 'archived'])('status=%s lists only that status', async (status) => {
    expect(await list(`?status=${status}`)).toEqual([ids[status]]);
  });

  it('q searches title, URL, note, campaign and tags, ignoring case (beyond ASCII too)', async () => {
    expect((await list('?q=launch')).sort()).toEqual([ids.published, ids.archived].sort());
    expect(await list('?q=LAUNCH&status=published')).toEqual([ids.published]);
    expect(await list('?q=CAFÉ')).toEqual([ids.scheduled]);
    expect(await list('?q=espresso')).toEqual([ids.scheduled]);
    expect(await list('?q=spring-26')).toEqual([ids.published]);
    expect(await list('?q=finance')).toEqual([ids.draft]);
    expect((await list('?q=EXAMPLE.COM/')).sort()).toEqual([ids.draft, ids.published, ids.archived].sort());
    expect(await list('?q=nothing-like-this')).toEqual([]);
    expect((await list('?q=')).length).toBe(4);
    expect(await list('?q=%25')).toEqual([]);
  });

  it('scheduled content becomes published once due', async () => {
    server.clock.advance(49 * HOUR);
    expect((await list('?status=published')).sort()).toEqual([ids.published, ids.scheduled].sort());
    expect(await list('?status=scheduled')).toEqual([]);
  });

  it('answers 400 for an unknown status or an overlong q', async () => {
    await expectProblem(await server.call('/v1/admin/content?status=live', { token }), 400, 'malformed-query');
    await expectProblem(await server.call(`/v1/admin/content?q=${'x'.repeat(201)}`, { token }), 400, 'malformed-query');
  });
});
