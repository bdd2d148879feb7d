/**
 * A change announced to this instance's connections. Extensions that said which cursor they hold
 * get their sync answer inside the nudge (inline-sync.ts), so a publish to thousands of browsers is
 * not followed by thousands of GET /v1/sync; the rest (older extensions, cursors that no longer
 * fit, or when the answers cannot be made) get the plain nudge and sync themselves.
 */
import type { Deps } from '../context';
import { readSyncState } from '../services/sync-state';
import type { Connection, StreamHub } from './hub';
import { inlineAnswers, inlineKey, SharedReads, type InlineAnswer } from './inline-sync';

/** Connections whose answers are made together (advocates and links read and written per batch), unless configured. */
const ANSWER_BATCH = 2_500;
/** The first batch is this much smaller, and each next one twice the last (up to the batch size). */
const FIRST_BATCH_SHARE = 5;
/** Batches whose answers are being made while the one before is sent. */
const BATCHES_AHEAD = 2;

/**
 * Batch sizes for `total` connections: the first small, so the first answers leave while the next
 * batches' links are written, then doubling up to `size`.
 */
export function batchSizes(total: number, size: number): number[] {
  const sizes: number[] = [];
  const most = Math.max(1, Math.floor(size));
  let next = Math.max(1, Math.floor(most / FIRST_BATCH_SHARE));
  for (let done = 0; done < total;) {
    const take = Math.min(next, total - done);
    sizes.push(take);
    done += take;
    next = Math.min(most, next * 2);
  }
  return sizes;
}

/** The nudge with the answer for `since` inside it: `{"type":"sync","cursor":…,"since":…,"etag":…,"answer":{…}}`. */
export function inlineMessage(nudge: string, since: string, made: InlineAnswer): string {
  const extra = `,"since":${JSON.stringify(since)},"etag":${JSON.stringify(made.etag)},"answer":${made.answer}}`;
  return nudge.slice(0, nudge.lastIndexOf('}')) + extra;
}

/** Sends `nudge` (a `{"type":"sync"}` message) to the connections `only` accepts; resolves with how many got a message. */
export async function fanOut(
  deps: Deps,
  hub: StreamHub,
  nudge: string,
  only?: (advocateId: string) => boolean,
): Promise<number> {
  const plain = Buffer.from(nudge);
  const connections = hub.connections(only);
  const reporting = connections.filter((connection) => connection.cursor !== undefined);
  let sent = await hub.sendEach(
    connections.filter((connection) => connection.cursor === undefined).map(({ ws }) => ({ ws, message: plain })),
  );
  if (reporting.length === 0) return sent;

  const now = deps.now();
  let state;
  try {
    state = await readSyncState(deps.db, now);
  } catch (error) {
    console.error('stream: could not read the sync state; nudging plainly:', (error as Error).message);
    return sent + (await hub.sendEach(reporting.map(({ ws }) => ({ ws, message: plain }))));
  }
  const batches: Connection[][] = [];
  let start = 0;
  for (const size of batchSizes(reporting.length, deps.config.stream.answerBatch ?? ANSWER_BATCH)) {
    batches.push(reporting.slice(start, start + size));
    start += size;
  }
  // The next batches' answers are made while a batch is sent: the database works on their
  // advocates and links while this process writes to the sockets.
  const reads = new SharedReads(deps, now);
  const answersFor = async (batch: Connection[]) => {
    const requests = batch.map(request);
    try {
      return { requests, answers: await inlineAnswers(deps, requests, state, now, reads) };
    } catch (error) {
      console.error('stream: could not make sync answers; nudging plainly:', (error as Error).message);
      return { requests, answers: new Map<string, InlineAnswer>() };
    }
  };
  const making = batches.slice(0, BATCHES_AHEAD).map(answersFor);
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]!;
    const { requests, answers } = await making[b]!;
    if (b + BATCHES_AHEAD < batches.length) making.push(answersFor(batches[b + BATCHES_AHEAD]!));
    sent += await hub.sendEach(
      batch.map((connection, k) => {
        const made = answers.get(inlineKey(requests[k]!));
        if (!made) return { ws: connection.ws, message: plain };
        // The cursor the answer was made for: the connection may have reported a newer one since.
        const message = inlineMessage(nudge, requests[k]!.cursor, made);
        // The extension holds the answer's cursor once it applies it, and does not report it again;
        // one that could not apply it syncs and reports the cursor it holds.
        connection.cursor = made.cursor;
        return { ws: connection.ws, message };
      }),
    );
  }
  return sent;
}

function request(connection: Connection): { advocateId: string; cursor: string } {
  return { advocateId: connection.advocateId, cursor: connection.cursor! };
}
