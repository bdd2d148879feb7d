/** Reading request bodies and queries through the shared zod schemas, failing as problem+json. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ProblemError, fieldErrors, validationProblem } from './problem';

export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { optional?: boolean } = {},
): Promise<z.output<T>> {
  const text = await c.req.text();
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
