/** Sends a route case's request (tests/helpers/route-cases.ts), with any part of it replaced. */
import type { RouteDoc } from '../../server/openapi/registry';
import type { CaseRequest } from './route-cases';
import type { TestServer } from './server';

export interface SendOverrides {
  /** A raw body instead of the case's JSON or upload. */
  body?: string;
  /** A content type instead of the case's; null sends none. */
  contentType?: string | null;
  /** The Bearer token; none when undefined. */
  token?: string;
  path?: string;
  query?: string;
}

export function sendCase(
  server: TestServer,
  route: Pick<RouteDoc, 'method'>,
  request: CaseRequest,
  overrides: SendOverrides = {},
): Promise<Response> {
  const body =
    overrides.body ?? request.upload?.body ?? (request.json !== undefined ? JSON.stringify(request.json) : undefined);
  const contentType =
    overrides.contentType === undefined ? (request.upload?.type ?? 'application/json') : overrides.contentType;
  const headers: Record<string, string> = {};
  if (body !== undefined && contentType !== null) headers['content-type'] = contentType;
  const query = overrides.query ?? request.query;
  return server.call(`${overrides.path ?? request.path}${query ? `?${query}` : ''}`, {
    method: route.method.toUpperCase(),
    headers,
    body,
    token: overrides.token,
  });
}
