/** Reading request bodies and queries through the shared zod schemas, failing as problem+json. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ProblemError, fieldErrors, validationProblem } from './problem';

/**
 * The request body as text. A body cut off on the way (the client went away, or the server's
 * request timeout closed the connection) is a 400 nobody may read, not a server failure to log.
 */
async function readBody(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'ECONNRESET' || message === 'aborted') {
      throw new ProblemError(400, 'The request body did not arrive in full.', { type: 'incomplete-body' });
    }
    throw error;
  }
}

export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { optional?: boolean } = {},
): Promise<z.output<T>> {
  const text = await readBody(c);
  let body: unknown;
  if (text.trim() === '' && options.optional) {
    body = {};
  } else {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new ProblemError(415, 'Send a JSON body with "Content-Type: application/json".', {
        type: 'unsupported-media-type',
      });
    }
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new ProblemError(400, `The request body is not valid JSON: ${(error as Error).message}`, {
        type: 'malformed-json',
      });
    }
  }
  const result = schema.safeParse(body);
  if (!result.success) throw validationProblem(result.error);
  return result.data;
}

export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    const errors = fieldErrors(result.error);
    const first = errors[0];
    throw new ProblemError(400, `The query is not valid${first ? ` (${first.path}: ${first.message})` : ''}.`, {
      type: 'malformed-query',
      errors,
    });
  }
  return result.data;
}
