/**
 * One daily cap: the guidelines' dailyShareCap (shares per UTC day) is what scoring caps, on both
 * databases; scoring's retired dailyPointsCap still loads from a stored document, is refused on a
 * PUT with where the cap lives now, and is sent as null to extensions from before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, type MeResponse, type ScoringRules } from '../../lib/schemas';
import { readSyncResponseSchema } from '../../lib/schemas/read';
import { createContent, expectValidation, iso, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

describe('the one daily cap', () => {
  let server: TestServer;
  let admin: string;
  const put = (name: string, json: unknown) => server.call(`/v1/admin/${name}`, { method: 'PUT', json, token: admin });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a scoring PUT with dailyPointsCap, saying where the cap lives now', async () => {
    const problem = await expectValidation(
      await put('scoring', { ...DEFAULT_SCORING, dailyPointsCap: 200 }),
      'dailyPointsCap',
    );
    const error = problem.errors!.find((entry) => entry.path === 'dailyPointsCap')!;
    expect(error.message).toContain("guidelines' dailyShareCap");
    expect(error.message).toContain('PUT /v1/admin/guidelines');
  });

  it("loads a stored scoring document that still has dailyPointsCap, keeping the admin's settings", async () => {
    const stored = { ...DEFAULT_SCORING, personalizedBonus: 9, pointsPerClick: 3, dailyPointsCap: 150 };
    await server.deps.db
      .insertInto('documents')
      .values({ name: 'scoring', body: JSON.stringify(stored), seq: 1, updated_at: server.clock.now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ body: JSON.stringify(stored) }))
      .execute();
    const { dailyPointsCap: _retired, ...kept } = stored;
    const response = await server.call('/v1/admin/scoring', { token: admin });
    expect(await response.json()).toEqual(kept);

    // Extensions get it with dailyPointsCap: null (older ones require the field); today's drop it.
    const { token } = await server.enroll('Cap Reader');
    const { body } = await sync(server, token);
    expect(body.scoring).toEqual({ ...kept, dailyPointsCap: null });
    expect(readSyncResponseSchema.parse(body).scoring).toEqual(kept);
  });

  it('gives share points to the first dailyShareCap shares of a UTC day only', async () => {
    const scoring: ScoringRules = {
      ...DEFAULT_SCORING,
      pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, linkedin: 10 },
      earlyShareBonus: { withinHours: 1, points: 0 },
      personalizedBonus: 0,
    };
    expect((await put('scoring', scoring)).status).toBe(200);
    expect((await put('guidelines', { bannedTerms: [], dailyShareCap: 2 })).status).toBe(200);
    const { token } = await server.enroll('Keen Sharer');
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await createContent(server, { title: `Capped ${i}`, publish: true }));
    const events = posts.map((post, i) => ({
      id: randomUUID(),
      contentId: post.id,
      network: 'linkedin',
      sharedAt: iso(server.clock.now + i * 1000),
      personalized: false,
    }));
    server.clock.advance(10_000);
    expect((await server.call('/v1/shares', { method: 'POST', token, json: { events } })).status).toBe(200);
    await server.deps.scores.idle();
    const me = (await (await server.call('/v1/me', { token })).json()) as MeResponse;
    expect(me.shares).toBe(3);
    expect(me.points).toBe(20);

    // Raising the cap rescores: the third share earns too.
    expect((await put('guidelines', { bannedTerms: [], dailyShareCap: 3 })).status).toBe(200);
    await server.deps.scores.rescoreStale();
    expect(((await (await server.call('/v1/me', { token })).json()) as MeResponse).points).toBe(30);
  });
});
