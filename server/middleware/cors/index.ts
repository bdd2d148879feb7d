/** CORS by caller: the extension's origins on its routes, the console's dev server on admin routes, none elsewhere. */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../config';

interface CorsSettings {
  /** The origin to allow for a request's Origin, or null. */
  origin: (origin: string) => string | null;
  credentials?: boolean;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * Preflights are Hono's CORS middleware. Every other answer gets its CORS headers on its own
 * headers once made: Hono's middleware touches the answer before the handler runs and sets Vary
 * with `c.header` after it, and either makes Hono copy the handler's answer into a new Response
 * around its body stream (measured on a 304: about a third of its CPU).
 */
function corsFor(settings: CorsSettings): MiddlewareHandler {
  const preflight = cors(settings);
  const expose = settings.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    const allowed = settings.origin(c.req.header('origin') ?? '');
    if (allowed) headers.set('access-control-allow-origin', allowed);
    if (settings.credentials) headers.set('access-control-allow-credentials', 'true');
    if (expose) headers.set('access-control-expose-headers', expose);
    headers.append('vary', 'Origin');
  };
}

/** Browser-extension origins: advocate endpoints answer them so the extension needs no host permission. */
export const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[a-zA-Z0-9._-]+$/;

export function extensionCors(): MiddlewareHandler {
  return corsFor({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'Relay-Client'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
}

/**
 * The console's Vite dev server (another origin, RELAY_CONSOLE_DEV_ORIGIN) may call admin
 * endpoints with the cookie; the built console is served by the API itself and needs no CORS.
 */
export function consoleCors(config: Pick<Config, 'consoleDevOrigin'>): MiddlewareHandler | undefined {
  const devOrigin = config.consoleDevOrigin;
  if (!devOrigin) return undefined;
  return corsFor({
    origin: (origin) => (origin === devOrigin ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'X-CSRF-Token', 'Authorization'],
    exposeHeaders: ['Content-Disposition', 'Retry-After'],
    maxAge: 600,
  });
}
