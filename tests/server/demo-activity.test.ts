/** The demo's month of activity (server/demo-activity.ts): non-zero analytics and leaderboard, two teams, a weekly rhythm, once only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics, ContentListItem, Overview } from '../../lib/console-schemas';
import type { LeaderboardResponse } from '../../lib/schemas';
import { DEMO_PEOPLE, DEMO_TEAMS } from '../../server/demo-people';
import type { DemoInfo } from '../../server/demo';
import type { RunningServer } from '../../server/server';
import type { TestDatabase } from '../helpers/database';
import { bootDemo, call, countRows, demoCalls, json, startDemo, stopDemo } from '../helpers/demo';

const DAY = 86_400_000;
/** A Wednesday afternoon (UTC): the month before it is the same on every run. */
const NOW = Date.UTC(2026, 11, 9, 15, 20);

describe('the demo’s month of activity', () => {
  let database: TestDatabase;
  let dir: string;
  let credentialsFile: string;
  let running: RunningServer | undefined;
  let info: DemoInfo;
  const clock = { now: NOW };
  const { signIn, enroll } = demoCalls(() => running);

  beforeAll(async () => {
    ({ database, dir, credentialsFile, running, info } = await startDemo(clock));
  });
  afterAll(async () => {
    await stopDemo(running, database, dir);
  });

  const analytics = async () =>
    json<Analytics>(await call(running!.url, '/v1/admin/analytics', { token: await signIn(info.adminPassword) }), 200);

  /** Rows per table: what a restart must leave as it is. */
  async function rows() {
    const db = running!.deps.db;
    const count = (table: 'advocates' | 'shares' | 'clicks' | 'click_counts' | 'links') => countRows(running!, table);
    const points = await db.selectFrom('advocate_points').select(['advocate_id', 'bucket', 'points']).execute();
    return {
      advocates: await count('advocates'),
      shares: await count('shares'),
      clicks: await count('clicks'),
      clickCounts: await count('click_counts'),
      links: await count('links'),
      points: points.map((row) => `${row.advocate_id} ${row.bucket} ${Number(row.points)}`).sort(),
    };
  }

  it('says it seeded the activity, and the last 30 days have shares and clicks on most days', async () => {
    expect(info.created).toContain('activity');
    const data = await analytics();
    expect(data.totals.advocates).toBe(DEMO_PEOPLE.length);
    expect(data.totals.shares).toBeGreaterThan(100);
    expect(data.totals.clicks).toBeGreaterThan(data.totals.shares);
    expect(data.totals.activeInstalls).toBeGreaterThan(15);
    expect(data.perDay.filter((day) => day.shares > 0).length).toBeGreaterThan(15);
    expect(data.perDay.filter((day) => day.clicks > 0).length).toBeGreaterThan(20);
    expect(data.perContent.length).toBe(5);
    expect(data.perNetwork.find((row) => row.network === 'linkedin')!.shares).toBeGreaterThan(50);
    expect(data.perNetwork.find((row) => row.network === 'x')!.shares).toBeGreaterThan(20);
    expect(data.perNetwork.find((row) => row.network === 'facebook')!.shares).toBeGreaterThan(0);
    // Every share came after its post went live: the share rules took each one.
    const db = running!.deps.db;
    const early = await db
      .selectFrom('shares')
      .innerJoin('content', 'content.id', 'shares.content_id')
      .select('shares.id')
      .whereRef('shares.shared_at', '<', 'content.publish_at')
      .execute();
    expect(early).toEqual([]);
    expect(
      Number(
        (
          await db
            .selectFrom('shares')
            .select((eb) => eb.fn.max('shared_at').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      ),
    ).toBeLessThanOrEqual(NOW);
  });

  it('is busier on weekdays than at weekends', async () => {
    const { perDay } = await analytics();
    const weekend = (date: string) => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
    const average = (days: typeof perDay) => days.reduce((sum, day) => sum + day.shares, 0) / days.length;
    const weekdays = average(perDay.filter((day) => !weekend(day.date)));
    const weekends = average(perDay.filter((day) => weekend(day.date)));
    expect(weekdays).toBeGreaterThan(2 * weekends);
  });

  it('puts both teams on the leaderboard, with points from the scoring rules', async () => {
    const token = await enroll(info.inviteCode, 'Katherine Johnson');
    const board = await json<LeaderboardResponse>(
      await call(running!.url, '/v1/leaderboard?period=month&limit=100', { token }),
      200,
    );
    expect(board.entries.length).toBeGreaterThan(15);
    expect(new Set(board.entries.map((entry) => entry.team))).toEqual(new Set(DEMO_TEAMS));
    expect(board.entries.every((entry) => entry.points > 0)).toBe(true);
    // The advocate who keeps off the leaderboard is not on it.
    const hidden = DEMO_PEOPLE.filter((person) => person.offLeaderboard).map((person) => person.name);
    expect(board.entries.filter((entry) => hidden.includes(entry.name))).toEqual([]);
    for (const team of DEMO_TEAMS) {
      const teamBoard = await json<LeaderboardResponse>(
        await call(running!.url, `/v1/leaderboard?period=all&team=${team}`, { token }),
        200,
      );
      expect(teamBoard.entries.length).toBeGreaterThan(5);
      expect(teamBoard.entries.every((entry) => entry.team === team)).toBe(true);
    }
  });

  it('moved the live posts back so they went live over the month, and one expires soon', async () => {
    const db = running!.deps.db;
    const content = await db.selectFrom('content').select(['id', 'publish_at', 'expires_at']).orderBy('id').execute();
    const live = content.filter((row) => Number(row.publish_at) <= NOW);
    expect(live).toHaveLength(5);
    expect(Math.min(...live.map((row) => Number(row.publish_at)))).toBeLessThan(NOW - 25 * DAY);
    expect(live.filter((row) => row.expires_at !== null && Number(row.expires_at) < NOW + 7 * DAY)).toHaveLength(1);
  });

  it('gives the console home non-zero numbers, and each post its counts', async () => {
    const token = await signIn(info.adminPassword);
    const overview = await json<Overview>(await call(running!.url, '/v1/admin/overview', { token }), 200);
    expect(overview.advocates).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    expect(overview.thisWeek.advocates).toBeGreaterThan(5);
    expect(overview.lastWeek.advocates).toBeGreaterThan(5);
    expect(overview.thisWeek.shares).toBeGreaterThan(10);
    expect(overview.thisWeek.clicks).toBeGreaterThan(10);
    expect(overview.topPosts).toHaveLength(5);
    expect(overview.goingLive.map((post) => post.title)).toEqual(['Meet us at RoboWorld Expo 2026, booth 4212']);
    expect(overview.expiring.map((post) => post.id)).toEqual(['demo-northwind-02']);
    const { items } = await json<{ items: ContentListItem[] }>(
      await call(running!.url, '/v1/admin/content', { token }),
      200,
    );
    const data = await analytics();
    expect(items.reduce((sum, item) => sum + item.shares, 0)).toBe(data.totals.shares);
    expect(items.reduce((sum, item) => sum + item.clicks, 0)).toBe(data.totals.clicks);
    expect(items.filter((item) => item.status === 'published').every((item) => item.shares > 0)).toBe(true);
  });

  it('adds nothing when the demo starts again', async () => {
    const before = await rows();
    await running!.close();
    running = undefined;
    const again = await bootDemo(database.url, credentialsFile, clock);
    running = again.running;
    expect(again.info.created).toEqual([]);
    await running.deps.scores.idle();
    expect(await rows()).toEqual(before);
  });
});
