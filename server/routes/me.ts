/**
 * GET /v1/me: the advocate's points, level, streak, badges, ranks and weekly points (services/me.ts).
 * PATCH /v1/me: the advocate's privacy choices (click tracking, leaderboard) and team.
 */
import { meResponseSchema, mePatchSchema } from '../../lib/schemas';
import type { Deps } from '../context';
import { updateAdvocateSettings } from '../services/advocate-settings';
import { readMe } from '../services/me';
import { ADVOCATE_REFUSALS, defineRoute, type Route } from './define';

export function meRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/me',
      summary: 'Your points, level, streak, badges, ranks, weekly points and privacy settings',
      tag: 'advocate',
      auth: 'advocate',
      rateLimit: { limit: 'token', per: 'advocate' },
      responses: { 200: { description: 'Where you stand', schema: meResponseSchema }, ...ADVOCATE_REFUSALS },
      handler: async (c) => {
        c.header('cache-control', 'private, no-cache');
        return c.json(await readMe(deps, c.get('advocate')));
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/v1/me',
      summary: 'Change your privacy choices (click tracking, leaderboard) or team',
      tag: 'advocate',
      auth: 'advocate',
      rateLimit: { limit: 'token', per: 'advocate' },
      body: mePatchSchema,
      responses: {
        200: { description: 'The changed settings, and where you stand', schema: meResponseSchema },
        400: { description: 'Malformed JSON' },
        ...ADVOCATE_REFUSALS,
        422: { description: 'Invalid settings' },
      },
      handler: async (c, { body: patch }) => {
        const advocate = c.get('advocate');
        await updateAdvocateSettings(deps.db, advocate.id, patch);
        // Redirects of this advocate's links count clicks, or not, from now on.
        if (patch.clickTracking !== undefined) deps.links.setTracking(advocate.id, patch.clickTracking);
        c.header('cache-control', 'private, no-cache');
        return c.json(await readMe(deps, advocate));
      },
    }),
  ];
}
