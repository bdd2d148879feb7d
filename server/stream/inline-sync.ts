/**
 * Sync answers for many connected extensions at once, to carry inside the stream's nudge: the same
 * answer GET /v1/sync would give each one for the cursor it last reported, made with a handful of
 * queries for all of them (one read of the changed posts and documents, advocates and links in
 * batches) instead of one request each. An extension whose cursor no longer fits (its language,
 * audience or link kind changed) or whose delta would be large gets no answer here and syncs itself.
 */
import { sql } from 'kysely';
import type { AdvocatePrincipal, Deps } from '../context';
import { principalFromRow } from '../services/advocate-principal';
import { groupIdsColumn } from '../services/audiences';
import { decodeCursor, type Cursor } from '../services/cursor';
import { readDocuments, type DocumentBodies } from '../services/documents';
import { linksForMany } from '../services/links';
import { changedRows, cursorFits, etagFor, linkTargets, noteSyncs, theirRows } from '../services/sync-answer';
import { AnswerJson } from './answer-json';
import type { ContentRow } from '../services/content';
import type { SyncState } from '../services/sync-state';

/** A delta with more changed posts than this is not carried in the stream: the extension fetches it. */
export const MAX_INLINE_ROWS = 20;
const ADVOCATE_BATCH = 500;

export interface InlineRequest {
  advocateId: string;
  /** The cursor the extension reported it holds. */
  cursor: string;
}

export interface InlineAnswer {
  /** The answer's JSON: what GET /v1/sync would send as its body. */
  answer: string;
  /** The cursor in it: what the extension holds once it applied it. */
  cursor: string;
  etag: string;
}

/** The key of a request's answer: one advocate may have several browsers at different cursors. */
export const inlineKey = (request: InlineRequest) => `${request.advocateId} ${request.cursor}`;

/** Reads the advocates as authentication does (groups, region, language), still with access. */
async function principals(deps: Deps, ids: string[]): Promise<Map<string, AdvocatePrincipal>> {
  const found = new Map<string, AdvocatePrincipal>();
  // PostgreSQL takes them all as one array parameter; SQLite a list of 500 at a time.
  const perQuery = deps.dialect === 'postgres' ? ids.length : ADVOCATE_BATCH;
  for (let i = 0; i < ids.length; i += perQuery) {
    const some = ids.slice(i, i + perQuery);
    const query = deps.db
      .selectFrom('advocates')
      .select(['advocates.id', 'advocates.name', 'advocates.ref', 'advocates.click_tracking', 'advocates.leaderboard'])
      .select(['advocates.last_sync_at', 'advocates.region', 'advocates.language', 'advocates.language_source'])
      .select(groupIdsColumn(deps.dialect).as('group_ids'))
      .where('advocates.access_ended', 'is', null);
    const rows = await (
      deps.dialect === 'postgres'
        ? query.where(sql<boolean>`advocates.id = any(${some}::text[])`)
        : query.where('advocates.id', 'in', some)
    ).execute();
    for (const row of rows) found.set(row.id, principalFromRow(row));
  }
  return found;
}

/** The reads SharedReads shares (the database's, unless a test gives its own). */
export interface PublishReads {
  changedRows(since: { seq: number; time: number }): Promise<ContentRow[]>;
  readDocuments(): Promise<DocumentBodies>;
}

/**
 * What the batches of one publish read alike: the posts changed since the oldest cursor (the same
 * for every batch, usually) and the documents, each read once. A read that failed is not kept: the
 * next batch reads again (the failed batch's extensions get the plain nudge).
 */
export class SharedReads implements PublishReads {
  private readonly kept = new Map<string, Promise<unknown>>();
  private readonly source: PublishReads;

  constructor(deps: Deps, now: number, source?: PublishReads) {
    this.source = source ?? {
      changedRows: (since) => changedRows(deps, since, now),
      readDocuments: () => readDocuments(deps.db),
    };
  }

  changedRows(since: { seq: number; time: number }): Promise<ContentRow[]> {
    return this.once(`rows ${since.seq} ${since.time}`, () => this.source.changedRows(since));
  }

  readDocuments(): Promise<DocumentBodies> {
    return this.once('documents', () => this.source.readDocuments());
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const reading = read();
    this.kept.set(key, reading);
    reading.catch(() => {
      if (this.kept.get(key) === reading) this.kept.delete(key);
    });
    return reading;
  }
}

/** What GET /v1/sync's delta query returns for `cursor`, picked from rows read for an earlier one. */
function changedSince(rows: Awaited<ReturnType<typeof changedRows>>, cursor: Cursor, now: number) {
  return rows.filter(
    (row) =>
      Number(row.seq) > cursor.seq ||
      (row.publish_at !== null && row.publish_at > cursor.time && row.publish_at <= now) ||
      (row.expires_at !== null && row.expires_at > cursor.time && row.expires_at <= now),
  );
}

/** The answers it could make, by `inlineKey`; requests left out are to be nudged plainly. */
export async function inlineAnswers(
  deps: Deps,
  requests: InlineRequest[],
  state: SyncState,
  now: number,
  reads: SharedReads = new SharedReads(deps, now),
): Promise<Map<string, InlineAnswer>> {
  const answers = new Map<string, InlineAnswer>();
  const decoded: { request: InlineRequest; cursor: Cursor }[] = [];
  for (const request of requests) {
    try {
      decoded.push({ request, cursor: decodeCursor(request.cursor, { seq: state.seq, now }) });
    } catch {
      // Not a cursor this server issued: the extension's own sync learns that.
    }
  }
  if (decoded.length === 0) return answers;
  const oldest = {
    seq: Math.min(...decoded.map(({ cursor }) => cursor.seq)),
    time: Math.min(...decoded.map(({ cursor }) => cursor.time)),
  };
  const [rows, documents] = await Promise.all([reads.changedRows(oldest), reads.readDocuments()]);
  if (rows.length > MAX_INLINE_ROWS) return answers;
  const advocates = await principals(deps, [...new Set(decoded.map(({ request }) => request.advocateId))]);
  await noteSyncs(deps, advocates.values(), now);
  const json = new AnswerJson(documents, state, now);

  // Requests that share their posts (the usual case: one new post for everyone) share one links call.
  const groups = new Map<
    string,
    { advocate: AdvocatePrincipal; request: InlineRequest; theirs: ReturnType<typeof theirRows> }[]
  >();
  for (const { request, cursor } of decoded) {
    const advocate = advocates.get(request.advocateId);
    if (!advocate || !cursorFits(advocate, cursor)) continue;
    const theirs = theirRows(deps, advocate, changedSince(rows, cursor, now), false, now);
    const key = theirs.live.map(({ row }) => row.id).join(' ');
    const group = groups.get(key) ?? [];
    group.push({ advocate, request, theirs });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const owners = [...new Map(group.map(({ advocate }) => [advocate.id, advocate])).values()];
    const links = await linksForMany(deps.db, owners, linkTargets(group[0]!.theirs.live), {
      publicUrl: deps.config.publicUrl,
      utmMedium: deps.config.utmMedium,
      now,
      dialect: deps.dialect,
      handedOut: (owner, code, contentId, network) =>
        deps.links.remember(
          { code, advocateId: owner.id, contentId, network },
          { ref: owner.ref, tracking: owner.clickTracking },
        ),
    });
    for (const { advocate, request, theirs } of group) {
      const written = json.write(advocate, theirs, links.get(advocate.id) ?? new Map());
      answers.set(inlineKey(request), {
        answer: written.json,
        cursor: written.cursor,
        etag: etagFor(state, advocate.clickTracking, advocate.audience, advocate.language),
      });
    }
  }
  return answers;
}
