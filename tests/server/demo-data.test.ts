/** The demo organisation (server/demo.ts): what the seed creates is usable through the API as printed. */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVariant } from '../../lib/render';
import { DEFAULT_SCORING } from '../../lib/schemas';
import type { DemoInfo } from '../../server/demo';
import type { RunningServer } from '../../server/server';
import type { TestDatabase } from '../helpers/database';
import { demoCalls, startDemo, stopDemo } from '../helpers/demo';

/** X counts every link as 23 characters (t.co). */
const X_LINK = 'https://t.co/abcdefghij';
const X_LIMIT = 280;
const MINUTE = 60_000;

describe('seedDemo', () => {
  let database: TestDatabase;
  let dir: string;
  let credentialsFile: string;
  let running: RunningServer | undefined;
  let info: DemoInfo;
  const clock = { now: Date.now() };

  const { signIn, enroll, sync, adminContent } = demoCalls(() => running);

  beforeAll(async () => {
    ({ database, dir, credentialsFile, running, info } = await startDemo(clock));
  });

  afterAll(async () => {
    await stopDemo(running, database, dir);
  });

  it('reports what it created and the credentials to print', () => {
    expect(info.adminEmail).toBe('admin@demo.relay');
    expect(info.adminPassword).toMatch(/^[0-9a-z]{20}$/);
    expect(info.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(info.credentialsFile).toBe(credentialsFile);
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    expect(info.created).toEqual(expect.arrayContaining(['admin', 'invite', 'guidelines', 'scoring']));
    expect(info.posts).toBe(6);
    expect(info.scheduledPosts).toBe(1);
  });

  it('lets the admin sign in with the printed credentials', async () => {
    const token = await signIn(info.adminPassword);
    expect(token).toMatch(/^rla_/);
  });

  it('has six published posts, one of them scheduled an hour ahead', async () => {
    const items = await adminContent(await signIn(info.adminPassword));
    expect(items).toHaveLength(6);
    expect(items.filter((item) => item.status === 'published')).toHaveLength(5);
    const scheduled = items.filter((item) => item.status === 'scheduled');
    expect(scheduled).toHaveLength(1);
    const dueIn = Date.parse(scheduled[0]!.publishAt!) - clock.now;
    expect(dueIn).toBeGreaterThan(59 * MINUTE);
    expect(dueIn).toBeLessThanOrEqual(60 * MINUTE);
  });

  it('enrols advocates with the printed invite code, more than once', async () => {
    expect(await enroll(info.inviteCode, 'Ada Lovelace')).toMatch(/^rlv_/);
    expect(await enroll(info.inviteCode.toLowerCase(), 'Grace Hopper')).toMatch(/^rlv_/);
  });

  it('syncs the live posts with LinkedIn and X variants and links, plus guidelines and scoring', async () => {
    const body = await sync(await enroll(info.inviteCode, 'Alan Turing'));
    expect(body.content).toHaveLength(5);
    expect(new Set(body.content.map((item) => item.id)).size).toBe(5);
    for (const item of body.content) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.url).toMatch(/^https:\/\/northwind\.example\//);
      expect(item.note?.length).toBeGreaterThan(0);
      expect(item.campaign?.length).toBeGreaterThan(0);
      expect(item.tags.length).toBeGreaterThan(0);
      expect(item.variants.linkedin?.length).toBeGreaterThanOrEqual(2);
      expect(item.variants.x?.length).toBeGreaterThanOrEqual(2);
      expect(item.networks).toEqual(['linkedin', 'x', 'facebook']);
      expect(item.links.linkedin).toMatch(/^http/);
      expect(item.links.x).toMatch(/^http/);
      expect(item.links.facebook).toMatch(/^http/);
    }
    expect(
      body.content.some((item) => [...item.variants.linkedin!, ...item.variants.x!].some((v) => v.includes('{link}'))),
    ).toBe(true);

    expect(body.guidelines.disclosure).toEqual({ text: '#NorthwindEmployee', networks: ['linkedin', 'x'] });
    const patterns = body.guidelines.bannedTerms.map((term) => term.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['guaranteed returns', 'cure', '\\b(confidential|internal only)\\b']),
    );
    expect(body.guidelines.bannedTerms.every((term) => term.reason.length > 0)).toBe(true);
    expect(body.guidelines.bannedTerms.find((term) => term.pattern.startsWith('\\b'))?.regex).toBe(true);
    expect(body.guidelines).toMatchObject({
      maxHashtags: 5,
      dailyShareCap: 10,
      companyNames: ['Northwind Robotics', 'Northwind'],
    });
    expect(body.scoring).toEqual({ ...DEFAULT_SCORING, dailyPointsCap: null });
  });

  it('writes posts that follow its own guidelines: X length, hashtags, banned terms', async () => {
    const items = await adminContent(await signIn(info.adminPassword));
    const advocateToken = await enroll(info.inviteCode, 'Katherine Johnson');
    const { guidelines } = await sync(advocateToken);
    const disclosure = guidelines.disclosure!.text;
    const banned = guidelines.bannedTerms.map((term) =>
      term.regex
        ? new RegExp(term.pattern, 'iu')
        : new RegExp(term.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'),
    );
    for (const item of items) {
      for (const variant of item.variants.x ?? []) {
        const text = renderVariant(variant, X_LINK, 'x');
        expect(text.length, text).toBeLessThanOrEqual(X_LIMIT);
        // Room is left for the disclosure when the extension adds it.
        const disclosed = text.includes(disclosure) ? text : `${text} ${disclosure}`;
        expect(disclosed.length, disclosed).toBeLessThanOrEqual(X_LIMIT);
      }
      for (const variant of [...(item.variants.linkedin ?? []), ...(item.variants.x ?? [])]) {
        const hashtags = (variant.match(/#\w+/g) ?? []).length + (variant.includes(disclosure) ? 0 : 1);
        expect(hashtags, variant).toBeLessThanOrEqual(guidelines.maxHashtags!);
        for (const term of banned) expect(variant, String(term)).not.toMatch(term);
      }
    }
  });

  it('shows the scheduled post once it is due', async () => {
    const token = await enroll(info.inviteCode, 'Hedy Lamarr');
    expect((await sync(token)).content).toHaveLength(5);
    clock.now += 61 * MINUTE;
    const body = await sync(token);
    expect(body.content).toHaveLength(6);
    expect(body.content.map((item) => item.title)).toContain('Meet us at RoboWorld Expo 2026, booth 4212');
  });
});
