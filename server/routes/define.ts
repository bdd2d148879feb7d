/** A route declared once: its OpenAPI entry, who calls it, its auth, rate limit, input schemas and handler. */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Config } from '../config';
import type { AppEnv } from '../context';
import type { RouteDoc } from '../openapi/registry';
import type { Permission } from '../../lib/roles';

/**
 * Who calls a route from a browser; CORS follows from it (mount.ts). By default advocate routes
 * are called by the extension, admin routes by the console, and open routes by anyone.
 */
export type Caller = 'extension' | 'console' | 'public';

/**
 * How a successful admin request is written to the audit log (mount.ts): the action, and the type
 * of its target, whose id is the path's {id} unless the handler says otherwise with
 * c.set('audit', …). The change is the validated body, secrets removed, unless the handler gives one.
 */
export interface RouteAudit {
  /** A dotted verb: content.publish, guidelines.update, admins.role… */
  action: string;
  target?: string;
}

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The path parameters of an OpenAPI path: '/v1/admin/content/{id}' gives { id: string }. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets besides the context: its path parameters, body and query, validated. */
export interface RouteInput<P extends string, B, Q> {
  params: PathParams<P>;
  body: B;
  query: Q;
}

export interface RouteSpec<
  P extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
> extends Omit<RouteDoc, 'path' | 'body' | 'query'> {
  /** OpenAPI style path, e.g. /v1/admin/content/{id}. */
  path: P;
  /** Read as JSON and validated: 415 not JSON, 400 malformed, 422 invalid (errors[]). */
  body?: B;
  /** An empty body reads as {}. */
  optionalBody?: boolean;
  /** Validated: 400 malformed-query (errors[]). */
  query?: Q;
  /** Requests counted per advocate or SCIM token (after auth) or per client address, under one of config.rateLimits. */
  rateLimit?: { limit: keyof Config['rateLimits']; per: 'advocate' | 'scim' | 'address' };
  /** Advocate routes that can work without the database believe a token it vouched for lately. */
  whileUnreachable?: boolean;
  caller?: Caller;
  /** Admin routes: what the admin's role must allow (lib/roles.ts). Left out: owners only. */
  permission?: Permission;
  /** Admin routes that change something: recorded in the audit log when they succeed. */
  audit?: RouteAudit;
  /** An extension route any version may call (signing out): no 426 below RELAY_MIN_CLIENT_VERSION. */
  anyClientVersion?: boolean;
  /** Runs after auth and the rate limit, before the input is read. */
  middleware?: MiddlewareHandler<AppEnv>[];
  handler: (c: Context<AppEnv>, input: RouteInput<P, Parsed<B>, Parsed<Q>>) => Response | Promise<Response>;
}

/** A declared route, as mount.ts takes it. */
export type Route = RouteSpec<string, z.ZodType | undefined, z.ZodObject | undefined>;

export function defineRoute<
  P extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<P, B, Q>): Route {
  return spec as unknown as Route;
}

/** The caller a route declares, or the one its auth implies. */
export function callerOf(route: Pick<Route, 'caller' | 'auth'>): Caller {
  return route.caller ?? (route.auth === 'advocate' ? 'extension' : route.auth === 'admin' ? 'console' : 'public');
}

/** The refusals every token-limited advocate route documents. */
export const ADVOCATE_REFUSALS = {
  401: { description: 'Missing or bad advocate token' },
  403: { description: 'An admin token' },
  429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
};
