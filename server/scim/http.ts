/** SCIM over HTTP: JSON bodies (scim+json, json, any JSON type or none), checked query parameters, application/scim+json answers. */
import type { Context } from 'hono';
import { hasControlCharacters } from '../../lib/text';
import { ScimProblem, SCIM_MEDIA_TYPE } from './errors';

/** The JSON body; a missing one reads as undefined (scimmy then says what it expected). */
export async function readScimBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type !== undefined && type.trim() !== '' && !/^[\w.-]+\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ScimProblem(415, 'Send the body as JSON, with "Content-Type: application/scim+json".');
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new ScimProblem(400, 'The request body did not arrive in full.', 'invalidSyntax');
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScimProblem(400, `The request body is not valid JSON: ${(error as Error).message}`, 'invalidSyntax');
  }
}

/** What scimmy's resource constructors take from the query: filter, attributes and paging. */
export interface ScimQuery {
  filter?: string;
  attributes?: string;
  excludedAttributes?: string;
  startIndex?: number;
  count?: number;
}

export function readScimQuery(c: Context): ScimQuery {
  const query = c.req.query();
  for (const [name, value] of Object.entries(query)) {
    if (hasControlCharacters(value)) {
      throw new ScimProblem(400, `The ${name} parameter must not contain control characters.`, 'invalidValue');
    }
  }
  const whole = (name: 'startIndex' | 'count'): number | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (!/^-?\d{1,9}$/.test(value.trim()))
      throw new ScimProblem(400, `${name} must be a whole number.`, 'invalidValue');
    return Number(value);
  };
  const { filter, attributes, excludedAttributes } = query;
  if (filter !== undefined && filter.trim() === '') throw new ScimProblem(400, 'The filter is empty.', 'invalidFilter');
  return {
    ...(filter !== undefined ? { filter } : {}),
    ...(attributes ? { attributes } : {}),
    ...(excludedAttributes ? { excludedAttributes } : {}),
    ...(query.startIndex !== undefined ? { startIndex: whole('startIndex') } : {}),
    ...(query.count !== undefined ? { count: whole('count') } : {}),
  };
}

/** meta.location made absolute, wherever a resource (or a list of them) has one. */
function locate(value: unknown, origin: string): unknown {
  if (Array.isArray(value)) return value.map((each) => locate(each, origin));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, each] of Object.entries(value)) {
    out[key] =
      key === 'location' && typeof each === 'string' && each.startsWith('/') ? origin + each : locate(each, origin);
  }
  return out;
}

export function scimAnswer(
  body: unknown,
  options: { status?: number; publicUrl: string; headers?: Record<string, string> },
): Response {
  const origin = options.publicUrl.replace(/\/+$/, '');
  const located = locate(JSON.parse(JSON.stringify(body)), origin);
  return new Response(JSON.stringify(located), {
    status: options.status ?? 200,
    headers: { 'content-type': SCIM_MEDIA_TYPE, ...options.headers },
  });
}
