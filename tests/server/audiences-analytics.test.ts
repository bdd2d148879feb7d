import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

interface Analytics {
  audience?: string[];
  totals: { shares: number; advocates: number };
  perAdvocate: { advocateId: string }[];
  compare?: { audience: string; advocates: number; totals: { shares: number; clicks: number }; perDay: unknown[] }[];
}

describe('audiences: analytics filter and compare', () => {
  let server: TestServer;
  let admin: string;
  let sales = '';
  let engineering = '';
  const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server.call(path, { ...init, token: admin });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    const seller = await server.enroll('Seller');
    const builder = await server.enroll('Builder');
    const other = await server.enroll('Other');
    sales = (
      (await (await call('/v1/admin/groups', { method: 'POST', json: { name: 'Sales' } })).json()) as { id: string }
    ).id;
    engineering = (
      (await (await call('/v1/admin/groups', { method: 'POST', json: { name: 'Engineering' } })).json()) as {
        id: string;
      }
    ).id;
    await call(`/v1/admin/groups/${sales}/members`, { method: 'PUT', json: { advocateIds: [seller.id] } });
    await call(`/v1/admin/groups/${engineering}/members`, { method: 'PUT', json: { advocateIds: [builder.id] } });
    await call(`/v1/admin/advocates/${builder.id}`, { method: 'PATCH', json: { region: 'DE' } });
    const made = await call('/v1/admin/content', {
      method: 'POST',
      json: {
        title: 'Everyone',
        url: 'https://example.com/a',
        variants: { linkedin: ['Hi {link}'], x: ['Hi'] },
        publish: true,
      },
    });
    const { id } = (await made.json()) as { id: string };
    const share = (token: string, network: string) =>
      server.call('/v1/shares', {
        method: 'POST',
        token,
        json: {
          events: [{ id: randomUUID(), contentId: id, network, sharedAt: new Date(server.clock.now).toISOString() }],
        },
      });
    for (const [who, networks] of [
      [seller, ['linkedin', 'x']],
      [builder, ['linkedin']],
      [other, ['linkedin']],
    ] as const) {
      for (const network of networks) expect((await share(who.token, network)).status).toBe(200);
    }
  });
  afterAll(() => server.stop());

  it('?audience= counts only the shares of advocates in it', async () => {
    const all = (await (await call('/v1/admin/analytics')).json()) as Analytics;
    expect(all.totals.shares).toBe(4);
    const onlySales = (await (await call(`/v1/admin/analytics?audience=${sales}`)).json()) as Analytics;
    expect(onlySales.audience).toEqual([sales]);
    expect(onlySales.totals).toMatchObject({ shares: 2, advocates: 1 });
    expect(onlySales.perAdvocate).toHaveLength(1);
    const engInDe = (await (await call(`/v1/admin/analytics?audience=${engineering},region:de`)).json()) as Analytics;
    expect(engInDe.totals.shares).toBe(1);
    const nobody = (await (await call(`/v1/admin/analytics?audience=${sales},region:DE`)).json()) as Analytics;
    expect(nobody.totals.shares).toBe(0);
    const csv = await (await call(`/v1/admin/analytics.csv?table=perAdvocate&audience=${sales}`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('Seller');
    expect((await call('/v1/admin/analytics?audience=region:a%20b')).status).toBe(400);
  });

  it('?compare= gives one series per audience', async () => {
    const data = (await (
      await call(`/v1/admin/analytics?compare=${sales},${engineering},region:DE`)
    ).json()) as Analytics;
    expect(data.compare?.map((series) => [series.audience, series.advocates, series.totals.shares])).toEqual([
      [sales, 1, 2],
      [engineering, 1, 1],
      ['region:DE', 1, 1],
    ]);
    expect(data.compare![0]!.perDay.length).toBe(30);
    expect(data.totals.shares).toBe(4);
    expect((await call('/v1/admin/analytics?compare=a,b,c,d,e,f')).status).toBe(400);
  });
});
