/** Assembles the HTTP API: middleware, routes and problem+json error handling. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppEnv, Deps } from './context';
import { clientVersion, documentClientVersion } from './middleware/client-version';
import { RateLimiter } from './middleware/rate-limit';
import { pathGuard } from './middleware/path-guard';
import { ApiRegistry } from './openapi/registry';
import { databaseProblem } from './db/problems';
import { ProblemError, problemResponse } from './problem';
import { adminSessionRoutes } from './routes/admin-session';
import { advocateAdminRoutes, tokenRoutes } from './routes/advocate-access';
import { contentRoutes } from './routes/content';
import { consoleRoutes } from './routes/console';
import { consoleApiRoutes } from './routes/console-api';
import { documentRoutes } from './routes/documents';
import { healthRoutes } from './routes/health';
import { enrollRoutes, inviteRoutes } from './routes/invites';
import { leaderboardRoutes } from './routes/leaderboard';
import { meRoutes } from './routes/me';
import { redirectRoutes } from './routes/redirect';
import { shareRoutes } from './routes/shares';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';

/** Browser-extension origins: advocate endpoints answer them so the extension needs no host permission. */
export const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[a-zA-Z0-9._-]+$/;
const ADVOCATE_PATHS = ['/v1/enroll', '/v1/sync', '/v1/shares', '/v1/me', '/v1/me/token', '/v1/leaderboard'];
/**
 * Refused to an extension older than RELAY_MIN_CLIENT_VERSION (426); the stream's upgrade checks the
 * same in stream/upgrade.ts. Signing out (/v1/me/token), admin endpoints and /r/ links never are.
 */
export const CLIENT_VERSION_PATHS = ['/v1/enroll', '/v1/sync', '/v1/shares', '/v1/me', '/v1/leaderboard', '/v1/stream'];

export function createApp(deps: Deps): { app: Hono<AppEnv>; api: ApiRegistry } {
  const app = new Hono<AppEnv>();
  const api = new ApiRegistry();
  const tokenLimiter = new RateLimiter(deps.config.rateLimits.token);

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

  app.use(async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
  });
  // A control character in a path parameter answers 404 before any route or the database sees it.
  app.use(pathGuard());
  app.use(
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new ProblemError(413, `The request body is larger than ${deps.config.bodyLimitBytes} bytes.`, {
          type: 'too-large',
        });
      },
    }),
  );
  const extensionCors = cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Relay-Client'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
  for (const path of ADVOCATE_PATHS) app.use(path, extensionCors);
  // After CORS, so the extension can read the 426 (preflights are answered before it).
  const versionCheck = clientVersion({ minimum: deps.config.minClientVersion });
  for (const path of CLIENT_VERSION_PATHS) app.use(path, versionCheck);
  // The console's Vite dev server (another origin) may call admin endpoints with the cookie.
  const devOrigin = deps.config.consoleDevOrigin;
  if (devOrigin) {
    app.use(
      '/v1/admin/*',
      cors({
        origin: (origin) => (origin === devOrigin ? origin : null),
        credentials: true,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'X-CSRF-Token', 'Authorization'],
        exposeHeaders: ['Content-Disposition', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }

  app.route('/', healthRoutes(deps, api));
  app.route('/v1/admin/session', adminSessionRoutes(deps, api));
  app.route('/v1/admin/invites', inviteRoutes(deps, api));
  app.route('/v1/admin/content', contentRoutes(deps, api));
  app.route('/v1/admin', consoleApiRoutes(deps, api));
  app.route('/v1/admin/advocates', advocateAdminRoutes(deps, api));
  app.route('/v1/admin', documentRoutes(deps, api));
  app.route('/v1/enroll', enrollRoutes(deps, api));
  app.route('/v1/sync', syncRoutes(deps, api, tokenLimiter));
  app.route('/v1/shares', shareRoutes(deps, api, tokenLimiter));
  app.route('/v1/me/token', tokenRoutes(deps, api, tokenLimiter));
  app.route('/v1/me', meRoutes(deps, api, tokenLimiter));
  app.route('/v1/leaderboard', leaderboardRoutes(deps, api, tokenLimiter));
  app.route('/v1/stream', streamRoutes(api));
  app.route('/r', redirectRoutes(deps, api));
  app.route('/admin', consoleRoutes(deps, api));
  documentClientVersion(api, CLIENT_VERSION_PATHS);
  return { app, api };
}
