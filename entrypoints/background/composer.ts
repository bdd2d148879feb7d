/**
 * What the LinkedIn and X composer content scripts ask the background: the posts to offer with
 * this advocate's text and links, the guidelines and today's share count (the checks run in the
 * page, on text that never leaves it), and the share to log once a composer holding Relay content
 * was published. Messages arrive validated (messages/); the content scripts carry no zod.
 */
import { compileGuidelines } from '../../lib/guidelines';
import { DAY_MS } from '../../lib/scoring/calendar';
import type { ComposerNetwork } from '../../lib/networks';
import { pickVariantIndex } from '../../lib/render';
import { DEFAULT_GUIDELINES, type AdvocateItem } from '../../lib/schemas';
import { getMeta, type RelayDexie } from './db';
import { hasMessage, t } from '../../components/shared/i18n';
import type {
  ComposerBrief,
  ComposerData,
  ComposerItem,
  ComposerShareResult,
  StandInLabels,
} from '../../components/shared/views';
import type { ComposerRequest } from './messages/composer-data';
import type { ComposerShareRequest } from './messages/composer-share';
import { recordShare } from './outbox';
import { suggestion } from './suggestion';

/** What a composer gets while the advocate is not enrolled. */
export const NOT_ENROLLED: ComposerData = {
  enrolled: false,
  items: [],
  guidelines: DEFAULT_GUIDELINES,
  sharesToday: 0,
  relayLinks: [],
};

/** Published (or unscheduled) and not expired at `now`. */
function isLive(item: AdvocateItem, now: number): boolean {
  if (item.publishAt && Date.parse(item.publishAt) > now) return false;
  return !(item.expiresAt && Date.parse(item.expiresAt) <= now);
}

/**
 * 00:00 UTC of `now`'s day, as the ISO string the share log sorts by: the daily share cap counts
 * shares per UTC day, as scoring does (lib/scoring), so the warning and the points agree.
 */
export function startOfUtcDay(now: number): string {
  return new Date(Math.floor(now / DAY_MS) * DAY_MS).toISOString();
}

/** The network's live content, newest first. */
function liveFor(content: AdvocateItem[], network: ComposerNetwork, now: number): AdvocateItem[] {
  return content
    .filter((item) => item.networks.includes(network) && isLive(item, now))
    .sort((a, b) => (b.publishAt ?? b.createdAt).localeCompare(a.publishAt ?? a.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The stand-in button's words, from this worker's catalog (components/composer/stand-in.ts). None
 * when the catalog gives none: a worker's `i18n.getMessage` was seen to answer '' now and then, and
 * the page's script then asks its own catalog rather than show a key.
 */
const standInLabels = (): { labels: StandInLabels } | Record<string, never> =>
  hasMessage('composer_suggested') && hasMessage('composer_toggle_title')
    ? { labels: { suggested: t('composer_suggested'), toggleTitle: t('composer_toggle_title') } }
    : {};

/**
 * What a composer that nobody has turned to yet needs to know (whether to show the "Suggested
 * posts" button, with how many posts): the same counts as composerData, without the texts, links
 * and guidelines, so a page with a composer at every visit (X's home) reads a few bytes. It also
 * carries the site's selector overrides, which the page needs before it looks for composers.
 */
export async function composerBrief(
  db: RelayDexie,
  request: ComposerRequest,
  now = Date.now(),
): Promise<ComposerBrief> {
  const overrides = (await getMeta(db, 'selectorOverrides'))?.[request.network];
  const selectorOverrides = overrides && Object.keys(overrides).length > 0 ? { selectorOverrides: overrides } : {};
  if (!(await getMeta(db, 'enrollment')))
    return { enrolled: false, items: 0, checksOwnPosts: false, ...selectorOverrides };
  const [content, guidelines] = await Promise.all([db.content.toArray(), getMeta(db, 'guidelines')]);
  const items = liveFor(content, request.network, now).length;
  return {
    enrolled: true,
    items,
    checksOwnPosts: (guidelines?.companyNames?.length ?? 0) > 0,
    ...selectorOverrides,
    ...(items > 0 ? standInLabels() : {}),
  };
}

export async function composerData(db: RelayDexie, request: ComposerRequest, now = Date.now()): Promise<ComposerData> {
  const network: ComposerNetwork = request.network;
  const enrollment = await getMeta(db, 'enrollment');
  if (!enrollment) return NOT_ENROLLED;
  const [content, guidelines, sharesToday] = await Promise.all([
    db.content.toArray(),
    getMeta(db, 'guidelines'),
    db.shares.where('sharedAt').aboveOrEqual(startOfUtcDay(now)).count(),
  ]);
  const live = liveFor(content, network, now);
  const rules = guidelines ? compileGuidelines(guidelines) : undefined;
  const items: ComposerItem[] = live.map((item) => {
    const advocateId = enrollment.advocate.id;
    const { text, link } = suggestion(item, network, advocateId, rules);
    const count = item.variants[network]?.length ?? 0;
    // The same pick as suggestedText's, so the label names the text shown.
    const variant = count > 0 ? { number: pickVariantIndex(count, advocateId, item.id) + 1, of: count } : null;
    return { id: item.id, title: item.title, tags: item.tags, text, link, variant };
  });
  const relayLinks: ComposerData['relayLinks'] = [];
  for (const [index, item] of live.entries()) {
    const links = new Set([...Object.values(item.links), items[index]?.link]);
    for (const link of links) if (link) relayLinks.push({ contentId: item.id, link });
  }
  return { enrolled: true, items, guidelines: guidelines ?? DEFAULT_GUIDELINES, sharesToday, relayLinks };
}

/** Logs a share published from a composer (source 'composer'), once per `shareId`. */
export async function composerShare(
  db: RelayDexie,
  request: ComposerShareRequest,
  now = Date.now(),
): Promise<ComposerShareResult> {
  const { shareId, contentId, network, personalized } = request;
  const [item, enrollment, existing] = await Promise.all([
    db.content.get(contentId),
    getMeta(db, 'enrollment'),
    db.shares.get(shareId),
  ]);
  if (existing) return { ok: true, shareId };
  if (!enrollment) return { ok: false, message: 'Not enrolled.' };
  if (!item) return { ok: false, message: 'This post is no longer available.' };
  if (!item.networks.includes(network)) return { ok: false, message: `This post is not meant for ${network}.` };
  const local = await recordShare(db, { contentId, network, personalized, source: 'composer' }, now, shareId);
  return { ok: true, shareId: local.id };
}
