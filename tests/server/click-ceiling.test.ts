/**
 * The per-address click ceiling on GET /r/:code (RELAY_CLICKS_PER_ADDRESS): one address cycling
 * through user agents counts at most the ceiling per link per hour, every visit is still redirected,
 * another address still counts, and the next hour counts again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { HOUR, createContent, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const agent = (i: number) =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.${i}.0 Safari/537.36`;

describe('click ceiling per address, link and hour', () => {
  let server: TestServer;
  let path: string;
  const ceiling = loadConfig({}).clicksPerAddressHour;

  async function visit(address: string, userAgent: string): Promise<void> {
    const response = await server.call(path, { headers: { 'x-forwarded-for': address, 'user-agent': userAgent } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^https:\/\/example\.com\/ceiling\?/);
    await response.arrayBuffer();
  }

  async function clicks(): Promise<number> {
    await server.deps.clicks.flush();
    const rows = await server.deps.db
      .selectFrom('clicks')
      .select('visitor')
      .where('code', '=', path.split('/').pop()!)
      .execute();
    return rows.length;
  }

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: 1 });
    const advocate = await server.enroll('Ceiling');
    const item = await createContent(server, { url: 'https://example.com/ceiling', publish: true });
    path = new URL((await sync(server, advocate.token)).body.content.find((e) => e.id === item.id)!.links.linkedin!)
      .pathname;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has a documented default that an office behind NAT does not reach lightly', () => {
    expect(ceiling).toBe(20);
  });

  it('counts at most the ceiling of 300 visitors from one address, and redirects them all', async () => {
    for (let batch = 0; batch < 15; batch++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => visit('192.0.2.50', agent(batch * 20 + i))));
    }
    expect(await clicks()).toBe(ceiling);
  });

  it('still counts a visitor from a second address', async () => {
    await visit('198.51.100.50', agent(0));
    expect(await clicks()).toBe(ceiling + 1);
  });

  it('counts the first address again in the next hour', async () => {
    server.clock.advance(HOUR);
    for (let i = 0; i < 5; i++) await visit('192.0.2.50', agent(1_000 + i));
    expect(await clicks()).toBe(ceiling + 1 + 5);
  });
});
