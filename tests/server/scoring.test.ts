/**
 * The popup and the server show the same numbers for the same events, through the real database:
 * random event logs are written through the real paths (POST /v1/shares for shares, the click
 * recorder and its flush for clicks on the advocate's tracked links), then GET /v1/me and the
 * stored leaderboard points are compared with what the extension computes from its local share
 * log and its synced content (lib/scoring/ scoreLocalLog, as the background calls it).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineHistory } from '../../lib/history';
import { perTextNetwork } from '../../lib/networks';
import { scoreLocalLog, withDailyCap } from '../../lib/scoring';
import { DEFAULT_SCORING, NETWORKS, type Guidelines, type MeResponse, type ScoringRules } from '../../lib/schemas';
import { bucketRows } from '../../server/services/scores';
import { createContent, iso, sync } from '../helpers/api';
import { DAY, eventLogArbitrary } from '../helpers/scoring';
import { startTestServer, type TestServer } from '../helpers/server';

const CONTENTS = 3;
/** Rules where every part matters: bonuses, a click cap, Facebook switched off, and (GUIDELINES) a tight daily cap. */
const SCORING: ScoringRules = {
  ...DEFAULT_SCORING,
  pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, linkedin: 10, x: 7, facebook: 0 },
  earlyShareBonus: { withinHours: 48, points: 5 },
  personalizedBonus: 4,
  pointsPerClick: 2,
  maxClickPointsPerShare: 5,
  badges: [
    { id: 'first-share', name: 'First share', metric: 'shares', threshold: 1 },
    { id: 'streak-3', name: 'Three weeks', metric: 'streakWeeks', threshold: 3 },
    { id: 'own-words', name: 'Own words', metric: 'personalizedShares', threshold: 3 },
    { id: 'clicks-5', name: 'Five clicks', metric: 'clicks', threshold: 5 },
  ],
};

/** The one daily cap: two shares per UTC day earn share points. */
const GUIDELINES: Guidelines = { bannedTerms: [], dailyShareCap: 2 };
/** What both sides score with (the background's localScore applies the synced guidelines' cap the same way). */
const RULES = withDailyCap(SCORING, GUIDELINES);

describe('extension and server agree through the database', () => {
  let server: TestServer;
  let contentIds: string[];
  let publishedAt: number[];

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.adminToken();
    expect((await server.call('/v1/admin/scoring', { method: 'PUT', json: SCORING, token: admin })).status).toBe(200);
    const guidelines = await server.call('/v1/admin/guidelines', { method: 'PUT', json: GUIDELINES, token: admin });
    expect(guidelines.status).toBe(200);
    contentIds = [];
    publishedAt = [];
    for (let i = 0; i < CONTENTS; i++) {
      // Variants for every text network: offered on every network, so every network has a link.
      const variants = perTextNetwork((id) => [`Scored ${i} on ${id}`]);
      const item = await createContent(server, { title: `Scored ${i}`, variants, publish: true });
      // Published in the past, at different times, so early-share bonuses come and go.
      publishedAt.push(server.clock.now - (10 + 20 * i) * DAY);
      await server.deps.db
        .updateTable('content')
        .set({ publish_at: publishedAt[i]! })
        .where('id', '=', item.id)
        .execute();
      contentIds.push(item.id);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('property: GET /v1/me and the stored points equal the extension’s numbers', async () => {
    let run = 0;
    const seen = { points: 0, clickPoints: 0 };
    await fc.assert(
      fc.asyncProperty(
        eventLogArbitrary({ contents: CONTENTS, maxShares: 30, maxClicks: 40, spanDays: 60 }),
        async (log) => {
          run++;
          const now = server.clock.now;
          const advocate = await server.enroll(`Prop ${run}`);
          // The extension's side: its synced content (publish times) and tracked links.
          const content = (await sync(server, advocate.token)).body.content.filter((item) =>
            contentIds.includes(item.id),
          );
          // Shares the server takes (lib/share-rules.ts): not before the post was published, and
          // personalised only where a share carries text. More than the stored-events cap on one
          // post and network happens too: the cap keeps the earliest, so the scores still agree.
          const localLog = log.shares.map((s) => ({
            id: randomUUID(),
            contentId: contentIds[s.contentIndex]!,
            network: s.network,
            sharedAt: iso(Math.max(publishedAt[s.contentIndex]!, now - 60_000 + s.offset)),
            personalized: s.network !== 'facebook' && s.personalized,
            source: 'popup' as const,
          }));
          // The server's side: the same events through POST /v1/shares, in two deliveries (an
          // outbox catching up), so the second one updates and moves stored points…
          const post = async (events: typeof localLog) => {
            for (let i = 0; i < events.length; i += 200) {
              const response = await server.call('/v1/shares', {
                method: 'POST',
                token: advocate.token,
                json: { events: events.slice(i, i + 200).map(({ source: _source, ...event }) => event) },
              });
              expect(response.status, await response.clone().text()).toBe(200);
            }
            // Stored points are recomputed in the background, moments after the answer.
            await server.deps.scores.idle();
          };
          const storedBuckets = async () =>
            Object.fromEntries(
              (
                await server.deps.db
                  .selectFrom('advocate_points')
                  .select(['bucket', 'points'])
                  .where('advocate_id', '=', advocate.id)
                  .execute()
              ).map((row) => [row.bucket, Number(row.points)]),
            );
          const expectedBuckets = (score: ReturnType<typeof scoreLocalLog>) =>
            Object.fromEntries(bucketRows(score).map((row) => [row.bucket, row.points]));
          const firstDelivery = localLog.filter((_, i) => i % 2 === 1);
          await post(firstDelivery);
          expect(await storedBuckets()).toEqual(expectedBuckets(scoreLocalLog(firstDelivery, content, RULES)));
          await post(localLog.filter((_, i) => i % 2 === 0));
          // …and the clicks through the click recorder, each a different visitor.
          const clicks = log.clicks.map((c, i) => {
            const item = content.find((entry) => entry.id === contentIds[c.contentIndex])!;
            const link = item.links[c.network]!;
            const at = now - 60_000 + c.offset;
            server.deps.clicks.record({
              code: new URL(link).pathname.split('/').pop()!,
              advocateId: advocate.id,
              ip: `10.${run % 250}.${Math.floor(i / 250)}.${i % 250}`,
              userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0',
              at,
            });
            return { contentId: item.id, network: c.network, at };
          });
          await server.deps.clicks.flush();
          await server.deps.scores.idle();

          const fromPopup = scoreLocalLog(localLog, content, RULES, { clicks, now: server.clock.now });
          const response = await server.call('/v1/me', { token: advocate.token });
          const me = (await response.json()) as MeResponse;
          expect({
            points: me.points,
            level: me.level,
            streak: me.streak,
            bestStreak: me.bestStreak,
            shares: me.shares,
            clicks: me.clicks,
            badges: me.badges,
          }).toEqual({
            points: fromPopup.points,
            level: fromPopup.level,
            streak: fromPopup.streak.current,
            bestStreak: fromPopup.streak.best,
            shares: fromPopup.shares,
            clicks: fromPopup.clicks,
            badges: fromPopup.badges,
          });
          for (const week of me.weeks) expect(week.points).toBe(fromPopup.weeks[week.week] ?? 0);
          // The Points tab's path: this browser logged only half the shares (the others were made
          // in another browser); the rest, and the clicks, come from GET /v1/me's history.
          const tab = combineHistory(firstDelivery, content, me.history);
          expect(scoreLocalLog(tab.shares, tab.content, RULES, { clicks: tab.clicks, now: server.clock.now })).toEqual(
            fromPopup,
          );
          if (me.points > 0) seen.points++;
          if (me.clicks > 0 && me.points > 0) seen.clickPoints++;

          expect(await storedBuckets()).toEqual(expectedBuckets(fromPopup));
        },
      ),
      { numRuns: process.env.RELAY_TEST_DB === 'postgres' ? 15 : 25 },
    );
    // The generated logs did exercise points and clicks, not only empty logs.
    expect(seen.points).toBeGreaterThan(0);
    expect(seen.clickPoints).toBeGreaterThan(0);
  });

  it('uses every network in its links (a sanity check of the generator’s assumptions)', async () => {
    const { token } = await server.enroll('Links');
    const content = (await sync(server, token)).body.content.filter((item) => contentIds.includes(item.id));
    for (const item of content) for (const network of NETWORKS) expect(item.links[network]).toMatch(/\/r\/\w+$/);
  });
});
