/**
 * Which share events the server takes and scores, on what it can check: a share of content the
 * advocate could see at the share's time, on one of the content's networks, personalised only where
 * a share carries the advocate's text, at a time corrected for the client's clock. Pure and on plain
 * data: the API checks against its content rows, and the same rules can check against an in-memory
 * copy of the content while the database is unreachable.
 */
import { isTextNetwork, networkLabel, networkLabels } from './networks';
import { TEXT_NETWORKS, type Network, type SharesRequest } from './schemas';

/**
 * How far outside the content's live time a share is still taken: the residual error of the
 * client's clock (after the sentAt correction, or without it from an older extension), and an
 * extension that has not yet heard of an archive (pushed within a second when online).
 */
export const LIVE_TOLERANCE_MS = 15 * 60_000;

/** What the server stores about a content item, as far as shares of it are concerned. */
export interface ShareContentFacts {
  /** As stored: draft, published (including scheduled) or archived. */
  status: string;
  /** The networks the content is offered on. */
  networks: readonly Network[];
  /** Milliseconds since the epoch, or null. */
  publishAt: number | null;
  expiresAt: number | null;
  /**
   * The earliest and latest moments the content was live before a change ended or moved its live
   * time (archived, re-published, rescheduled): what its current publishAt/expiresAt no longer say.
   * null: no such past (e.g. never live, or live without a change since).
   */
  liveFrom: number | null;
  liveUntil: number | null;
}

/** What a share claims, with its time already corrected (correctSharedAt). */
export interface ShareClaim {
  network: Network;
  sharedAt: number;
  personalized?: boolean;
}

export interface ShareRefusal {
  field: 'contentId' | 'network' | 'personalized' | 'sharedAt';
  /** A sentence for the advocate: the extension shows it beside the share. */
  message: string;
}

/** The times the content was live: its recorded past and, when published, its current window. */
export function liveSpans(facts: ShareContentFacts): [from: number, until: number][] {
  const spans: [number, number][] = [];
  if (facts.liveFrom !== null) spans.push([facts.liveFrom, facts.liveUntil ?? facts.liveFrom]);
  if (facts.status === 'published') {
    spans.push([
      facts.publishAt ?? facts.liveFrom ?? Number.NEGATIVE_INFINITY,
      facts.expiresAt ?? Number.POSITIVE_INFINITY,
    ]);
  }
  return spans;
}

/** Why the server refuses this share of content with these facts (undefined: unknown content); empty when it takes it. */
export function checkShare(facts: ShareContentFacts | undefined, share: ShareClaim): ShareRefusal[] {
  if (!facts) {
    return [{ field: 'contentId', message: 'This post is not known to the Relay server, so the share cannot count.' }];
  }
  const spans = liveSpans(facts);
  if (spans.length === 0) {
    return [
      {
        field: 'contentId',
        message:
          facts.status === 'draft'
            ? 'This post is a draft that was never published, so the share cannot count.'
            : 'This post was never published, so the share cannot count.',
      },
    ];
  }
  const refusals: ShareRefusal[] = [];
  const label = networkLabel(share.network);
  if (!facts.networks.includes(share.network)) {
    refusals.push({ field: 'network', message: `This post is not offered on ${label}, so the share cannot count.` });
  }
  if (share.personalized && !isTextNetwork(share.network)) {
    refusals.push({
      field: 'personalized',
      message: `Only ${networkLabels(TEXT_NETWORKS)} shares carry your own text, so a ${label} share cannot be personalised.`,
    });
  }
  const at = share.sharedAt;
  const live = spans.some(([from, until]) => at >= from - LIVE_TOLERANCE_MS && at <= until + LIVE_TOLERANCE_MS);
  if (!live) {
    const early = spans.every(([from]) => at < from - LIVE_TOLERANCE_MS);
    refusals.push({
      field: 'sharedAt',
      message: early
        ? 'This post was not yet published at the time of this share, so the share cannot count.'
        : 'This post had already been withdrawn at the time of this share, so the share cannot count.',
    });
  }
  return refusals;
}

/**
 * The share's time on the server's clock: moved by `now - sentAt` when the client said when it sent
 * the request (its clock's skew), and never later than `now` (a fast clock without sentAt).
 */
export function correctSharedAt(sharedAt: string, sentAt: string | undefined, now: number): number {
  let at = Date.parse(sharedAt);
  if (sentAt !== undefined) at += now - Date.parse(sentAt);
  return Math.min(at, now);
}

/** A share event the server takes, its time on the server's clock. */
export interface CheckedShare {
  id: string;
  contentId: string;
  network: Network;
  sharedAt: number;
  personalized: boolean;
}

export interface CheckedBatch {
  /** Every event, corrected, in request order (duplicates included). */
  events: CheckedShare[];
  /** Why events are refused, as `events.N.field`; the batch is taken only when this is empty. */
  errors: { path: string; message: string }[];
}

/** Checks a validated POST /v1/shares body against the facts of the content it names. */
export function checkShareBatch(
  request: SharesRequest,
  now: number,
  factsOf: (contentId: string) => ShareContentFacts | undefined,
): CheckedBatch {
  const errors: CheckedBatch['errors'] = [];
  const events = request.events.map((event, index): CheckedShare => {
    const checked: CheckedShare = {
      id: event.id,
      contentId: event.contentId,
      network: event.network,
      sharedAt: correctSharedAt(event.sharedAt, request.sentAt, now),
      personalized: event.personalized === true,
    };
    for (const refusal of checkShare(factsOf(event.contentId), checked)) {
      errors.push({ path: `events.${index}.${refusal.field}`, message: refusal.message });
    }
    return checked;
  });
  return { events, errors };
}
