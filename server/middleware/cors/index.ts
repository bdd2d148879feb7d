/** CORS by caller: the extension's origins on its routes, the console's dev server on admin routes, none elsewhere. */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../config';

/** Browser-extension origins: advocate endpoints answer them so the extension needs no host permission. */
export const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[a-zA-Z0-9._-]+$/;

export function extensionCors(): MiddlewareHandler {
  return cors({
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
  return cors({
    origin: (origin) => (origin === devOrigin ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'X-CSRF-Token', 'Authorization'],
    exposeHeaders: ['Content-Disposition', 'Retry-After'],
    maxAge: 600,
  });
}
