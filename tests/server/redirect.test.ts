/** GET /r/:code: a tracked link redirects 302 to the content URL with the advocate's UTM tags. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Links } from '../../lib/schemas';
import { createContent, expectProblem, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

/** The path of a tracked link (`http://relay.test/r/<code>` → `/r/<code>`), asserting its shape. */
function pathOf(link: string | undefined): string {
  expect(link).toMatch(/^http:\/\/relay\.test\/r\/[0-9A-Za-z]+$/);
  return new URL(link!).pathname;
}

async function follow(server: TestServer, link: string | undefined): Promise<URL> {
  const response = await server.call(pathOf(link));
  expect(response.status).toBe(302);
  expect(response.headers.get('cache-control')).toMatch(/no-store/);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  return new URL(response.headers.get('location')!);
}

describe('tracked link redirect', () => {
  let server: TestServer;
  let ada: { token: string; id: string };
  let bob: { token: string; id: string };
  let adaLinks: Links;
  let bobLinks: Links;
  let untitledLinks: Links;

  beforeAll(async () => {
    server = await startTestServer();
    ada = await server.enroll('Ada Lovelace');
    bob = await server.enroll('Bob Builder');
    const campaign = await createContent(server, {
      title: 'Spring launch',
      url: 'https://shop.example.com/spring?ref=blog&utm_source=newsletter&utm_term=keep#details',
      campaign: 'Launch 2026',
      publish: true,
    });
    const noCampaign = await createContent(server, {
      title: 'Ünïcode Title: Big News!',
      url: 'http://example.org/news',
      publish: true,
    });
    const adaSync = (await sync(server, ada.token)).body;
    adaLinks = adaSync.content.find((item) => item.id === campaign.id)!.links;
    untitledLinks = adaSync.content.find((item) => item.id === noCampaign.id)!.links;
    bobLinks = (await sync(server, bob.token)).body.content.find((item) => item.id === campaign.id)!.links;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('redirects 302 to the content URL tagged with network, medium, campaign and advocate ref', async () => {
    const location = await follow(server, adaLinks.linkedin);
    expect(location.origin + location.pathname).toBe('https://shop.example.com/spring');
    expect(location.searchParams.get('utm_source')).toBe('linkedin');
    expect(location.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(location.searchParams.get('utm_campaign')).toBe('launch-2026');
    expect(location.searchParams.get('utm_content')).toMatch(/^[0-9a-z]+$/);
  });

  it('keeps the page’s own parameters and fragment, and replaces existing utm_* tags', async () => {
    const location = await follow(server, adaLinks.x);
    expect(location.searchParams.get('ref')).toBe('blog');
    expect(location.searchParams.get('utm_term')).toBe('keep');
    expect(location.searchParams.getAll('utm_source')).toEqual(['x']);
    expect(location.hash).toBe('#details');
  });

  it('uses each network as utm_source', async () => {
    expect((await follow(server, adaLinks.facebook)).searchParams.get('utm_source')).toBe('facebook');
    expect((await follow(server, adaLinks.x)).searchParams.get('utm_source')).toBe('x');
  });

  it('uses a slug of the title when there is no campaign', async () => {
    const location = await follow(server, untitledLinks.linkedin);
    expect(location.toString()).toMatch(/^http:\/\/example\.org\/news\?/);
    expect(location.searchParams.get('utm_campaign')).toBe('unicode-title-big-news');
  });

  it('tags each advocate with a pseudonymous ref, never a name or id', async () => {
    const adaRef = (await follow(server, adaLinks.linkedin)).searchParams.get('utm_content')!;
    const bobRef = (await follow(server, bobLinks.linkedin)).searchParams.get('utm_content')!;
    expect(adaRef).not.toBe(bobRef);
    for (const [ref, advocate, name] of [
      [adaRef, ada, 'Ada Lovelace'],
      [bobRef, bob, 'Bob Builder'],
    ] as const) {
      expect(ref).not.toBe(advocate.id);
      expect(ref.toLowerCase()).not.toContain(name.split(' ')[0]!.toLowerCase());
    }
    // The same advocate's links on one content item share the ref.
    expect((await follow(server, adaLinks.x)).searchParams.get('utm_content')).toBe(adaRef);
  });

  it('answers 404 problem+json for an unknown or malformed code', async () => {
    await expectProblem(await server.call('/r/AAAAAAAAAA'), 404, 'not-found');
    await expectProblem(await server.call('/r/not-a-code!'), 404, 'not-found');
    await expectProblem(await server.call(`/r/${'A'.repeat(40)}`), 404, 'not-found');
    await expectProblem(await server.call('/r/'), 404);
  });
});

describe('tracked link redirect with a configured utm_medium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ utmMedium: 'staff_share' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('tags utm_medium with the configured value', async () => {
    const { token } = await server.enroll();
    const item = await createContent(server, { publish: true });
    const links = (await sync(server, token)).body.content.find((content) => content.id === item.id)!.links;
    expect((await follow(server, links.linkedin)).searchParams.get('utm_medium')).toBe('staff_share');
  });
});
