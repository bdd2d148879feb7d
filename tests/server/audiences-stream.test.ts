import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

describe('audiences: the stream nudges only the audience', () => {
  let server: TestServer;
  let admin: string;
  let insider: { token: string; id: string };
  let outsider: { token: string; id: string };
  let group = '';
  const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server.call(path, { ...init, token: admin });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    insider = await server.enroll('Inside');
    outsider = await server.enroll('Outside');
    group = (
      (await (await call('/v1/admin/groups', { method: 'POST', json: { name: 'Sales DE' } })).json()) as { id: string }
    ).id;
    await call(`/v1/admin/groups/${group}/members`, { method: 'PUT', json: { advocateIds: [insider.id] } });
  });
  afterAll(() => server.stop());

  it('a publish for a group nudges its members and not the others; taking it away nudges those who had it', async () => {
    const inside = await StreamClient.connect(server.url, insider.token);
    const outside = await StreamClient.connect(server.url, outsider.token);
    await inside.waitFor((messages) => messages.length >= 1);
    await outside.waitFor((messages) => messages.length >= 1);
    await settle();
    const [insideBefore, outsideBefore] = [inside.syncCount(), outside.syncCount()];

    const made = await call('/v1/admin/content', {
      method: 'POST',
      json: {
        title: 'For Sales DE',
        url: 'https://example.com/s',
        variants: { linkedin: ['Hi {link}'] },
        publish: true,
        audiences: [group],
      },
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    await inside.waitFor(() => inside.syncCount() > insideBefore);
    await settle();
    expect(outside.syncCount()).toBe(outsideBefore);

    // Moved to everyone: both are nudged. Then back to the group: the insider keeps it, the outsider
    // (who had it) is nudged to remove it.
    const wide = await call(`/v1/admin/content/${id}`, { method: 'PATCH', json: { audiences: [] } });
    expect(wide.status).toBe(200);
    await outside.waitFor(() => outside.syncCount() > outsideBefore);
    const outsideWide = outside.syncCount();
    await call(`/v1/admin/content/${id}`, { method: 'PATCH', json: { audiences: [group] } });
    await outside.waitFor(() => outside.syncCount() > outsideWide);

    // An edit while it is for the group only: the outsider hears nothing.
    await settle();
    const outsideNarrow = outside.syncCount();
    const insideNarrow = inside.syncCount();
    await call(`/v1/admin/content/${id}`, { method: 'PATCH', json: { title: 'For Sales DE, again' } });
    await inside.waitFor(() => inside.syncCount() > insideNarrow);
    await settle();
    expect(outside.syncCount()).toBe(outsideNarrow);
    inside.close();
    outside.close();
  });
});
