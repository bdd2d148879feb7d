/**
 * Integration health over HTTP: the extension's daily counts per site and version are kept as the
 * latest totals per (browser, site, version, day), so a retry never counts twice and an older
 * report never lowers a count; the admin reads them added over browsers. Selector overrides are a
 * document: stored, validated and carried by sync.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zeroCounts, type AdminHealthResponse, type HealthCounts } from '../../lib/schemas';
import { expectProblem, expectValidation, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 86_400_000;

describe('integration health', () => {
  let server: TestServer;
  let admin: string;
  let advocate: string;

  const today = () => new Date(server.clock.now).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(server.clock.now - n * DAY).toISOString().slice(0, 10);
  const report = (
    browser: string,
    entries: { site: string; version: string; day: string; counts: Partial<HealthCounts> }[],
  ) =>
    server.call('/v1/integration-health', {
      method: 'POST',
      token: advocate,
      json: { browser, entries: entries.map((entry) => ({ ...entry, counts: { ...zeroCounts(), ...entry.counts } })) },
    });
  const read = async (query = ''): Promise<AdminHealthResponse> => {
    const response = await server.call(`/v1/admin/integration-health${query}`, { token: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as AdminHealthResponse;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
    advocate = (await server.enroll()).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps the latest totals per key: a retry and a late older report change nothing', async () => {
    const browser = randomUUID();
    const entry = {
      site: 'linkedin',
      version: '1.2.0',
      day: today(),
      counts: { insertionsConfirmed: 3, insertionsFailed: 1 },
    };
    expect((await report(browser, [entry])).status).toBe(200);
    expect((await report(browser, [entry])).status).toBe(200);
    const grown = { ...entry, counts: { insertionsConfirmed: 5, insertionsFailed: 1, composersSeen: 4 } };
    expect(await (await report(browser, [grown])).json()).toEqual({ stored: 1 });
    // The first report again, arriving late: totals never go back.
    expect((await report(browser, [entry])).status).toBe(200);
    const { rows, today: day, days } = await read();
    expect(day).toBe(today());
    expect(days).toBe(14);
    expect(rows).toEqual([
      {
        site: 'linkedin',
        version: '1.2.0',
        day: today(),
        browsers: 1,
        counts: { ...zeroCounts(), insertionsConfirmed: 5, insertionsFailed: 1, composersSeen: 4 },
      },
    ]);
  });

  it('adds browsers together per site, version and day, and reads only the days asked for', async () => {
    await report(randomUUID(), [
      { site: 'linkedin', version: '1.2.0', day: today(), counts: { insertionsFailed: 2 } },
      { site: 'x', version: '1.1.0', day: daysAgo(3), counts: { composersUnmatched: 7 } },
      { site: 'x', version: '1.1.0', day: daysAgo(20), counts: { composersSeen: 1 } },
    ]);
    const { rows } = await read();
    const linkedin = rows.find((row) => row.site === 'linkedin' && row.day === today())!;
    expect(linkedin.browsers).toBe(2);
    expect(linkedin.counts.insertionsFailed).toBe(3);
    expect(linkedin.counts.insertionsConfirmed).toBe(5);
    expect(rows.filter((row) => row.site === 'x').map((row) => row.day)).toEqual([daysAgo(3)]);
    expect((await read('?days=2')).rows.every((row) => row.day >= daysAgo(1))).toBe(true);
    expect((await read('?days=30')).rows.some((row) => row.day === daysAgo(20))).toBe(true);
  });

  it('is strict: counts only, known sites, a browser id; no text fields', async () => {
    const day = today();
    await expectValidation(await report('not-a-uuid', [{ site: 'x', version: '1.0.0', day, counts: {} }]), 'browser');
    await expectValidation(
      await report(randomUUID(), [{ site: 'mastodon', version: '1.0.0', day, counts: {} }]),
      'entries.0.site',
    );
    await expectValidation(
      await report(randomUUID(), [{ site: 'x', version: '1.0.0', day, counts: { composersSeen: -1 } }]),
      'entries.0.counts.composersSeen',
    );
    const withText = await server.call('/v1/integration-health', {
      method: 'POST',
      token: advocate,
      json: {
        browser: randomUUID(),
        entries: [{ site: 'x', version: '1.0.0', day, counts: { ...zeroCounts(), url: 'https://x.com/me' } }],
      },
    });
    expect(withText.status).toBe(422);
    // An admin token is no extension.
    const asAdmin = await server.call('/v1/integration-health', {
      method: 'POST',
      token: admin,
      json: { browser: randomUUID(), entries: [{ site: 'x', version: '1.0.0', day, counts: zeroCounts() }] },
    });
    await expectProblem(asAdmin, 403);
  });

  it('stores selector overrides as a document that sync carries', async () => {
    expect((await sync(server, advocate)).body.selectorOverrides).toEqual({});
    const overrides = {
      linkedin: { editor: '.ql-editor[data-relay-test]', postButton: 'button.share-actions__primary' },
    };
    const put = await server.call('/v1/admin/selectors', { method: 'PUT', token: admin, json: overrides });
    expect(put.status).toBe(200);
    expect(await (await server.call('/v1/admin/selectors', { token: admin })).json()).toEqual(overrides);
    expect((await sync(server, advocate)).body.selectorOverrides).toEqual(overrides);
    const badKey = await server.call('/v1/admin/selectors', {
      method: 'PUT',
      token: admin,
      json: { x: { 'Not a key': '.a' } },
    });
    expect(badKey.status).toBe(422);
    const tooLong = await server.call('/v1/admin/selectors', {
      method: 'PUT',
      token: admin,
      json: { x: { editor: 'a'.repeat(1_001) } },
    });
    expect(tooLong.status).toBe(422);
    const unknownSite = await server.call('/v1/admin/selectors', {
      method: 'PUT',
      token: admin,
      json: { mastodon: {} },
    });
    expect(unknownSite.status).toBe(422);
  });
});
