/** Taking a batch of shares: checked (lib/share-rules.ts) and stored, or spooled while the database is unreachable. */
import { compileAudience, inAudience, type AdvocateAudience } from '../../lib/audiences';
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

/**
 * `audience`: the advocate's groups, region and language. A share of content outside their
 * audience is refused as unknown content (422): they were never sent it. Omitted: any audience
 * (the demo seed).
 */
export async function takeShares(
  deps: Deps,
  request: SharesRequest,
  advocateId: string,
  audience?: AdvocateAudience,
): Promise<SharesTaken> {
  const now = deps.now();
  try {
    return await record(deps, request, advocateId, now, audience);
  } catch (error) {
    if (failureKind(error) !== 'unreachable') throw error;
    return hold(deps, request, advocateId, now, audience);
  }
}

async function record(
  deps: Deps,
  request: SharesRequest,
  advocateId: string,
  now: number,
  audience: AdvocateAudience | undefined,
): Promise<SharesTaken> {
  const contentIds = [...new Set(request.events.map((event) => event.contentId))];
  const rows = await deps.db
    .selectFrom('content')
    .select(['id', 'status', 'networks', 'publish_at', 'expires_at', 'live_from', 'live_until', 'audiences'])
    .where('id', 'in', contentIds)
    .execute();
  const theirs = rows.filter(
    (row) => !audience || inAudience(compileAudience(JSON.parse(row.audiences) as string[]), audience),
  );
  const facts = new Map(theirs.map((row) => [row.id, shareFacts(row)]));
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
function hold(
  deps: Deps,
  request: SharesRequest,
  advocateId: string,
  now: number,
  audience: AdvocateAudience | undefined,
): SharesTaken {
  const unavailable = unavailableProblem('unreachable');
  if (request.events.some((event) => !deps.content.get(event.contentId))) throw unavailable;
  const events = checked(request, now, (id) => {
    const entry = deps.content.get(id);
    return entry && (!audience || inAudience(entry.audience, audience)) ? entry.share : undefined;
  });
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
