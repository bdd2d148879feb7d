/** A SCIM client for tests, sending what identity providers send (application/scim+json, a bearer SCIM token), and SCIM error checks. */
import { expect } from 'vitest';
import type { TestServer } from './server';

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Makes a SCIM token the way an admin does (POST /v1/admin/scim-tokens). */
export async function createScimToken(server: TestServer, label = 'Test IdP'): Promise<{ id: string; token: string }> {
  const response = await server.call('/v1/admin/scim-tokens', {
    method: 'POST',
    json: { label },
    token: await server.adminToken(),
  });
  if (response.status !== 201) throw new Error(`SCIM token: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; token: string };
}

export interface ScimClient {
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The JSON of a request that must answer `status`. */
  json<T = Record<string, unknown>>(method: string, path: string, body: unknown, status: number): Promise<T>;
}

/** Requests to /scim/v2 with `token`, as an identity provider makes them. */
export function scimClient(server: TestServer, token: string): ScimClient {
  const send: ScimClient['send'] = (method, path, body, headers = {}) =>
    server.call(`/scim/v2${path}`, {
      method,
      token,
      headers: {
        accept: 'application/scim+json',
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    send,
    async json(method, path, body, status) {
      const response = await send(method, path, body);
      const text = await response.text();
      expect(response.status, `${method} ${path}: ${text}`).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
      return JSON.parse(text);
    },
  };
}

export interface ScimErrorBody {
  schemas: string[];
  status: string;
  scimType?: string;
  detail: string;
}

/** Asserts a SCIM Error message (RFC 7644 §3.12) with this status (and keyword), no stack trace, and returns it. */
export async function expectScimError(response: Response, status: number, scimType?: string): Promise<ScimErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(text).not.toMatch(/\n\s+at\s|node_modules|\.[cm]?[jt]s:\d+/);
  const body = JSON.parse(text) as ScimErrorBody;
  expect(body.schemas).toEqual([SCIM_ERROR]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  if (scimType !== undefined) expect(body.scimType).toBe(scimType);
  return body;
}
