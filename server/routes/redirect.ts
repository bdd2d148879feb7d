/**
 * GET /r/:code: a tracked share link leads to the content's URL with the advocate's UTM tags, and
 * the visit counts as a click when a person made it. Links are resolved from memory
 * (services/link-directory.ts), so live content's links redirect while the database is away, and
 * the answer never waits for the click to be written: it goes to a durable spool
 * (services/clicks/). Link-preview bots, prefetches and HEAD requests are redirected too, so
 * previews work, but not counted.
 */
import type { Deps } from '../context';
import { clientAddress, requestHeader } from '../middleware/client-address';
import { ProblemError } from '../problem';
import { withinClickCeiling } from '../services/click-ceiling';
import { isMachineVisit } from '../services/visitors';
import { defineRoute, type Route } from './define';

const CODE = /^[0-9A-Za-z]{1,16}$/;

export function redirectRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/r/{code}',
      summary: 'Follow a tracked share link (counts one click per person per hour; bots are not counted)',
      tag: 'links',
      auth: 'none',
      responses: {
        302: { description: 'To the destination, UTM-tagged', headers: ['Location'] },
        404: { description: 'Unknown code' },
      },
      handler: async (c, { params: { code } }) => {
        const link = CODE.test(code) ? await deps.links.resolve(code) : undefined;
        if (!link)
          throw new ProblemError(404, 'This link is not known. It may have been mistyped.', { type: 'not-found' });
        const userAgent = requestHeader(c, 'user-agent');
        if (
          link.clickTracking &&
          !isMachineVisit({
            method: c.req.method,
            userAgent,
            purpose:
              requestHeader(c, 'sec-purpose') ??
              requestHeader(c, 'purpose') ??
              requestHeader(c, 'x-purpose') ??
              requestHeader(c, 'x-moz'),
          }) &&
          withinClickCeiling(deps, c, code)
        ) {
          deps.clicks.record({
            code,
            advocateId: link.advocateId,
            ip: clientAddress(c, deps.config.trustProxy),
            userAgent: userAgent ?? '',
            at: deps.now(),
          });
        }
        c.header('cache-control', 'private, no-store');
        c.header('referrer-policy', 'no-referrer');
        return c.redirect(link.location, 302);
      },
    }),
  ];
}
