/**
 * Each advocate's share links: a tracked `/r/<code>` per advocate, content and network, made on
 * first sync and reused after, or the direct UTM-tagged URL when the advocate turned tracking off.
 */
import type { Kysely } from 'kysely';
import type { Links, Network } from '../../lib/schemas';
import { buildUtmUrl, slugify } from '../../lib/utm';
import { randomString } from '../crypto';
import type { Database } from '../db/schema';

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

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const newCode = () => randomString(10, CODE_ALPHABET);

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

export async function linksFor(
  db: Kysely<Database>,
  owner: LinkOwner,
  targets: LinkTarget[],
  options: {
    publicUrl: string;
    utmMedium: string;
    now: number;
    /** Told of every tracked link handed out (the link directory keeps them for redirects). */
    handedOut?: (code: string, contentId: string, network: Network) => void;
  },
): Promise<Map<string, Links>> {
  const result = new Map<string, Links>();
  if (!owner.clickTracking) {
    for (const target of targets) {
      const links: Links = {};
      for (const network of target.networks)
        links[network] = destinationUrl(target, network, owner.ref, options.utmMedium);
      result.set(target.id, links);
    }
    return result;
  }
  if (targets.length === 0) return result;

  const codes = await existingCodes(db, owner.id, targets);
  const missing = targets.flatMap((target) =>
    target.networks
      .filter((network) => !codes.has(`${target.id}:${network}`))
      .map((network) => ({
        code: newCode(),
        advocate_id: owner.id,
        content_id: target.id,
        network,
        created_at: options.now,
      })),
  );
  if (missing.length > 0) {
    for (let i = 0; i < missing.length; i += 500) {
      await db
        .insertInto('links')
        .values(missing.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['advocate_id', 'content_id', 'network']).doNothing())
        .execute();
    }
    // Another sync of the same advocate may have won a race: read back what is stored.
    for (const [key, code] of await existingCodes(db, owner.id, targets)) codes.set(key, code);
  }
  for (const target of targets) {
    const links: Links = {};
    for (const network of target.networks) {
      const code = codes.get(`${target.id}:${network}`);
      if (!code) continue;
      links[network] = `${options.publicUrl}/r/${code}`;
      options.handedOut?.(code, target.id, network);
    }
    result.set(target.id, links);
  }
  return result;
}

async function existingCodes(
  db: Kysely<Database>,
  advocateId: string,
  targets: LinkTarget[],
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (let i = 0; i < targets.length; i += 500) {
    const rows = await db
      .selectFrom('links')
      .select(['code', 'content_id', 'network'])
      .where('advocate_id', '=', advocateId)
      .where(
        'content_id',
        'in',
        targets.slice(i, i + 500).map((target) => target.id),
      )
      .execute();
    for (const row of rows) codes.set(`${row.content_id}:${row.network}`, row.code);
  }
  return codes;
}
