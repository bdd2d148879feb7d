/** The redirect bench's links: 100 advocates × 50 posts × LinkedIn and X, each shared, so every click counts and re-scores its advocate. */
import { randomUUID } from 'node:crypto';
import { expectStatus, type BenchServer } from './server';

export const ADVOCATES = 100;
export const POSTS = 50;
const NETWORKS = ['linkedin', 'x'] as const;
/** How many tracked links the bench spreads its clicks over. */
export const LINKS = ADVOCATES * POSTS * NETWORKS.length;

/** A deterministic shuffle (mulberry32), so a link's Zipf rank says nothing of its advocate or post. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Publishes the posts, enrols the advocates, syncs each for their links and shares every post; returns the links' paths, shuffled. */
export async function seedLinks(server: BenchServer): Promise<string[]> {
  const admin = await server.adminToken();
  const contentIds: string[] = [];
  for (let post = 0; post < POSTS; post++) {
    const created = await server.call('/v1/admin/content', {
      method: 'POST',
      token: admin,
      json: {
        title: `Bench launch ${post + 1}`,
        url: `https://example.com/launch/${post + 1}?ref=bench#top`,
        campaign: 'Bench 2026',
        variants: { linkedin: [`We launched part ${post + 1}.`], x: [`Launched part ${post + 1}!`] },
        publish: true,
      },
    });
    await expectStatus(created, 201, 'create content');
    contentIds.push(((await created.json()) as { id: string }).id);
  }
  const paths: string[] = [];
  for (let advocate = 0; advocate < ADVOCATES; advocate++) {
    const token = await server.enroll(`Bench Advocate ${advocate + 1}`);
    const synced = await server.call('/v1/sync', { token });
    await expectStatus(synced, 200, 'sync');
    const { content } = (await synced.json()) as { content: { links: Record<string, string> }[] };
    for (const item of content) for (const network of NETWORKS) paths.push(new URL(item.links[network]!).pathname);
    const shared = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: {
        events: contentIds.flatMap((contentId) =>
          NETWORKS.map((network) => ({ id: randomUUID(), contentId, network, sharedAt: new Date().toISOString() })),
        ),
      },
    });
    await expectStatus(shared, 200, 'share');
  }
  if (new Set(paths).size !== LINKS) throw new Error(`expected ${LINKS} distinct links, got ${new Set(paths).size}`);
  return shuffled(paths, 7);
}
