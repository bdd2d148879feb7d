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
import { revokeAdvocate, signOutToken } from '../services/advocates';
import { defineRoute, type Route } from './define';

/** DELETE /v1/admin/advocates/{id}. */
export function advocateAdminRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'delete',
      path: '/v1/admin/advocates/{id}',
      summary:
        'Remove an advocate: their tokens (every browser) stop working at once and their live streams close. erase=false keeps their shares, clicks and points (they leave the leaderboard and show as removed); erase=true deletes everything about them, tracked links included',
      tag: 'admin',
      auth: 'admin',
      query: removeAdvocateQuerySchema,
      responses: {
        200: { description: 'Removed, data kept: the advocate as now listed', schema: adminAdvocateSchema },
        204: { description: 'Removed and erased' },
        400: { description: 'erase is neither true nor false' },
        404: { description: 'No such advocate (or already erased)' },
      },
      handler: async (c, { params: { id }, query: { erase } }) => {
        if (!(await revokeAdvocate(deps, id, { erase }))) {
          throw new ProblemError(404, `No advocate with id ${id}.`, { type: 'not-found' });
        }
        c.header('cache-control', 'no-store');
        if (erase) return c.body(null, 204);
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
