/** Refuses extensions older than the oldest the server supports: 426 `…/client-too-old`. */
import type { MiddlewareHandler } from 'hono';
import type { ApiRegistry, RouteDoc } from '../../openapi/registry';
import { ProblemError } from '../../problem';

/** The request header the extension names its version in. */
export const CLIENT_HEADER = 'relay-client';
/** The same on the stream's URL (`/v1/stream?relay-client=1.4.0`): a WebSocket cannot set headers. */
export const CLIENT_PARAM = 'relay-client';
/** The problem type of the refusal (`https://relay.invalid/problems/client-too-old`). */
export const CLIENT_TOO_OLD = 'client-too-old';

/** 1 to 4 dot-separated whole numbers, as browser extensions' manifests give them ("1.10.2"). */
const VERSION = /^\d{1,9}(?:\.\d{1,9}){0,3}$/;

/** The version's numbers, or null when it is not one. */
export function parseVersion(text: string | null | undefined): number[] | null {
  const value = text?.trim();
  return value && VERSION.test(value) ? value.split('.').map(Number) : null;
}

/** Negative, 0 or positive as `a` is older than, the same as or newer than `b`; missing parts count 0 (1.2 = 1.2.0). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The refusal for a client that sent `sent` (a header's value, maybe none), or null when it may
 * go on: no minimum is set, or it is at least `minimum`. No version, or one that cannot be read,
 * counts as older.
 */
export function clientTooOld(minimum: string | undefined, sent: string | null | undefined): ProblemError | null {
  const required = parseVersion(minimum);
  if (!required) return null;
  const version = parseVersion(sent);
  if (version && compareVersions(version, required) >= 0) return null;
  const which = version
    ? `This Relay extension (${sent!.trim()}) is`
    : 'This client did not say its version (Relay-Client), so it is taken as';
  return new ProblemError(
    426,
    `${which} older than this server supports: it needs Relay ${minimum} or later. Update Relay to keep receiving posts.`,
    { type: CLIENT_TOO_OLD, title: 'Upgrade Required' },
  );
}

export interface ClientVersionOptions {
  /** The oldest version served (RELAY_MIN_CLIENT_VERSION); undefined: every client. */
  minimum?: string;
}

/** Answers 426 to a request from a client older than `minimum` (or naming none while it is set). */
export function clientVersion(options: ClientVersionOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const refused = clientTooOld(options.minimum, c.req.header(CLIENT_HEADER));
    if (refused) throw refused;
    await next();
  };
}

/** Adds the 426 to one route's OpenAPI description (a WebSocket's own 426 kept). */
export function documentClientVersionOf(route: RouteDoc): void {
  const description = `The client is older than RELAY_MIN_CLIENT_VERSION, or sent no ${CLIENT_HEADER} header while it is set (…/${CLIENT_TOO_OLD})`;
  const own = route.responses[426];
  route.responses[426] = { description: own ? `${own.description}; or: ${description}` : description };
}

/** Adds the 426 to the OpenAPI description of the routes at `paths`. */
export function documentClientVersion(api: ApiRegistry, paths: readonly string[]): void {
  for (const route of api.list()) if (paths.includes(route.path)) documentClientVersionOf(route);
}
