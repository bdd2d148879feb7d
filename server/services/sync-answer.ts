/** GET /v1/sync's answer: content changed since a cursor (or all live), with the advocate's links, guidelines and scoring. */
import { audienceFingerprint, inAudience } from '../../lib/audiences';
import { languageFor, postLanguages, textIn } from '../../lib/content-language';
import { guidelinesFor } from '../../lib/guidelines/for-language';
import { acceptLanguage } from '../../lib/languages';
import { syncedScoringRules, type AdvocateItem, type Network, type SyncResponse } from '../../lib/schemas';
import type { AdvocatePrincipal, Deps } from '../context';
import { offerLanguage } from './advocate-language';
import { isLive, toContentItem, type ContentRow } from './content';
import { encodeCursor, languageMark, type Cursor } from './cursor';
import { readDocuments } from './documents';
import { linksFor } from './links';
import type { SyncState } from './sync-state';

/** last_sync_at is written at most this often per advocate, so polling stays read-only. */
const LAST_SYNC_RESOLUTION_MS = 5 * 60_000;

export async function noteSync(deps: Deps, advocate: AdvocatePrincipal, now: number): Promise<void> {
  if (advocate.lastSyncAt !== null && now - advocate.lastSyncAt < LAST_SYNC_RESOLUTION_MS) return;
  await deps.db.updateTable('advocates').set({ last_sync_at: now }).where('id', '=', advocate.id).execute();
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
async function changedRows(
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

export async function syncAnswer(
  deps: Deps,
  advocate: AdvocatePrincipal,
  cursor: Cursor | null,
  state: SyncState,
  now: number,
): Promise<SyncResponse> {
  // The advocate switched click tracking since this cursor: every live item's links changed.
  const linksChanged = cursor !== null && Boolean(cursor.direct) !== !advocate.clickTracking;
  // Or their language since: every live item's text may be in another language now, and items for
  // a language audience may have come or gone.
  const languageChanged = cursor !== null && cursor.language !== languageMark(advocate.language);
  // Their groups or region changed since this cursor: every live item may have come into or gone
  // out of their audience.
  const fingerprint = audienceFingerprint(advocate.audience);
  const audienceChanged = cursor !== null && cursor.audience !== fingerprint;
  const [rows, documents] = await Promise.all([
    linksChanged || languageChanged || audienceChanged
      ? allChangedRows(deps, cursor, now)
      : changedRows(deps, cursor, now),
    readDocuments(deps.db),
  ]);
  // A changed row outside their audience is listed as removed: it may have been theirs before (the
  // post's audiences or theirs changed). Removing an id the client does not hold changes nothing.
  const theirs = (row: ContentRow) => isLive(row, now) && inAudience(deps.content.audienceOf(row), advocate.audience);
  const live = rows.filter(theirs);
  const removed = cursor === null ? [] : rows.filter((row) => !theirs(row)).map((row) => row.id);
  live.sort((a, b) => (b.publish_at ?? b.created_at) - (a.publish_at ?? a.created_at) || a.id.localeCompare(b.id));
  const parsed = live.map((row) => ({ row, networks: JSON.parse(row.networks) as Network[] }));
  const links = await linksFor(
    deps.db,
    advocate,
    parsed.map(({ row, networks }) => ({
      id: row.id,
      url: row.url,
      title: row.title,
      campaign: row.campaign,
      networks,
    })),
    {
      publicUrl: deps.config.publicUrl,
      utmMedium: deps.config.utmMedium,
      now,
      handedOut: (code, contentId, network) =>
        deps.links.remember(
          { code, advocateId: advocate.id, contentId, network },
          { ref: advocate.ref, tracking: advocate.clickTracking },
        ),
    },
  );
  const content: AdvocateItem[] = parsed.map(({ row }) => {
    const { status: _status, audiences: _audiences, translations, ...item } = toContentItem(row, now);
    // In the advocate's language (exact, else its primary subtag, else the post's own).
    const post = { ...item, translations };
    const text = textIn(post, languageFor(post, advocate.language));
    return { ...item, ...text, languages: postLanguages(post), links: links.get(row.id) ?? {} };
  });
  return {
    cursor: encodeCursor({
      seq: state.seq,
      time: now,
      direct: !advocate.clickTracking,
      audience: fingerprint,
      language: languageMark(advocate.language),
    }),
    content,
    removed,
    // Resolved for the advocate's language, without per-language sections (old extensions parse it).
    guidelines: guidelinesFor(documents.guidelines, advocate.language),
    scoring: syncedScoringRules(documents.scoring),
    selectorOverrides: documents.selectors,
  };
}
