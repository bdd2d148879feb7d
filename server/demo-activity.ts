/**
 * The demo's last 30 days (demo-rhythm.ts), seeded once, when the demo's posts are first created,
 * through the services the API uses: the posts' publish times moved back, advocates in two teams,
 * shares checked and stored as POST /v1/shares stores them, tracked links as a sync makes them,
 * clicks stored as hashed human visits, and points computed by the score keeper.
 */
import { sharesRequestSchema, type Network } from '../lib/schemas';
import type { Deps } from './context';
import type { ContentRow } from './services/content';
import { DEMO_PEOPLE, demoAdvocateId } from './demo-people';
import { planActivity, seededRandom, seededString, type PlannedAdvocate, type PlanPost } from './demo-rhythm';
import { nextSeq } from './services/changes-counter';
import { storeClicks, type SpooledClick } from './services/clicks/store';
import { linksFor } from './services/links';
import { takeShares } from './services/share-intake';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How much people like sharing each live post, in the order of their ids (the launch most). */
const APPEAL = [1, 0.9, 0.75, 0.6, 0.8];
/** The hiring post: applications close in a few days, so the console has a post expiring soon. */
const EXPIRING_POST = 'demo-northwind-02';

/**
 * Seeds the month's activity when this start created the demo posts (`createdNow` lists what it
 * created) and no demo advocate exists yet; returns ['activity'] when it did, else nothing.
 */
export async function seedDemoActivity(deps: Deps, createdNow: readonly string[]): Promise<string[]> {
  const { db } = deps;
  const now = deps.now();
  if (createdNow.length === 0) return [];
  const live = (
    await db
      .selectFrom('content')
      .selectAll()
      .where('id', 'in', [...createdNow])
      .where('status', '=', 'published')
      .where('publish_at', '<=', now)
      .orderBy('id')
      .execute()
  ).filter((row) => row.expires_at === null || row.expires_at > now);
  if (live.length === 0) return [];
  const ids = DEMO_PEOPLE.map((_person, index) => demoAdvocateId(index));
  if ((await db.selectFrom('advocates').select('id').where('id', 'in', ids).limit(1).execute()).length > 0) return [];

  const posts = await backdate(deps, live, now);
  const plan = planActivity(now, posts);
  await db
    .insertInto('advocates')
    .values(
      plan.map((advocate) => ({
        id: advocate.id,
        name: advocate.person.name,
        ref: advocate.ref,
        token_hash: `none:${advocate.id}`,
        invite_id: null,
        click_tracking: advocate.person.noClickTracking ? 0 : 1,
        leaderboard: advocate.person.offLeaderboard ? 0 : 1,
        team: advocate.person.team,
        created_at: advocate.joinedAt,
        last_sync_at: advocate.lastSyncAt,
      })),
    )
    .execute();

  for (const advocate of plan) {
    if (advocate.shares.length === 0) continue;
    const request = sharesRequestSchema.parse({
      events: advocate.shares.map((share) => ({
        id: share.id,
        contentId: share.contentId,
        network: share.network,
        sharedAt: new Date(share.sharedAt).toISOString(),
        personalized: share.personalized,
      })),
    });
    await takeShares(deps, request, advocate.id);
  }
  await recordClicks(deps, plan, live, now);
  // Clicks move points too: every demo advocate is scored once more, and the seed waits for it.
  deps.scores.schedule(ids);
  await deps.scores.idle();
  return ['activity'];
}

/** Moves the live posts' publish times back, six days apart, so the month's shares come after them. */
async function backdate(deps: Deps, rows: ContentRow[], now: number): Promise<PlanPost[]> {
  const today = Math.floor(now / DAY) * DAY;
  const posts = rows.map((row, index) => ({
    id: row.id,
    publishedAt: today - (4 + 6 * (rows.length - 1 - index)) * DAY + 8 * HOUR + 30 * MINUTE,
    appeal: APPEAL[index] ?? 0.7,
  }));
  const expiring = rows.find((row) => row.id === EXPIRING_POST && row.expires_at === null);
  const seq = await deps.db.transaction().execute(async (trx) => {
    const seq = await nextSeq(trx);
    for (const post of posts) {
      await trx
        .updateTable('content')
        .set({
          publish_at: post.publishedAt,
          created_at: post.publishedAt - DAY,
          updated_at: post.publishedAt,
          seq,
          ...(expiring?.id === post.id ? { expires_at: today + 5 * DAY + 17 * HOUR } : {}),
        })
        .where('id', '=', post.id)
        .execute();
    }
    return seq;
  });
  deps.changes.changed(seq);
  return posts;
}

/** Each advocate's tracked links (as their first sync makes them), and the visits to the ones they shared. */
async function recordClicks(deps: Deps, plan: PlannedAdvocate[], live: ContentRow[], now: number): Promise<void> {
  const targets = live.map((row) => ({
    id: row.id,
    url: row.url,
    title: row.title,
    campaign: row.campaign,
    networks: JSON.parse(row.networks) as Network[],
  }));
  const tracked = plan.filter((advocate) => !advocate.person.noClickTracking && advocate.shares.length > 0);
  for (const advocate of tracked) {
    await linksFor(deps.db, { id: advocate.id, ref: advocate.ref, clickTracking: true }, targets, {
      publicUrl: deps.config.publicUrl,
      utmMedium: deps.config.utmMedium,
      now: advocate.joinedAt,
      dialect: deps.dialect,
    });
  }
  if (tracked.length === 0) return;
  const links = await deps.db
    .selectFrom('links')
    .select(['code', 'advocate_id', 'content_id', 'network'])
    .where(
      'advocate_id',
      'in',
      tracked.map((advocate) => advocate.id),
    )
    .execute();
  const codeOf = new Map(links.map((link) => [`${link.advocate_id} ${link.content_id} ${link.network}`, link.code]));
  const random = seededRandom(0x636c_6963);
  const batch: SpooledClick[] = [];
  for (const advocate of tracked) {
    for (const share of advocate.shares) {
      const code = codeOf.get(`${advocate.id} ${share.contentId} ${share.network}`);
      if (!code) continue;
      for (const at of share.clicks) {
        if (at > now) continue;
        batch.push({ c: code, a: advocate.id, v: seededString(random, 32), h: Math.floor(at / HOUR), t: at });
      }
    }
  }
  if (batch.length > 0) await storeClicks(deps.db, deps.dialect, batch);
}
