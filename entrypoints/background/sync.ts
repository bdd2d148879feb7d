/**
 * One sync with the server: a delta from the stored cursor (304 when nothing changed), read with
 * the tolerant read schemas (what a newer server adds is left out) and written in ONE Dexie
 * transaction. An invalid payload changes nothing and is reported in the sync status; a cursor the
 * server refuses triggers a full snapshot; an answer the stream carried for the stored cursor spares
 * the request; a server that needs a newer extension (426) changes
 * nothing and is recorded as `client-too-old`. A token the server no longer takes changes nothing
 * here: the controller clears everything.
 */
import { readSyncResponseSchema, type InlineSync } from '../../lib/schemas/read';
import { getMeta, setMeta, type RelayDexie, type SyncStatus } from './db';
import { ApiError, type ApiClient } from './api-client';

export interface SyncOutcome {
  changed: boolean;
  /** Ids of posts that were not in the local store before (not counted on the first snapshot). */
  added: string[];
  status: SyncStatus;
  /** The server said the token no longer works: nothing was written (the controller ends access). */
  accessEnded?: boolean;
  /** The selector overrides changed: open composer pages are told to ask for them again. */
  selectorsChanged?: boolean;
}

/** What the popup says when the server needs a newer extension. */
export const CLIENT_TOO_OLD_MESSAGE = 'Update Relay to keep receiving posts.';

function describe(error: unknown, clientVersion: string | undefined): SyncStatus['error'] {
  if (error instanceof ApiError) {
    if (error.kind === 'offline') return { kind: 'offline', message: error.message };
    if (error.clientTooOld)
      return { kind: 'client-too-old', message: CLIENT_TOO_OLD_MESSAGE, ...(clientVersion ? { clientVersion } : {}) };
    if (error.status === 401)
      return {
        kind: 'signed-out',
        message: 'Your Relay sign-in is no longer valid. Connect again with an invite code.',
      };
    return { kind: 'server', message: error.message };
  }
  return { kind: 'server', message: (error as Error).message };
}

/**
 * `inline`: an answer the stream carried; used instead of the request when it is for the cursor
 * stored here (and read with the same schema), else the sync fetches as usual.
 */
export async function syncOnce(
  db: RelayDexie,
  client: ApiClient,
  now = () => new Date(),
  inline?: InlineSync,
): Promise<SyncOutcome> {
  const [cursor, etag, previous] = await Promise.all([
    getMeta(db, 'cursor'),
    getMeta(db, 'etag'),
    getMeta(db, 'status'),
  ]);
  const attemptAt = now().toISOString();
  const fail = async (error: SyncStatus['error']): Promise<SyncOutcome> => {
    const status: SyncStatus = { ...previous, lastAttemptAt: attemptAt, error };
    await setMeta(db, 'status', status);
    return { changed: false, added: [], status };
  };

  let answer;
  try {
    answer =
      inline && cursor === inline.since
        ? { status: 200 as const, body: inline.answer, etag: inline.etag }
        : await client.sync(cursor, etag);
  } catch (error) {
    if (error instanceof ApiError && error.accessEnd) {
      return { changed: false, added: [], status: previous ?? { error: null }, accessEnded: true };
    }
    if (error instanceof ApiError && error.status === 400 && error.problemType === 'bad-cursor' && cursor) {
      await db.transaction('rw', db.meta, async () => {
        await db.meta.bulkDelete(['cursor', 'etag']);
      });
      return syncOnce(db, client, now);
    }
    return fail(describe(error, client.clientVersion));
  }

  if (answer.status === 304) {
    const status: SyncStatus = { lastSyncAt: attemptAt, lastAttemptAt: attemptAt, error: null };
    await setMeta(db, 'status', status);
    return { changed: false, added: [], status };
  }

  const parsed = readSyncResponseSchema.safeParse(answer.body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    console.warn(
      'Relay: the server sent a sync payload that does not validate; nothing was changed.',
      parsed.error.issues,
    );
    return fail({
      kind: 'invalid-payload',
      message: `The server sent data Relay could not read${first ? ` (${first.path.join('.')}: ${first.message})` : ''}. Your saved posts are unchanged.`,
    });
  }
  const payload = parsed.data;
  const status: SyncStatus = { lastSyncAt: attemptAt, lastAttemptAt: attemptAt, error: null };
  let added: string[] = [];
  let selectorsChanged = false;
  await db.transaction('rw', db.content, db.meta, async () => {
    const before = (await getMeta(db, 'selectorOverrides')) ?? {};
    selectorsChanged = JSON.stringify(before) !== JSON.stringify(payload.selectorOverrides);
    const known = new Set((await db.content.toCollection().primaryKeys()) as string[]);
    const firstSnapshot = !cursor && known.size === 0;
    // A snapshot (no cursor) replaces everything; a delta upserts and removes.
    if (!cursor) await db.content.clear();
    await db.content.bulkPut(payload.content);
    if (payload.removed.length) await db.content.bulkDelete(payload.removed);
    added = firstSnapshot ? [] : payload.content.map((item) => item.id).filter((id) => !known.has(id));
    const unseen = (await getMeta(db, 'unseen')) ?? [];
    const removed = new Set(payload.removed);
    const nextUnseen = [...new Set([...unseen, ...added])].filter((id) => !removed.has(id));
    await db.meta.bulkPut([
      { key: 'cursor', value: payload.cursor },
      { key: 'guidelines', value: payload.guidelines },
      { key: 'scoring', value: payload.scoring },
      { key: 'status', value: status },
      { key: 'unseen', value: nextUnseen },
      { key: 'selectorOverrides', value: payload.selectorOverrides },
      ...(answer.etag ? [{ key: 'etag' as const, value: answer.etag }] : []),
    ]);
    if (!answer.etag) await db.meta.delete('etag');
  });
  return { changed: true, added, status, ...(selectorsChanged ? { selectorsChanged } : {}) };
}
