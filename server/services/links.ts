/**
 * Each advocate's share links: a tracked `/r/<code>` per advocate, content and network, made on
 * first sync and reused after, or the direct UTM-tagged URL when the advocate turned tracking off.
 */
import type { Kysely } from 'kysely';
import type { Links, Network } from '../../lib/schemas';
import { buildUtmUrl, slugify } from '../../lib/utm';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';
import { insertLinks, type LinkRow } from './link-inserts';
import { newLinkCode } from './link-codes';

export interface LinkTarget {
  id: string;
  url: string;
  title: string;
  campaign: string | null;
  networks: Network[];
}

export interface LinkOwner {
  id: string;
  ref: string;
  clickTracking: boolean;
}

/** The destination a share link leads to: the content URL with this advocate's UTM tags. */
export function destinationUrl(
  target: Pick<LinkTarget, 'url' | 'title' | 'campaign'>,
  network: Network,
  advocateRef: string,
  medium: string,
): string {
  return buildUtmUrl(target.url, {
    source: network,
    medium,
    campaign: target.campaign ? slugify(target.campaign) : slugify(target.title),
    content: advocateRef,
  });
}

interface LinkOptions {
  publicUrl: string;
  utmMedium: string;
  now: number;
  /** How a batch's new links are written (link-inserts.ts). */
  dialect: DialectName;
  /** Told of every tracked link handed out (the link directory keeps them for redirects). */
  handedOut?: (owner: LinkOwner, code: string, contentId: string, network: Network) => void;
}

export async function linksFor(
  db: Kysely<Database>,
  owner: LinkOwner,
  targets: LinkTarget[],
  options: Omit<LinkOptions, 'handedOut'> & {
    handedOut?: (code: string, contentId: string, network: Network) => void;
  },
): Promise<Map<string, Links>> {
  const { handedOut } = options;
  const all = await linksForMany(db, [owner], targets, {
    ...options,
    handedOut: handedOut && ((_owner, code, contentId, network) => handedOut(code, contentId, network)),
  });
  return all.get(owner.id) ?? new Map();
}

/** Rows written or read per statement: a few thousand, under both databases' parameter limits. */
const LINK_BATCH = 2_000;

/**
 * The links of many advocates to the same posts, in a few statements (a publish reaching every
 * connected extension): by advocate id, then content id.
 */
export async function linksForMany(
  db: Kysely<Database>,
  owners: LinkOwner[],
  targets: LinkTarget[],
  options: LinkOptions,
): Promise<Map<string, Map<string, Links>>> {
  const result = new Map<string, Map<string, Links>>();
  // In advocate order, as the links_owner index is: each statement then writes to one stretch of it.
  const tracked = owners
    .filter((owner) => owner.clickTracking)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const owner of owners) {
    if (owner.clickTracking) continue;
    const links = new Map<string, Links>();
    for (const target of targets) {
      const byNetwork: Links = {};
      for (const network of target.networks)
        byNetwork[network] = destinationUrl(target, network, owner.ref, options.utmMedium);
      links.set(target.id, byNetwork);
    }
    result.set(owner.id, links);
  }
  if (targets.length === 0) {
    for (const owner of tracked) result.set(owner.id, new Map());
    return result;
  }
  const perOwner = Math.max(
    1,
    targets.reduce((sum, target) => sum + target.networks.length, 0),
  );
  const ownersPerBatch = Math.max(1, Math.floor(LINK_BATCH / perOwner));
  // One advocate's sync: most codes exist, so they are read first. Many advocates (a publish
  // reaching every connection, usually a new post): the codes are inserted at once, and the
  // batch's stored codes are read back only when some already existed.
  const many = tracked.length > ownersPerBatch;
  const codes = new Map<string, string>();
  for (let i = 0; i < tracked.length; i += ownersPerBatch) {
    const batch = tracked.slice(i, i + ownersPerBatch);
    if (!many) for (const [key, code] of await existingCodes(db, batch, targets)) codes.set(key, code);
    const missing: LinkRow[] = batch.flatMap((owner) =>
      targets.flatMap((target) =>
        target.networks
          .filter((network) => !codes.has(`${owner.id}:${target.id}:${network}`))
          .map((network) => ({
            code: newLinkCode(options.now),
            advocate_id: owner.id,
            content_id: target.id,
            network,
            created_at: options.now,
          })),
      ),
    );
    const written = await insertLinks(db, options.dialect, missing);
    if (written === missing.length) {
      for (const row of missing) codes.set(`${row.advocate_id}:${row.content_id}:${row.network}`, row.code);
    } else {
      // Some existed already, or another sync of the same advocate won a race: what is stored counts.
      for (const [key, code] of await existingCodes(db, batch, targets)) codes.set(key, code);
    }
    for (const owner of batch) {
      const links = new Map<string, Links>();
      for (const target of targets) {
        const byNetwork: Links = {};
        for (const network of target.networks) {
          const code = codes.get(`${owner.id}:${target.id}:${network}`);
          if (!code) continue;
          byNetwork[network] = `${options.publicUrl}/r/${code}`;
          options.handedOut?.(owner, code, target.id, network);
        }
        links.set(target.id, byNetwork);
      }
      result.set(owner.id, links);
    }
  }
  return result;
}

/** Stored codes of these advocates for these posts, keyed `advocate:content:network`. */
async function existingCodes(
  db: Kysely<Database>,
  owners: LinkOwner[],
  targets: LinkTarget[],
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const ids = owners.map((owner) => owner.id);
  // Few advocates (one sync): page through their posts; many (a publish): their few posts at once.
  const pageSize = Math.max(1, Math.floor(LINK_BATCH / Math.max(1, ids.length)));
  for (let i = 0; i < targets.length; i += pageSize) {
    const rows = await db
      .selectFrom('links')
      .select(['code', 'advocate_id', 'content_id', 'network'])
      .where('advocate_id', ids.length === 1 ? '=' : 'in', ids.length === 1 ? ids[0]! : ids)
      .where(
        'content_id',
        'in',
        targets.slice(i, i + pageSize).map((target) => target.id),
      )
      .execute();
    for (const row of rows) codes.set(`${row.advocate_id}:${row.content_id}:${row.network}`, row.code);
  }
  return codes;
}
