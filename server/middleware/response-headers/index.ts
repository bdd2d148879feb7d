/** Headers every answer carries (nosniff, the console's security headers), set without rebuilding the answer. */
import type { MiddlewareHandler } from 'hono';

/**
 * Sets `headers` on every answer below it, on the answer's own headers. Not with `c.header` after
 * the handler: on an answer that is already made, that makes Hono copy it into a new Response
 * around its body stream, which @hono/node-server then reads back through the stream instead of
 * writing the string the answer was made from (measured: a small JSON answer 159 -> 41 us of CPU).
 */
export function responseHeaders(headers: Readonly<Record<string, string>>): MiddlewareHandler {
  const entries = Object.entries(headers);
  return async (c, next) => {
    await next();
    const own = c.res.headers;
    for (const [name, value] of entries) own.set(name, value);
  };
}
