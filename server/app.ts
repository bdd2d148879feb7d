/** Assembles the HTTP API: middleware, routes and problem+json error handling. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './context';
import { requireAdmin } from './middleware/auth';
import { limitBodies } from './middleware/body-limit';
import { documentClientVersion } from './middleware/client-version';
import { pathGuard } from './middleware/path-guard';
import { responseHeaders } from './middleware/response-headers';
import { ApiRegistry } from './openapi/registry';
import { databaseProblem } from './db/problems';
import { ProblemError, problemResponse } from './problem';
import { adminRoutes } from './routes/admins';
import { adminSessionRoutes } from './routes/admin-session';
import { advocateAdminRoutes, tokenRoutes } from './routes/advocate-access';
import { auditRoutes } from './routes/audit';
import { contentRoutes } from './routes/content';
import { approvalRoutes } from './routes/approvals';
import { consoleRoutes } from './routes/console';
import { consoleApiRoutes } from './routes/console-api';
import { documentRoutes } from './routes/documents';
import { integrationHealthRoutes } from './routes/integration-health';
import { healthRoutes } from './routes/health';
import { IMAGE_UPLOAD_PATH, imageRoutes } from './routes/images';
import { enrollRoutes, inviteRoutes } from './routes/invites';
import { leaderboardRoutes } from './routes/leaderboard';
import { meRoutes } from './routes/me';
import { mountRoutes } from './routes/mount';
import { redirectRoutes } from './routes/redirect';
import { mountScimFallback, scimRoutes } from './routes/scim';
import { scimAdminRoutes } from './routes/scim-admin';
import { groupRoutes } from './routes/groups';
import { shareRoutes } from './routes/shares';
import { ssoRoutes } from './routes/sso';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';

export function createApp(deps: Deps): { app: Hono<AppEnv>; api: ApiRegistry } {
  const app = new Hono<AppEnv>();
  const api = new ApiRegistry();

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // The database is down, full or busy: a clear 503 to retry, never the driver's words.
    const unavailable = databaseProblem(error);
    if (unavailable) return problemResponse(c, unavailable);
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return problemResponse(c, new ProblemError(500, 'Something went wrong on the server. It has been logged.'));
  });
  app.notFound((c) =>
    problemResponse(c, new ProblemError(404, `Nothing at ${c.req.method} ${c.req.path}.`, { type: 'not-found' })),
  );

  app.use(responseHeaders({ 'x-content-type-options': 'nosniff' }));
  // A control character in a path parameter answers 404 before any route or the database sees it.
  app.use(pathGuard());
  // Image uploads have a larger limit of their own (routes/images.ts).
  app.use(limitBodies(deps.config.bodyLimitBytes, IMAGE_UPLOAD_PATH));
  // Every declared route (routes/define.ts): its OpenAPI entry, CORS, auth, rate limit and input.
  mountRoutes(app, api, deps, [
    ...healthRoutes(deps, api),
    ...adminSessionRoutes(deps),
    ...adminRoutes(deps),
    ...ssoRoutes(deps),
    ...inviteRoutes(deps),
    ...contentRoutes(deps),
    ...approvalRoutes(deps),
    ...consoleApiRoutes(deps),
    ...advocateAdminRoutes(deps),
    ...documentRoutes(deps),
    ...imageRoutes(deps),
    ...enrollRoutes(deps),
    ...syncRoutes(deps),
    ...shareRoutes(deps),
    ...integrationHealthRoutes(deps),
    ...tokenRoutes(deps),
    ...meRoutes(deps),
    ...leaderboardRoutes(deps),
    ...redirectRoutes(deps),
    ...scimAdminRoutes(deps),
    ...auditRoutes(deps),
    ...groupRoutes(deps),
    ...scimRoutes(deps),
  ]);
  // Any other /scim/v2 path or method asks for a SCIM token first, then answers 404, as SCIM errors.
  mountScimFallback(app, deps);
  // Any other /v1/admin path or method asks for an admin first, then answers 404.
  app.use('/v1/admin/*', requireAdmin(deps));
  // The WebSocket upgrade is handled on the HTTP server (stream/upgrade.ts) before Hono; this only
  // documents it and answers a plain GET with 426.
  app.route('/v1/stream', streamRoutes(api));
  // Static files under a wildcard path, with the console's own security headers and no API input.
  app.route('/admin', consoleRoutes(deps, api));
  // The stream checks the client's version in its upgrade (stream/upgrade.ts); declared routes in mount.ts.
  documentClientVersion(api, ['/v1/stream']);
  return { app, api };
}
