/**
 * Ending an advocate's access. DELETE /v1/admin/advocates/{id}: an admin removes an advocate,
 * keeping their data for the record (200, the advocate as the console now shows them) or erasing
 * it (?erase=true, 204): every token of theirs is refused at once (401 …/token-revoked) and their
 * live streams close on every instance. DELETE /v1/me/token: the advocate signs out of this
 * browser; its token stops working, their other browsers keep theirs (services/advocates.ts).
 */
import { adminAdvocateSchema, removeAdvocateQuerySchema } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { advocateRows } from '../services/advocate-list';
import { restoreRemoved, revokeAdvocate, signOutToken, type RestoreRefusal } from '../services/advocates';
import { advocateForAudit } from '../services/audit-advocates';
import { defineRoute, type Route } from './define';

const RESTORE_REFUSALS: Record<RestoreRefusal, (id: string) => ProblemError> = {
  'not-found': (id) => new ProblemError(404, `No advocate with id ${id}.`, { type: 'not-found' }),
  'not-removed': () =>
    new ProblemError(409, 'Their access was not removed by an admin: there is nothing to restore.', {
      type: 'not-removed',
    }),
  deprovisioned: () =>
    new ProblemError(409, 'Their identity provider ended their access: reactivate them there.', {
      type: 'deprovisioned',
    }),
  'invite-advocate': () =>
    new ProblemError(409, 'They enrolled with an invite code, which cannot be used again: send them a new invite.', {
      type: 'invite-advocate',
    }),
};

/** DELETE /v1/admin/advocates/{id} and POST /v1/admin/advocates/{id}/restore. */
export function advocateAdminRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'delete',
      path: '/v1/admin/advocates/{id}',
      summary:
        'Remove an advocate: their tokens (every browser) stop working at once and their live streams close. erase=false keeps their shares, clicks and points (they leave the leaderboard and show as removed); erase=true deletes everything about them, tracked links included',
      tag: 'admin',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'advocates.remove', target: 'advocate' },
      query: removeAdvocateQuerySchema,
      responses: {
        200: { description: 'Removed, data kept: the advocate as now listed', schema: adminAdvocateSchema },
        204: { description: 'Removed and erased' },
        400: { description: 'erase is neither true nor false' },
        404: { description: 'No such advocate (or already erased)' },
      },
      handler: async (c, { params: { id }, query: { erase } }) => {
        const who = await advocateForAudit(deps.db, id);
        if (!who || !(await revokeAdvocate(deps, id, { erase }))) {
          throw new ProblemError(404, `No advocate with id ${id}.`, { type: 'not-found' });
        }
        c.header('cache-control', 'no-store');
        // The revoked tokens are the token revocations; an erased advocate's entry keeps no name.
        c.set('audit', {
          action: erase ? 'advocates.erase' : 'advocates.remove',
          target: { type: 'advocate', id, label: erase ? null : who.name },
          change: { erase, revokedTokens: who.tokens },
          advocateId: id,
        });
        if (erase) return c.body(null, 204);
        const [row] = await advocateRows(deps, id);
        return c.json(row);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/admin/advocates/{id}/restore',
      summary:
        'Let back in a work-account advocate an admin removed: their next sign-in with the identity provider reaches them again, with their points and links',
      tag: 'admin',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'advocates.restore', target: 'advocate' },
      responses: {
        200: {
          description: 'Restored: the advocate as now listed (no browser until they sign in)',
          schema: adminAdvocateSchema,
        },
        404: { description: 'No such advocate (or erased)' },
        409: {
          description:
            'Not removed (…/not-removed), deprovisioned by the identity provider (…/deprovisioned: reactivate them there), or enrolled with an invite code (…/invite-advocate: send a new invite)',
        },
      },
      handler: async (c, { params: { id } }) => {
        const refusal = await restoreRemoved(deps, id);
        if (refusal) throw RESTORE_REFUSALS[refusal](id);
        // About this advocate: their erasure later blanks the entry's personal fields.
        c.set('audit', { advocateId: id });
        c.header('cache-control', 'no-store');
        const [row] = await advocateRows(deps, id);
        return c.json(row);
      },
    }),
  ];
}

/** DELETE /v1/me/token. */
export function tokenRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'delete',
      path: '/v1/me/token',
      summary:
        'Sign out of this browser: this token stops working at once (later calls answer 401 …/token-revoked); your other browsers stay signed in. Your shares stay; once no browser is signed in, you leave the leaderboard',
      tag: 'advocate',
      auth: 'advocate',
      anyClientVersion: true,
      rateLimit: { limit: 'token', per: 'advocate' },
      responses: {
        204: { description: 'Signed out' },
        401: { description: 'Missing, bad or already revoked advocate token' },
        403: { description: 'An admin token' },
        429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
      },
      handler: async (c) => {
        await signOutToken(deps, c.get('advocateTokenHash'));
        return c.body(null, 204);
      },
    }),
  ];
}
