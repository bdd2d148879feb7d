/**
 * Refuses a request whose path holds a control character once decoded (`/v1/admin/content/%00`):
 * no route has such a path, and a path parameter carrying one must never reach the database
 * (PostgreSQL cannot store or compare a NUL in text, and answered 500). It answers 404, like any
 * path nothing lives at, before authentication or any route runs.
 */
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../../problem';

/**
 * A percent-encoded C0 control or DEL (`%00`–`%1F`, `%7F`), or a C1 control in UTF-8 (`%C2%80`–
 * `%C2%9F`). Raw control bytes never get this far: Node's HTTP parser refuses them.
 */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)|%c2%[89][0-9a-f]/i;

export function hasEncodedControl(path: string): boolean {
  return ENCODED_CONTROL.test(path);
}

export function pathGuard(): MiddlewareHandler {
  return async (c, next) => {
    // The path as sent, still percent-encoded (Hono's c.req.path is decoded).
    if (hasEncodedControl(new URL(c.req.url).pathname)) {
      throw new ProblemError(404, 'Nothing is at this address: its path holds a control character.', {
        type: 'not-found',
      });
    }
    await next();
  };
}
