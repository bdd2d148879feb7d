/** Mounts declared routes (define.ts): OpenAPI entry, CORS and middleware by caller, auth, rate limit, then validated input to the handler. */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../context';
import { requireAdmin, requireAdvocate } from '../middleware/auth';
import { requireScim } from '../middleware/auth/scim';
import { auditRoute } from '../middleware/audit';
import { requirePermission } from '../middleware/permission';
import { clientAddress } from '../middleware/client-address';
import { clientVersion, documentClientVersionOf } from '../middleware/client-version';
import { consoleCors, extensionCors } from '../middleware/cors';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import type { ApiRegistry, RouteDoc } from '../openapi/registry';
import { scimErrors } from '../scim/errors';
import { readJson, readQuery } from '../validate';
import { callerOf, type Caller, type Route } from './define';

/** Whether a route answers 426 to an extension older than RELAY_MIN_CLIENT_VERSION. */
function checksClientVersion(route: Route): boolean {
  return callerOf(route) === 'extension' && !route.anyClientVersion;
}

/** '/v1/admin/content/{id}' as Hono writes it: '/v1/admin/content/:id'. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function docOf(route: Route): RouteDoc {
  const { method, path, summary, tag, auth, body, documentedBody, uploadTypes, query, responses, permission } = route;
  return {
    method,
    path,
    summary,
    tag,
    auth,
    responses,
    ...(body ? { body } : {}),
    ...(documentedBody ? { documentedBody } : {}),
    ...(uploadTypes ? { uploadTypes } : {}),
    ...(query ? { query } : {}),
    ...(permission ? { permission } : {}),
  };
}

export function mountRoutes(app: Hono<AppEnv>, api: ApiRegistry, deps: Deps, routes: readonly Route[]): void {
  const cors: Record<Caller, MiddlewareHandler | undefined> = {
    extension: extensionCors(),
    console: consoleCors(deps.config),
    public: undefined,
  };
  // Before auth, after CORS: the extension can read the 426 whatever its token.
  const versionCheck = clientVersion({ minimum: deps.config.minClientVersion });
  const admin = requireAdmin(deps);
  // One limiter per config.rateLimits entry, shared by the routes that name it (a token's requests
  // are counted together across sync, shares, me and the leaderboard).
  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (name: keyof Deps['config']['rateLimits']) => {
    let limiter = limiters.get(name);
    if (!limiter) limiters.set(name, (limiter = new RateLimiter({ ...deps.config.rateLimits[name], now: deps.now })));
    return limiter;
  };

  // CORS first, on each path once, so preflights (OPTIONS) are answered whatever the method.
  const withCors = new Set<string>();
  for (const route of routes) {
    const middleware = cors[callerOf(route)];
    const path = honoPath(route.path);
    if (!middleware || withCors.has(path)) continue;
    withCors.add(path);
    app.use(path, middleware);
  }

  for (const route of routes) {
    const doc = docOf(route);
    if (checksClientVersion(route)) documentClientVersionOf(doc);
    api.add(doc);
    const chain: MiddlewareHandler<AppEnv>[] = checksClientVersion(route) ? [versionCheck] : [];
    if (route.auth === 'admin') {
      chain.push(admin, requirePermission(route.permission));
      if (route.audit) chain.push(auditRoute(deps, route.audit));
    }
    if (route.auth === 'advocate') chain.push(requireAdvocate(deps, { whileUnreachable: route.whileUnreachable }));
    // SCIM answers every failure, its own refusals included, as a SCIM Error message.
    if (route.auth === 'scim') {
      chain.unshift(scimErrors());
      chain.push(requireScim(deps));
    }
    if (route.rateLimit) {
      const { limit, per } = route.rateLimit;
      chain.push(
        rateLimit(limiterFor(limit), (c) =>
          per === 'advocate'
            ? c.get('advocate').id
            : per === 'scim'
              ? c.get('scimToken').id
              : clientAddress(c, deps.config.trustProxy),
        ),
      );
    }
    chain.push(...(route.middleware ?? []));
    const run: MiddlewareHandler<AppEnv> = async (c) => {
      const query = route.query ? readQuery(c, route.query) : undefined;
      const body = route.body ? await readJson(c, route.body, { optional: route.optionalBody }) : undefined;
      if (route.audit) c.set('auditInput', body);
      return route.handler(c, { params: c.req.param() as never, body, query });
    };
    app.on(route.method.toUpperCase(), [honoPath(route.path)], ...chain, run);
  }
}
