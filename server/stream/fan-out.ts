/**
 * A change announced to this instance's connections. Extensions that said which cursor they hold
 * get their sync answer inside the nudge (inline-sync.ts), so a publish to thousands of browsers is
 * not followed by thousands of GET /v1/sync; the rest (older extensions, cursors that no longer
 * fit, or when the answers cannot be made) get the plain nudge and sync themselves.
 */
import type { Deps } from '../context';
import { readSyncState } from '../services/sync-state';
import type { Connection, StreamHub } from './hub';
import { inlineAnswers, inlineKey, type InlineAnswer } from './inline-sync';

/** Connections whose answers are made together (one read of the changed posts per batch), unless configured. */
const ANSWER_BATCH = 2_500;

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
  const size = deps.config.stream.answerBatch ?? ANSWER_BATCH;
  for (let i = 0; i < reporting.length; i += size) batches.push(reporting.slice(i, i + size));
  // Each batch's answers are made while the batch before is sent: the database works on the next
  // batch's advocates and links while this process writes to the sockets.
  const answersFor = async (batch: Connection[]) => {
    const requests = batch.map(request);
    try {
      return { requests, answers: await inlineAnswers(deps, requests, state, now) };
    } catch (error) {
      console.error('stream: could not make sync answers; nudging plainly:', (error as Error).message);
      return { requests, answers: new Map<string, InlineAnswer>() };
    }
  };
  // At least one batch: `reporting` is not empty here.
  let next = answersFor(batches[0]!);
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]!;
    const { requests, answers } = await next;
    if (b + 1 < batches.length) next = answersFor(batches[b + 1]!);
    sent += await hub.sendEach(
      batch.map((connection, k) => {
        const made = answers.get(inlineKey(requests[k]!));
        if (!made) return { ws: connection.ws, message: plain };
        const message = inlineMessage(nudge, connection.cursor!, made);
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
