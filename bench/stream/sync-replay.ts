/**
 * The extension's sync request replayed (entrypoints/background/api-client.ts `sync`): GET /v1/sync
 * with the stored cursor and ETag, its token, version and languages, as each extension sends it when
 * a stream message tells it to sync. Used by the stream suite's clients to time the herd.
 */
import { REQUEST_TIMEOUT_MS } from './config';

/** The version the replayed extension announces in `relay-client` (the server accepts it). */
const CLIENT_VERSION = '0.1.0';
const LANGUAGES = 'en-US,en;q=0.9';

export interface SyncReplayState {
  url: string;
  token: string;
  cursor?: string;
  etag?: string;
}

export type SyncReplayOutcome =
  | { kind: 'answer'; status: 200; titles: string[] }
  | { kind: 'answer'; status: 304 }
  | { kind: 'refused'; status: number }
  | { kind: 'failed'; message: string };

interface SyncBody {
  cursor?: unknown;
  content?: { title?: unknown }[];
}

/** One sync as the extension makes it; on 200 the state takes the new cursor and ETag. */
export async function replaySync(state: SyncReplayState): Promise<SyncReplayOutcome> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${state.token}`,
    'relay-client': CLIENT_VERSION,
    'accept-language': LANGUAGES,
  };
  if (state.cursor && state.etag) headers['if-none-match'] = state.etag;
  const query = state.cursor ? `?cursor=${encodeURIComponent(state.cursor)}` : '';
  let response: Response;
  try {
    response = await fetch(`${state.url}/v1/sync${query}`, {
      headers,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
  if (response.status === 304) return { kind: 'answer', status: 304 };
  const text = await response.text().catch(() => '');
  if (response.status !== 200) return { kind: 'refused', status: response.status };
  let body: SyncBody;
  try {
    body = JSON.parse(text) as SyncBody;
  } catch {
    return { kind: 'failed', message: 'the 200 answer is not JSON' };
  }
  if (typeof body.cursor !== 'string' || !Array.isArray(body.content))
    return { kind: 'failed', message: 'the 200 answer has no cursor or content' };
  state.cursor = body.cursor;
  state.etag = response.headers.get('etag') ?? undefined;
  return {
    kind: 'answer',
    status: 200,
    titles: body.content.map((item) => (typeof item.title === 'string' ? item.title : '')),
  };
}

/** A short label for an outcome that did not deliver the post, counted in the report. */
export function outcomeLabel(outcome: SyncReplayOutcome): string {
  if (outcome.kind === 'answer') return `HTTP ${outcome.status}`;
  if (outcome.kind === 'refused') return `HTTP ${outcome.status}`;
  return `failed: ${outcome.message}`;
}

/**
 * What the extension does with a sync message that carries an answer (entrypoints/background/sync.ts):
 * if it is for the cursor held, take it as a fetched answer; else undefined (it fetches).
 */
export function takeInline(
  state: SyncReplayState,
  message: { since?: unknown; etag?: unknown; answer?: unknown },
): SyncReplayOutcome | undefined {
  if (typeof message.since !== 'string' || message.since !== state.cursor) return undefined;
  const body = message.answer as SyncBody | undefined;
  if (!body || typeof body.cursor !== 'string' || !Array.isArray(body.content)) return undefined;
  state.cursor = body.cursor;
  state.etag = typeof message.etag === 'string' ? message.etag : undefined;
  return {
    kind: 'answer',
    status: 200,
    titles: body.content.map((item) => (typeof item.title === 'string' ? item.title : '')),
  };
}

/** The message a current extension sends on its stream after every sync (entrypoints/background/live.ts). */
export function cursorReport(state: SyncReplayState): string | undefined {
  return state.cursor ? JSON.stringify({ type: 'cursor', cursor: state.cursor }) : undefined;
}
