/** GET /r/:code: a tracked share link leads to the content's URL with the advocate's UTM tags. */
import { Hono } from 'hono';
import type { Network } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { destinationUrl } from '../services/links';

export function redirectRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'get',
    path: '/r/{code}',
    summary: 'Follow a tracked share link',
    tag: 'links',
    auth: 'none',
    responses: { 302: { description: 'To the destination, UTM-tagged', headers: ['Location'] }, 404: { description: 'Unknown code' } },
  });
  app.get('/:code', async (c) => {
    const code = c.req.param('code');
    const row = /^[0-9A-Za-z]{1,16}$/.test(code)
      ? await deps.db
          .selectFrom('links')
          .innerJoin('content', 'content.id', 'links.content_id')
          .innerJoin('advocates', 'advocates.id', 'links.advocate_id')
          .select(['content.url', 'content.title', 'content.campaign', 'links.network', 'advocates.ref'])
          .where('links.code', '=', code)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new ProblemError(404, 'This link is not known. It may have been mistyped.', { type: 'not-found' });
    c.header('cache-control', 'private, no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.redirect(destinationUrl(row, row.network as Network, row.ref, deps.config.utmMedium), 302);
  });
  return app;
}
