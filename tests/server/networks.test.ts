/**
 * Networks shared through their compose intent alone (lib/networks.ts), through the real API on
 * each database: content with their variants, switching them on and off per post and in scoring,
 * analytics by network, and their link-preview fetchers left out of the click counts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../lib/console-schemas';
import type { Network } from '../../lib/networks';
import { DEFAULT_SCORING, type ContentItem, type MeResponse, type ScoringRules } from '../../lib/schemas';
import { writeDocument } from '../../server/services/documents';
import { createContent, expectValidation, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const PERSON = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

const CASES: { network: Network; label: string; defaultPoints: number; previewBots: string[] }[] = [
  {
    network: 'bluesky',
    label: 'Bluesky',
    defaultPoints: 5,
    previewBots: [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app) Chrome/W.X.Y.Z Safari/537.36',
    ],
  },
  {
    network: 'threads',
    label: 'Threads',
    defaultPoints: 5,
    previewBots: [
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)',
    ],
  },
];

/** Points are easy to read: no bonuses, no cap. */
const FLAT: ScoringRules = {
  ...DEFAULT_SCORING,
  earlyShareBonus: { withinHours: 1, points: 0 },
  personalizedBonus: 0,
  pointsPerClick: 0,
};

describe.each(CASES)('$label', ({ network, label, defaultPoints, previewBots }) => {
  let server: TestServer;
  let admin: string;

  const call = (path: string, method: string, json?: unknown) =>
    server.call(path, { method, ...(json === undefined ? {} : { json }), token: admin });

  async function share(token: string, contentId: string) {
    return server.call('/v1/shares', {
      method: 'POST',
      token,
      json: { events: [{ id: randomUUID(), contentId, network, sharedAt: new Date(server.clock.now).toISOString() }] },
    });
  }

  async function me(token: string): Promise<MeResponse> {
    const response = await server.call('/v1/me', { token });
    expect(response.status).toBe(200);
    return (await response.json()) as MeResponse;
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`takes ${label} variants, offers the post there by default, and gives each advocate a ${label} link`, async () => {
    const item = await createContent(server, { variants: { [network]: [`On ${label}: {link}`] }, publish: true });
    expect(item.variants).toEqual({ [network]: [`On ${label}: {link}`] });
    expect(item.networks).toContain(network);
    expect(item.networks).not.toContain('linkedin');

    const ada = await server.enroll('Ada');
    const synced = (await sync(server, ada.token)).body.content.find((entry) => entry.id === item.id)!;
    const link = new URL(synced.links[network]!);
    expect(link.pathname).toMatch(/^\/r\/[\w-]+$/);
    expect(synced.links[network]).not.toBe(synced.links.facebook);
    const redirect = await server.call(link.pathname, { redirect: 'manual', headers: { 'user-agent': PERSON } });
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location')!).searchParams.get('utm_source')).toBe(network);
  });

  it(`refuses ${label} listed without ${label} variants, and unknown networks`, async () => {
    await expectValidation(
      await call('/v1/admin/content', 'POST', {
        title: 'No words',
        url: 'https://example.com/',
        variants: { linkedin: ['Hello'] },
        networks: [network],
      }),
      `variants.${network}`,
    );
    await expectValidation(
      await call('/v1/admin/content', 'POST', {
        title: 'Unknown',
        url: 'https://example.com/',
        variants: { [network]: ['Hello'], myspace: ['Hi'] },
      }),
      'variants.myspace',
    );
  });

  it(`switches ${label} off and on per post: a share there counts only while the post is offered there`, async () => {
    const item = await createContent(server, {
      variants: { linkedin: ['Hello'], [network]: ['Hello there'] },
      networks: ['linkedin'],
      publish: true,
    });
    expect(item.networks).toEqual(['linkedin']);
    const bob = await server.enroll('Bob');
    const refused = await share(bob.token, item.id);
    const body = await expectValidation(refused, 'events.0.network');
    expect(body.errors?.[0]?.message).toBe(`This post is not offered on ${label}, so the share cannot count.`);

    const patched = await call(`/v1/admin/content/${item.id}`, 'PATCH', { networks: ['linkedin', network] });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as ContentItem).networks).toEqual(['linkedin', network]);
    expect((await share(bob.token, item.id)).status).toBe(200);
  });

  it(`scores ${label} shares at its points, nothing once switched off; stored rules without it get its default`, async () => {
    const item = await createContent(server, { variants: { [network]: ['Points'] }, publish: true });
    const cy = await server.enroll('Cy');
    expect((await share(cy.token, item.id)).status).toBe(200);

    const put = (rules: ScoringRules) => call('/v1/admin/scoring', 'PUT', rules);
    expect((await put({ ...FLAT, pointsPerShare: { ...FLAT.pointsPerShare, [network]: 7 } })).status).toBe(200);
    expect(await me(cy.token)).toMatchObject({ points: 7, shares: 1 });
    expect((await put({ ...FLAT, pointsPerShare: { ...FLAT.pointsPerShare, [network]: 0 } })).status).toBe(200);
    expect(await me(cy.token)).toMatchObject({ points: 0, shares: 0 });

    // A document stored before the network existed: it gets its default points, the rest kept.
    const { [network]: _left, ...older } = { ...FLAT.pointsPerShare, linkedin: 13 };
    await writeDocument(
      server.deps.db,
      'scoring',
      { ...FLAT, pointsPerShare: older } as unknown as ScoringRules,
      server.clock.now,
    );
    const stored = (await (await call('/v1/admin/scoring', 'GET')).json()) as ScoringRules;
    expect(stored.pointsPerShare).toMatchObject({ linkedin: 13, [network]: defaultPoints });
    expect(await me(cy.token)).toMatchObject({ points: defaultPoints, shares: 1 });

    // Still strict about networks it does not know.
    await expectValidation(
      await put({ ...FLAT, pointsPerShare: { ...FLAT.pointsPerShare, myspace: 3 } as ScoringRules['pointsPerShare'] }),
      'pointsPerShare.myspace',
    );
  });

  it(`counts ${label} shares and people's clicks by network in analytics; its preview fetcher is not a click`, async () => {
    const item = await createContent(server, { variants: { [network]: ['Analytics'] }, publish: true });
    const dee = await server.enroll('Dee');
    expect((await share(dee.token, item.id)).status).toBe(200);
    const link = (await sync(server, dee.token)).body.content.find((entry) => entry.id === item.id)!.links[network]!;
    const path = new URL(link).pathname;
    const clicks = async () => {
      await server.deps.clicks.flush();
      const analytics = (await (await call('/v1/admin/analytics', 'GET')).json()) as Analytics;
      return analytics.perNetwork.find((entry) => entry.network === network);
    };
    const visit = async (userAgent: string) => {
      const response = await server.call(path, { redirect: 'manual', headers: { 'user-agent': userAgent } });
      expect(response.status).toBe(302);
    };
    const before = (await clicks())!;
    // Shares of this network from the tests above (Bob's, Cy's) and this one.
    expect(before.shares).toBe(3);
    for (const userAgent of previewBots) await visit(userAgent);
    expect(await clicks()).toEqual(before);
    await visit(PERSON);
    expect(await clicks()).toEqual({ network, shares: 3, clicks: before.clicks + 1 });
    const csv = await (await call('/v1/admin/analytics.csv?table=perNetwork', 'GET')).text();
    expect(csv.split('\r\n')).toContain(`${network},3,${before.clicks + 1}`);
  });
});
