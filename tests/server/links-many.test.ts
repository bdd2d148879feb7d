/**
 * linksForMany for a publish reaching many advocates (more than one statement's worth): codes are
 * inserted first, and every code handed out is the one stored, whether the batch was all new or
 * some advocates had the link already (their stored code kept, the batch read back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayDatabase } from '../../server/db';
import { linksForMany, type LinkOwner, type LinkTarget } from '../../server/services/links';
import { contentRow, insertAdvocates, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';

const NOW = 1_767_225_600_000;
/** Past 1,000 advocates: a post on two networks fills a statement of 2,000 links. */
const OWNERS: LinkOwner[] = Array.from({ length: 1_300 }, (_, i) => ({
  id: `adv${String(i).padStart(4, '0')}`,
  ref: `r${i}`,
  clickTracking: i % 10 !== 3,
}));
const target = (id: string): LinkTarget => ({
  id,
  url: `https://example.com/${id}`,
  title: id,
  campaign: null,
  networks: ['linkedin', 'x'],
});

describe('linksForMany for many advocates', () => {
  let seeded: SeededDatabase;
  let handle: RelayDatabase;

  beforeAll(async () => {
    seeded = await migratedDatabase();
    handle = seeded.handle;
    await insertAdvocates(
      handle.db,
      OWNERS.map((owner) => owner.id),
      NOW,
    );
    await handle.db
      .insertInto('content')
      .values(['post-new', 'post-some'].map((id, seq) => contentRow(id, seq, NOW)))
      .execute();
  });

  afterAll(async () => {
    await seeded?.close();
  });

  const make = (post: string) => {
    const handed: string[] = [];
    const links = linksForMany(handle.db, OWNERS, [target(post)], {
      publicUrl: 'https://relay.test',
      utmMedium: 'advocacy',
      now: NOW,
      dialect: handle.dialect,
      handedOut: (owner, code, contentId, network) => handed.push(`${owner.id} ${contentId} ${network} ${code}`),
    });
    return { links, handed };
  };

  const storedCodes = async (post: string) =>
    new Map(
      (
        await handle.db
          .selectFrom('links')
          .select(['advocate_id', 'network', 'code'])
          .where('content_id', '=', post)
          .execute()
      ).map((row) => [`${row.advocate_id} ${row.network}`, row.code]),
    );

  /** Every tracked owner got /r/<stored code> on both networks, and each was handed out once. */
  const expectStored = async (post: string, links: Awaited<ReturnType<typeof linksForMany>>, handed: string[]) => {
    const stored = await storedCodes(post);
    const tracked = OWNERS.filter((owner) => owner.clickTracking);
    expect(stored.size).toBe(tracked.length * 2);
    for (const owner of tracked) {
      for (const network of ['linkedin', 'x'] as const) {
        const code = stored.get(`${owner.id} ${network}`);
        expect(code).toBeDefined();
        expect(links.get(owner.id)?.get(post)?.[network]).toBe(`https://relay.test/r/${code}`);
      }
    }
    expect(handed.sort()).toEqual(
      tracked
        .flatMap((owner) => ['linkedin', 'x'].map((n) => `${owner.id} ${post} ${n} ${stored.get(`${owner.id} ${n}`)}`))
        .sort(),
    );
    // Advocates without tracking get the direct, UTM-tagged URL and no row.
    const direct = OWNERS.find((owner) => !owner.clickTracking)!;
    expect(links.get(direct.id)?.get(post)?.linkedin).toMatch(
      /^https:\/\/example\.com\/post-\w+\?utm_source=linkedin&/,
    );
  };

  it('a new post: every code is new, and the codes handed out are those stored', async () => {
    const { links, handed } = make('post-new');
    await expectStored('post-new', await links, handed);
  });

  it('a post some advocates already have links to (in both statements): their codes are kept and handed out', async () => {
    const earlier = [OWNERS[1]!, OWNERS[5]!, OWNERS[1_201]!].map((owner, i) => ({
      code: `kept${i}linkedin`,
      advocate_id: owner.id,
      content_id: 'post-some',
      network: 'linkedin',
      created_at: NOW - 60_000,
    }));
    await handle.db.insertInto('links').values(earlier).execute();
    const { links, handed } = make('post-some');
    const result = await links;
    await expectStored('post-some', result, handed);
    for (const row of earlier)
      expect(result.get(row.advocate_id)?.get('post-some')?.linkedin).toBe(`https://relay.test/r/${row.code}`);
  });

  it('the same advocates twice at once (two browsers in batches answered together): both get the stored codes', async () => {
    await handle.db
      .insertInto('content')
      .values(contentRow('post-race', 9, NOW))
      .execute();
    const first = make('post-race');
    const second = make('post-race');
    const [a, b] = await Promise.all([first.links, second.links]);
    await expectStored('post-race', a, first.handed);
    await expectStored('post-race', b, second.handed);
  });
});
