/**
 * The first IndexedDB schema the extension shipped, frozen here as a literal copy (not read from
 * SCHEMA_VERSIONS, which a careless edit could change along with what it is tested against):
 * a browser that still holds a v1 database, full of shares, posts and metadata, opens it with
 * today's openRelayDb and loses nothing.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../entrypoints/background/controller';
import { DEFAULT_GUIDELINES, DEFAULT_SCORING } from '../../lib/schemas';
import { openRelayDb, SCHEMA_VERSIONS } from '../../entrypoints/background/db';
import { fakePort } from './helpers';

/** Exactly what version 1 declared when it shipped (entrypoints/background/db.ts, commit 4a7d98c). */
const SHIPPED_V1 = { content: 'id, publishAt', shares: 'id, contentId, sharedAt', meta: 'key' } as const;

const NETWORKS = ['linkedin', 'x', 'facebook'] as const;

/** v1 shares: no `source` and no `personalized` yet. */
const v1Shares = Array.from({ length: 250 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  contentId: `post-${i % 3}`,
  network: NETWORKS[i % 3]!,
  sharedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
}));

const v1Content = Array.from({ length: 3 }, (_, i) => ({
  id: `post-${i}`,
  title: `Post ${i}`,
  url: `https://example.com/${i}`,
  note: i === 0 ? 'Share this one first' : null,
  imageUrl: null,
  campaign: 'launch',
  language: 'en',
  tags: ['news'],
  variants: { linkedin: [`Post ${i} on LinkedIn {link}`], x: [`Post ${i} on X`] },
  networks: ['linkedin', 'x', 'facebook'],
  publishAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  expiresAt: null,
  createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  links: {
    linkedin: `https://relay.example.com/r/l${i}`,
    x: `https://relay.example.com/r/x${i}`,
    facebook: `https://relay.example.com/r/f${i}`,
  },
}));

const v1Meta = [
  {
    key: 'enrollment',
    value: {
      serverUrl: 'https://relay.example.com',
      token: 'rlv_kept-from-v1',
      advocate: { id: 'adv-v1', name: 'Early Adopter' },
      enrolledAt: '2026-01-01T08:00:00.000Z',
    },
  },
  { key: 'cursor', value: 'c1.2a.abc' },
  { key: 'etag', value: 'W/"2a-0-t"' },
  { key: 'guidelines', value: DEFAULT_GUIDELINES },
  { key: 'scoring', value: DEFAULT_SCORING },
  { key: 'status', value: { lastSyncAt: '2026-01-05T10:00:00.000Z', error: null } },
  { key: 'unseen', value: ['post-2'] },
];

describe('a database from the first release', () => {
  it('opens with today’s schema and keeps every share, post and setting', async () => {
    const name = `relay-frozen-v1-${Date.now()}`;
    const shipped = new Dexie(name);
    shipped.version(1).stores(SHIPPED_V1);
    await shipped.open();
    await shipped.table('shares').bulkAdd(v1Shares);
    await shipped.table('content').bulkAdd(v1Content);
    await shipped.table('meta').bulkAdd(v1Meta);
    shipped.close();

    const db = openRelayDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);

    // Every share, with the fields added since filled in as the upgrade promises.
    const shares = await db.shares.orderBy('id').toArray();
    expect(shares).toEqual(v1Shares.map((share) => ({ ...share, source: 'popup', personalized: false })));
    expect(await db.shares.where('[contentId+network]').equals(['post-1', 'x']).count()).toBe(
      v1Shares.filter((share) => share.contentId === 'post-1' && share.network === 'x').length,
    );
    expect(await db.shares.where('source').equals('popup').count()).toBe(v1Shares.length);
    // Posts and metadata unchanged; the outbox that came later starts empty.
    expect(await db.content.orderBy('id').toArray()).toEqual(v1Content);
    expect((await db.content.orderBy('publishAt').last())?.id).toBe('post-2');
    expect(await db.meta.orderBy('key').toArray()).toEqual([...v1Meta].sort((a, b) => a.key.localeCompare(b.key)));
    expect(await db.outbox.count()).toBe(0);

    // The background reads it as it is: still enrolled, the posts listed with the advocate's links.
    const { port } = fakePort();
    const state = await new BackgroundController(db, port).state();
    expect(state.enrollment).toEqual({
      serverUrl: 'https://relay.example.com',
      advocate: { id: 'adv-v1', name: 'Early Adopter' },
    });
    expect(state.content.map((item) => item.id)).toEqual(['post-2', 'post-1', 'post-0']);
    expect(state.content[0]!.suggestions.linkedin).toBe('Post 2 on LinkedIn https://relay.example.com/r/l2');
    expect(state.unseen).toEqual(['post-2']);
    expect(state.points?.shares).toBeGreaterThan(0);
    db.close();
    await Dexie.delete(name);
  });
});
