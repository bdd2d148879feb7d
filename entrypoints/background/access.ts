/**
 * When this browser's access to Relay ends: the server answered 401 saying the token was revoked,
 * expired or is unknown, or the advocate signed out. The advocate's data (posts, share log,
 * outbox, metadata) is cleared in one transaction; all that stays is why (for the setup screen)
 * and, after a sign-out the server could not confirm yet, the token to revoke at the next wake.
 */
import {
  BROWSER_META,
  getMeta,
  setMeta,
  type AccessEnded,
  type MetaRow,
  type PendingSignOut,
  type RelayDexie,
} from './db';
import { ApiClient, ApiError, type AccessEnd, type Transport } from './api-client';

/** Sign-outs kept for retrying at most: the oldest are given up past this. */
const MAX_PENDING_SIGN_OUTS = 5;

const CLEARED = 'Your saved posts and share history were cleared from this browser.';

/** What access ended for, as far as the setup screen tells: the 401's type and, when known, its reason. */
export interface EndedBy {
  end: AccessEnd;
  /** The problem's `reason`: 'deprovisioned' when the company's identity provider ended access (SCIM). */
  reason?: string;
  /** How the enrolment was made: a work account is never told to ask for an invite code. */
  via?: 'invite' | 'sso';
}

/** What the setup screen says about a token the server no longer takes. */
export function accessEndedNotice(endedBy: EndedBy, serverUrl: string, now = new Date()): AccessEnded {
  const { end, reason, via } = endedBy;
  const sso = via === 'sso';
  const base = { at: now.toISOString(), serverUrl, ...(via ? { via } : {}) };
  if (end === 'token-revoked' && reason === 'deprovisioned') {
    return {
      ...base,
      reason: 'deprovisioned',
      // The server's detail says the same as the title: the message goes on from there.
      title: 'Your company ended your access to Relay',
      message: `${CLEARED} If you think this is a mistake, ask your IT team.`,
    };
  }
  if (end === 'token-revoked') {
    return {
      ...base,
      reason: 'revoked',
      title: 'Your access to Relay was removed',
      message: sso
        ? `Your access to Relay was removed. ${CLEARED} If your company gives you access again, sign in with your work account again.`
        : `Your programme admin removed your access. ${CLEARED} To take part again, ask your admin for a new invite code.`,
    };
  }
  if (end === 'token-expired') {
    return {
      ...base,
      reason: 'expired',
      title: 'Your Relay sign-in expired',
      message: sso
        ? `Relay had not been used in this browser for a long time. ${CLEARED} Sign in with your work account again.`
        : `Relay had not been used in this browser for a long time. ${CLEARED} Connect again with a new invite code from your admin.`,
    };
  }
  return {
    ...base,
    reason: 'unknown',
    title: 'Relay no longer recognises this browser',
    message: sso
      ? `The server does not know this browser's sign-in any more. ${CLEARED} Sign in with your work account again.`
      : `The server does not know this browser's sign-in any more. ${CLEARED} Connect again with an invite code from your admin.`,
  };
}

/**
 * Clears everything the advocate had here, if the enrolment is still the one holding `token`
 * (a newer enrolment is left alone), keeping this browser's own bookkeeping (sign-outs still to
 * confirm, zero-touch's) and `notice`. Says
 * whether it cleared.
 */
export async function clearAdvocateData(
  db: RelayDexie,
  token: string,
  changes: { notice?: AccessEnded; signOut?: PendingSignOut } = {},
): Promise<boolean> {
  return db.transaction('rw', [db.content, db.shares, db.outbox, db.meta], async () => {
    const enrollment = await getMeta(db, 'enrollment');
    if (enrollment?.token !== token) return false;
    const pending = (await getMeta(db, 'pendingSignOuts')) ?? [];
    const kept = (await db.meta.bulkGet([...BROWSER_META])).filter((row): row is MetaRow => row !== undefined);
    await Promise.all([db.content.clear(), db.shares.clear(), db.outbox.clear(), db.meta.clear()]);
    if (kept.length) await db.meta.bulkPut(kept);
    const next = changes.signOut ? [...pending, changes.signOut].slice(-MAX_PENDING_SIGN_OUTS) : pending;
    if (next.length) await setMeta(db, 'pendingSignOuts', next);
    if (changes.notice) await setMeta(db, 'accessEnded', changes.notice);
    return true;
  });
}

/**
 * Signs a token out on its server. True when that is done or can't ever be (401: revoked or
 * unknown already; 404: a server without sign-out); false to try again later (offline, 429, 5xx).
 */
export async function revokeOnServer(signOut: PendingSignOut, transport: Transport = {}): Promise<boolean> {
  try {
    await new ApiClient(signOut.serverUrl, signOut.token, transport).revokeToken();
    return true;
  } catch (error) {
    if (!(error instanceof ApiError)) return false;
    return !(error.kind === 'offline' || error.status === 429 || (error.status ?? 0) >= 500);
  }
}

/** Tries the sign-outs the server has not confirmed; keeps those it still could not reach. */
export async function retryPendingSignOuts(db: RelayDexie, transport: Transport = {}): Promise<void> {
  const pending = (await getMeta(db, 'pendingSignOuts')) ?? [];
  if (pending.length === 0) return;
  const done = new Set<string>();
  for (const entry of pending) if (await revokeOnServer(entry, transport)) done.add(entry.token);
  if (done.size === 0) return;
  await db.transaction('rw', db.meta, async () => {
    // Sign-outs recorded meanwhile stay.
    const left = ((await getMeta(db, 'pendingSignOuts')) ?? []).filter((entry) => !done.has(entry.token));
    if (left.length) await setMeta(db, 'pendingSignOuts', left);
    else await db.meta.delete('pendingSignOuts');
  });
}
