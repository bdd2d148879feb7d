/** GET /v1/sync's answer: content changed since a cursor (or all live), with the advocate's links, guidelines and scoring. */
import { audienceFingerprint, inAudience, type AdvocateAudience } from '../../lib/audiences';
import { languageFor, postLanguages, textIn } from '../../lib/content-language';
import { guidelinesFor } from '../../lib/guidelines/for-language';
import { acceptLanguage } from '../../lib/languages';
import { syncedScoringRules, type AdvocateItem, type Links, type Network, type SyncResponse } from '../../lib/schemas';
import type { AdvocatePrincipal, Deps } from '../context';
import { offerLanguage } from './advocate-language';
import { isLive, toContentItem, type ContentRow } from './content';
import { encodeCursor, languageMark, type Cursor } from './cursor';
import { readDocuments, type DocumentBodies } from './documents';
import { linksFor, type LinkTarget } from './links';
import type { SyncState } from './sync-state';

/** The ETag: the shared state, the advocate's link kind, their groups and region (the audience fingerprint) and their language: what they are sent depends on each. */
export function etagFor(
  state: Pick<SyncState, 'seq' | 'boundary'>,
  clickTracking: boolean,
  audience: AdvocateAudience,
  language: string | null = null,
): string {
  const kind = clickTracking ? 't' : 'd';
  const base = `${state.seq.toString(36)}-${state.boundary.toString(36)}-${kind}-${audienceFingerprint(audience)}`;
  return `W/"${base}${language ? `-${language}` : ''}"`;
}

/** last_sync_at is written at most this often per advocate, so polling stays read-only. */
const LAST_SYNC_RESOLUTION_MS = 5 * 60_000;

/** Advocates whose last_sync_at is written per statement when many synced at once. */
const NOTE_BATCH = 500;

export async function noteSync(deps: Deps, advocate: AdvocatePrincipal, now: number): Promise<void> {
  await noteSyncs(deps, [advocate], now);
}

/** Records that these advocates synced now (a publish carried their answers), at the same resolution. */
export async function noteSyncs(deps: Deps, advocates: Iterable<AdvocatePrincipal>, now: number): Promise<void> {
  const stale = [...advocates]
    .filter((advocate) => advocate.lastSyncAt === null || now - advocate.lastSyncAt >= LAST_SYNC_RESOLUTION_MS)
    .map((advocate) => advocate.id);
  for (let i = 0; i < stale.length; i += NOTE_BATCH)
    await deps.db
      .updateTable('advocates')
      .set({ last_sync_at: now })
      .where('id', 'in', stale.slice(i, i + NOTE_BATCH))
      .execute();
}

/**
 * The advocate with the extension's Accept-Language as their language, recorded ('browser') when
 * nothing better is known (no choice in the popup, nothing from the identity provider).
 */
export async function withBrowserLanguage(
  deps: Deps,
  advocate: AdvocatePrincipal,
  header: string | undefined,
): Promise<AdvocatePrincipal> {
  if (advocate.languageSource !== null && advocate.languageSource !== 'browser') return advocate;
  const tag = acceptLanguage(header);
  if (tag === undefined || tag === advocate.language) return advocate;
  const changed = await offerLanguage(deps.db, advocate.id, tag, 'browser', advocate);
  return changed ? { ...advocate, language: tag, languageSource: 'browser' } : advocate;
}

/**
 * Rows changed since `since` (or every live row): from the change counter and the clock, so scheduled
 * items appear once due and expired ones disappear with nobody touching them.
 */
export async function changedRows(
  deps: Deps,
  since: { seq: number; time: number } | null,
  now: number,
): Promise<ContentRow[]> {
  if (!since) {
    return deps.db
      .selectFrom('content')
      .selectAll()
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]))
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
  }
  // The cursor's snapshot counted as live exactly the rows due and unexpired at `since.time`, so
  // only schedule and expiry boundaries after that moment change what the client has. (Writes are
  // caught by seq.) Widening this window would resend unchanged items on every delta.
  const from = since.time;
  return deps.db
    .selectFrom('content')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('seq', '>', since.seq),
        eb.and([eb('publish_at', '>', from), eb('publish_at', '<=', now)]),
        eb.and([eb('expires_at', '>', from), eb('expires_at', '<=', now)]),
      ]),
    )
    .execute();
}

/** The delta since the cursor plus every live item (its links are to be replaced). */
async function allChangedRows(deps: Deps, since: { seq: number; time: number }, now: number): Promise<ContentRow[]> {
  const [delta, live] = await Promise.all([changedRows(deps, since, now), changedRows(deps, null, now)]);
  return [...new Map([...delta, ...live].map((row) => [row.id, row])).values()];
}

/**
 * Whether a delta from `cursor` is enough for this advocate: their link kind, language and audience
 * are what they were when they got it. Otherwise every live item is sent again.
 */
export function cursorFits(advocate: AdvocatePrincipal, cursor: Cursor): boolean {
  return (
    Boolean(cursor.direct) === !advocate.clickTracking &&
    cursor.language === languageMark(advocate.language) &&
    cursor.audience === audienceFingerprint(advocate.audience)
  );
}

/** The advocate's live rows among `rows` (newest first) and the ids they must drop. */
export function theirRows(
  deps: Deps,
  advocate: AdvocatePrincipal,
  rows: ContentRow[],
  snapshot: boolean,
  now: number,
): { live: { row: ContentRow; networks: Network[] }[]; removed: string[] } {
  // A changed row outside their audience is listed as removed: it may have been theirs before (the
  // post's audiences or theirs changed). Removing an id the client does not hold changes nothing.
  const theirs = (row: ContentRow) => isLive(row, now) && inAudience(deps.content.audienceOf(row), advocate.audience);
  const live = rows.filter(theirs);
  const removed = snapshot ? [] : rows.filter((row) => !theirs(row)).map((row) => row.id);
  live.sort((a, b) => (b.publish_at ?? b.created_at) - (a.publish_at ?? a.created_at) || a.id.localeCompare(b.id));
  return { live: live.map((row) => ({ row, networks: JSON.parse(row.networks) as Network[] })), removed };
}

/** What the advocate's links are made for. */
export function linkTargets(live: { row: ContentRow; networks: Network[] }[]): LinkTarget[] {
  return live.map(({ row, networks }) => ({
    id: row.id,
    url: row.url,
    title: row.title,
    campaign: row.campaign,
    networks,
  }));
}

/** A post as an advocate whose language is `language` gets it, without their links. */
export function itemIn(row: ContentRow, language: string | null, now: number): Omit<AdvocateItem, 'links'> {
  const { status: _status, audiences: _audiences, translations, ...item } = toContentItem(row, now);
  // In the advocate's language (exact, else its primary subtag, else the post's own).
  const post = { ...item, translations };
  const text = textIn(post, languageFor(post, language));
  return { ...item, ...text, languages: postLanguages(post) };
}

/** The cursor an answer made now gives the advocate. */
export function answerCursor(advocate: AdvocatePrincipal, state: SyncState, now: number): string {
  return encodeCursor({
    seq: state.seq,
    time: now,
    direct: !advocate.clickTracking,
    audience: audienceFingerprint(advocate.audience),
    language: languageMark(advocate.language),
  });
}

/** The answer itself, once their rows, the documents and their links are known. */
export function composeAnswer(
  advocate: AdvocatePrincipal,
  theirs: { live: { row: ContentRow }[]; removed: string[] },
  documents: DocumentBodies,
  links: Map<string, Links>,
  state: SyncState,
  now: number,
): SyncResponse {
  const content: AdvocateItem[] = theirs.live.map(({ row }) => ({
    ...itemIn(row, advocate.language, now),
    links: links.get(row.id) ?? {},
  }));
  return {
    cursor: answerCursor(advocate, state, now),
    content,
    removed: theirs.removed,
    // Resolved for the advocate's language, without per-language sections (old extensions parse it).
    guidelines: guidelinesFor(documents.guidelines, advocate.language),
    scoring: syncedScoringRules(documents.scoring),
    selectorOverrides: documents.selectors,
  };
}

export async function syncAnswer(
  deps: Deps,
  advocate: AdvocatePrincipal,
  cursor: Cursor | null,
  state: SyncState,
  now: number,
): Promise<SyncResponse> {
  // The advocate's link kind, language or audience changed since this cursor: every live item's
  // links, text or presence may have changed.
  const [rows, documents] = await Promise.all([
    cursor !== null && !cursorFits(advocate, cursor)
      ? allChangedRows(deps, cursor, now)
      : changedRows(deps, cursor, now),
    readDocuments(deps.db),
  ]);
  const theirs = theirRows(deps, advocate, rows, cursor === null, now);
  const links = await linksFor(deps.db, advocate, linkTargets(theirs.live), {
    publicUrl: deps.config.publicUrl,
    utmMedium: deps.config.utmMedium,
    now,
    dialect: deps.dialect,
    handedOut: (code, contentId, network) =>
      deps.links.remember(
        { code, advocateId: advocate.id, contentId, network },
        { ref: advocate.ref, tracking: advocate.clickTracking },
      ),
  });
  return composeAnswer(advocate, theirs, documents, links, state, now);
}
