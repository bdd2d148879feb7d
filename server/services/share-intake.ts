/** Taking a batch of shares: checked (lib/share-rules.ts) and stored, or spooled while the database is unreachable. */
import type { SharesRequest } from '../../lib/schemas';
import { checkShareBatch, type ShareContentFacts } from '../../lib/share-rules';
import type { Deps } from '../context';
import { failureKind } from '../db/failures';
import { unavailableProblem } from '../db/problems';
import { ProblemError } from '../problem';
import { shareFacts } from './content';
import { storeShares } from './share-store';

export interface SharesTaken {
  accepted: number;
  duplicates: number;
  queued?: number;
}

export async function takeShares(deps: Deps, request: SharesRequest, advocateId: string): Promise<SharesTaken> {
  const now = deps.now();
  try {
    return await record(deps, request, advocateId, now);
  } catch (error) {
    if (failureKind(error) !== 'unreachable') throw error;
    return hold(deps, request, advocateId, now);
  }
}

async function record(deps: Deps, request: SharesRequest, advocateId: string, now: number): Promise<SharesTaken> {
  const contentIds = [...new Set(request.events.map((event) => event.contentId))];
  const rows = await deps.db
    .selectFrom('content')
    .select(['id', 'status', 'networks', 'publish_at', 'expires_at', 'live_from', 'live_until'])
    .where('id', 'in', contentIds)
    .execute();
  const facts = new Map(rows.map((row) => [row.id, shareFacts(row)]));
  const events = checked(request, now, (id) => facts.get(id));
  const accepted = await storeShares(deps.db, deps.dialect, advocateId, events, now);
  // The leaderboard reads stored points: they are recomputed in the background, not awaited.
  if (accepted > 0) deps.scores.schedule([advocateId]);
  return { accepted, duplicates: events.length - accepted };
}

/**
 * The database is unreachable: the shares are checked against the in-memory catalogue of content
 * and kept in the share spool, on disk, until it is back. Content the catalogue does not know
 * cannot be judged now: 503, and the extension sends it again later.
 */
function hold(deps: Deps, request: SharesRequest, advocateId: string, now: number): SharesTaken {
  const unavailable = unavailableProblem('unreachable');
  if (request.events.some((event) => !deps.content.get(event.contentId))) throw unavailable;
  const events = checked(request, now, (id) => deps.content.get(id)?.share);
  if (!deps.shareSpool.hold(advocateId, events, now)) throw unavailable;
  return { accepted: 0, duplicates: 0, queued: events.length };
}

/** The batch's events on the server's clock, or a 422 naming each one refused. */
function checked(request: SharesRequest, now: number, factsOf: (id: string) => ShareContentFacts | undefined) {
  const { events, errors } = checkShareBatch(request, now, factsOf);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new ProblemError(422, `Some shares cannot be recorded (${first.path}: ${first.message})`, {
      type: 'validation',
      errors,
    });
  }
  return events;
}
