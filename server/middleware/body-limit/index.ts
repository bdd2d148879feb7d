/**
 * The request-body limit: 413 past `maxSize` bytes (declared or streamed). A request that declares
 * no body (neither Content-Length nor Transfer-Encoding: HTTP/1.1 then has none) passes untouched,
 * because asking Hono for the body makes @hono/node-server build a whole fetch Request (an
 * AbortController, the URL, the headers) that a GET never needs.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../../problem';
import { requestHeader } from '../client-address';

/** Whether the request says a body follows. */
export function declaresBody(c: Context): boolean {
  const length = requestHeader(c, 'content-length');
  return requestHeader(c, 'transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}

/** Limits bodies to `maxSize` bytes on every path but `except` (which has a limit of its own). */
export function limitBodies(maxSize: number, except?: string): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError(413, `The request body is larger than ${maxSize} bytes.`, { type: 'too-large' });
    },
  });
  return (c, next) => (c.req.path === except || !declaresBody(c) ? next() : limit(c, next));
}
