/** The demo's last 30 days as plain data: who shared which post where and when, and the clicks that followed. Pure and seeded. */
import type { Network } from '../lib/schemas';
import { DEMO_PEOPLE, demoAdvocateId, type DemoPerson } from './demo-people';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: a small seeded generator, so every demo has the same month (relative to its start). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hex = (random: () => number, digits: number) =>
  Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');

/** A version-4 UUID drawn from `random` (share event ids are UUIDs). */
export function seededUuid(random: () => number): string {
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const seededString = (random: () => number, length: number): string =>
  Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');

/** A demo post as the plan needs it: when it went live, and how much people like sharing it. */
export interface PlanPost {
  id: string;
  publishedAt: number;
  /** 0–1: a launch draws more shares than a whitepaper. */
  appeal: number;
}

export interface PlannedShare {
  id: string;
  contentId: string;
  network: Network;
  sharedAt: number;
  personalized: boolean;
  /** When people clicked the shared link (one distinct visitor each). */
  clicks: number[];
}

export interface PlannedAdvocate {
  id: string;
  person: DemoPerson;
  ref: string;
  joinedAt: number;
  lastSyncAt: number;
  shares: PlannedShare[];
}

const isWeekend = (dayStart: number) => [0, 6].includes(new Date(dayStart).getUTCDay());

/** Picks an index with probability proportional to its weight. */
function pick(random: () => number, weights: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let left = random() * total;
  for (let i = 0; i < weights.length; i++) {
    left -= weights[i]!;
    if (left < 0) return i;
  }
  return weights.length - 1;
}

/** Most shares come in the first days after a post goes live, on weekdays, in working hours. */
function shareTime(random: () => number, post: PlanPost, from: number, until: number): number | null {
  const firstDay = Math.floor(Math.max(post.publishedAt, from) / DAY) * DAY;
  const days: number[] = [];
  for (let day = firstDay; day < until; day += DAY) days.push(day);
  if (days.length === 0) return null;
  const weights = days.map((day) => Math.exp(-(day - firstDay) / DAY / 2.5) * (isWeekend(day) ? 0.12 : 1));
  const day = days[pick(random, weights)]!;
  // Working hours, UTC: 07:00 to 19:00, busier in the morning.
  const at = day + 7 * HOUR + Math.floor(random() ** 1.4 * 12 * HOUR);
  const earliest = Math.max(post.publishedAt + 10 * MINUTE, from);
  const moved = at < earliest ? earliest + Math.floor(random() * 2 * HOUR) : at;
  return moved < until ? moved : null;
}

const CLICKS_PER_SHARE: Partial<Record<Network, number>> = { linkedin: 4, x: 2, facebook: 1.5 };

/** Visits to a shared link: mostly in the first day, fewer at night, none after `now`. */
function clickTimes(random: () => number, share: Omit<PlannedShare, 'clicks'>, appeal: number, now: number): number[] {
  const base = (CLICKS_PER_SHARE[share.network] ?? 2) * (share.personalized ? 1.6 : 1) * (0.6 + appeal);
  const count = Math.round(base * (0.2 + 1.3 * random()));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let at = share.sharedAt + Math.floor(-Math.log(1 - random()) * 10 * HOUR) + 2 * MINUTE;
    const hour = new Date(at).getUTCHours();
    if (hour < 6 && random() < 0.7) at += (7 - hour) * HOUR;
    if (at <= now - MINUTE) times.push(at);
  }
  return times.sort((a, b) => a - b);
}

/** One advocate's shares of the posts: each post at most once per network, now and then shared again a week on. */
function sharesOf(
  random: () => number,
  person: DemoPerson,
  posts: PlanPost[],
  from: number,
  until: number,
  now: number,
) {
  const shares: PlannedShare[] = [];
  for (const post of posts) {
    if (random() >= person.keenness * post.appeal) continue;
    const at = shareTime(random, post, from, until);
    if (at === null) continue;
    const networks: Network[] = [];
    if (random() < 0.9) networks.push('linkedin');
    if (random() < person.onX) networks.push('x');
    if (random() < 0.08) networks.push('facebook');
    if (networks.length === 0) networks.push('linkedin');
    networks.forEach((network, index) => {
      const share = {
        id: seededUuid(random),
        contentId: post.id,
        network,
        sharedAt: at + index * (2 + Math.floor(random() * 5)) * MINUTE,
        personalized: network !== 'facebook' && random() < 0.25 + 0.3 * person.keenness,
      };
      if (share.sharedAt >= until) return;
      shares.push({ ...share, clicks: clickTimes(random, share, post.appeal, now) });
      // A week later, on the same weekday, a few share it again.
      const again = share.sharedAt + 7 * DAY + Math.floor(random() * 3 * HOUR);
      if (network === 'linkedin' && random() < 0.12 && again < until) {
        const reshare = { ...share, id: seededUuid(random), sharedAt: again, personalized: true };
        shares.push({ ...reshare, clicks: clickTimes(random, reshare, post.appeal, now) });
      }
    });
  }
  return shares.sort((a, b) => a.sharedAt - b.sharedAt);
}

/** The whole month: every demo advocate with their shares and clicks, the same for the same `now` and posts. */
export function planActivity(now: number, posts: PlanPost[]): PlannedAdvocate[] {
  const random = seededRandom(0x4e57_2026);
  return DEMO_PEOPLE.map((person, index) => {
    const joinedAt = now - (person.joinedDaysAgo ?? 40) * DAY + Math.floor(random() * 8 * HOUR);
    const until = person.lapsedDaysAgo === undefined ? now - 5 * MINUTE : now - person.lapsedDaysAgo * DAY;
    const shares = sharesOf(random, person, posts, joinedAt, until, now);
    const lastShare = shares.at(-1)?.sharedAt ?? joinedAt;
    // The extension syncs every few hours while the browser is open; a lapsed advocate's stopped.
    const lastSyncAt =
      person.lapsedDaysAgo === undefined
        ? Math.max(lastShare, now - Math.floor(random() * 30 * HOUR) - 10 * MINUTE)
        : Math.max(lastShare, until - Math.floor(random() * DAY));
    return { id: demoAdvocateId(index), person, ref: seededString(random, 10), joinedAt, lastSyncAt, shares };
  });
}
