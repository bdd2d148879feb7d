/**
 * The admin console: GET /admin and /admin/* serve the built single-page app from
 * console/dist (`npm run build:admin`). Hashed files under assets/ are cached for a year;
 * index.html, served for every client-side route, is revalidated each time. Every answer carries a
 * strict Content-Security-Policy (no inline script or style), X-Frame-Options DENY and friends.
 * Without a build, /admin answers 503 saying how to make one.
 */
import { stat, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../context';
import type { ApiRegistry } from '../openapi/registry';
import { responseHeaders } from '../middleware/response-headers';
import { ProblemError } from '../problem';

export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const CONSOLE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONSOLE_CSP,
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

async function fileStat(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

const notFound = (path: string) => new ProblemError(404, `Nothing at GET ${path}.`, { type: 'not-found' });

export function consoleRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(responseHeaders(CONSOLE_SECURITY_HEADERS));

  async function send(c: Context<AppEnv>, path: string, cacheControl: string): Promise<Response> {
    const info = await fileStat(path);
    if (!info) throw notFound(c.req.path);
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    c.header('cache-control', cacheControl);
    c.header('etag', etag);
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304);
    c.header('content-type', TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
    return c.body(new Uint8Array(await readFile(path)));
  }

  async function serve(c: Context<AppEnv>): Promise<Response> {
    const root = resolve(deps.config.consoleDir);
    const index = resolve(root, 'index.html');
    if (!(await fileStat(index))) {
      throw new ProblemError(
        503,
        'The admin console has not been built. Run `npm run build:admin` (it writes console/dist), then reload.',
        { type: 'console-not-built' },
      );
    }
    const relative = c.req.param('path') ?? '';
    if (relative === '' || relative === 'index.html') return send(c, index, 'no-cache');
    const segments = relative.split('/');
    if (/[\0\\]/.test(relative) || segments.some((segment) => segment === '..' || segment === '.'))
      throw notFound(c.req.path);
    const file = resolve(root, relative);
    if (!file.startsWith(root + sep)) throw notFound(c.req.path);
    if (await fileStat(file)) return send(c, file, segments[0] === 'assets' ? IMMUTABLE : 'no-cache');
    // A missing file (it has an extension) is a 404, never the page: no HTML served as a script.
    if (extname(segments[segments.length - 1] ?? '') !== '') throw notFound(c.req.path);
    return send(c, index, 'no-cache');
  }

  const responses = {
    200: { description: 'The console (index.html for client-side routes), or one of its files' },
    304: { description: 'Not modified (If-None-Match)' },
    404: { description: 'No such file' },
    503: { description: 'The console has not been built: run `npm run build:admin`' },
  };
  api.add({
    method: 'get',
    path: '/admin',
    summary: 'The admin console (single-page app)',
    tag: 'console',
    auth: 'none',
    responses,
  });
  app.get('/', serve);
  api.add({
    method: 'get',
    path: '/admin/{path}',
    summary: "The admin console's files and client-side routes",
    tag: 'console',
    auth: 'none',
    responses,
  });
  app.get('/:path{.*}', serve);
  return app;
}
