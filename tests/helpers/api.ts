/**
 * Assertions and small builders shared by the API tests: problem+json checks, content creation and
 * sync calls through the real HTTP API.
 */
import { expect } from 'vitest';
import type { ContentItem, SyncResponse } from '../../lib/schemas';
import { PROBLEM_BASE } from '../../server/problem';
import type { TestServer } from './server';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** A revoked or expired token's 401: why. */
  reason?: string;
  errors?: { path: string; message: string }[];
}

/** Signs of a leaked stack trace or source location in a response body. */
const STACK_TRACE = /\n\s+at\s|node_modules|\.[cm]?[jt]s:\d+|\bError:\s.*\n/;

/**
 * Asserts `response` is an RFC 9457 problem with the given status (and type, when given, matched
 * against the end of the type URI), with no stack trace, and returns its body.
 */
export async function expectProblem(response: Response, status: number, type?: string): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(text).not.toMatch(STACK_TRACE);
  const body = JSON.parse(text) as ProblemBody;
  expect(body).toMatchObject({ status });
  expect(typeof body.type).toBe('string');
  expect(body.type.length).toBeGreaterThan(0);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  if (type !== undefined) expect(body.type).toBe(PROBLEM_BASE + type);
  return body;
}

/** Asserts a 422 whose `errors` name each of `paths` (and only well-formed entries). */
export async function expectValidation(response: Response, ...paths: string[]): Promise<ProblemBody> {
  const body = await expectProblem(response, 422, 'validation');
  expect(Array.isArray(body.errors)).toBe(true);
  for (const error of body.errors ?? []) {
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
  const reported = (body.errors ?? []).map((error) => error.path);
  for (const path of paths) expect(reported).toContain(path);
  return body;
}

export interface ContentOverrides {
  [field: string]: unknown;
}

export function contentInput(overrides: ContentOverrides = {}): Record<string, unknown> {
  return {
    title: 'Relay launches today',
    url: 'https://example.com/launch?ref=blog#top',
    variants: { linkedin: ['We launched Relay today.'], x: ['Relay is live!'] },
    ...overrides,
  };
}

/** Creates content through the API (201 expected) and returns the item. */
export async function createContent(server: TestServer, overrides: ContentOverrides = {}): Promise<ContentItem> {
  const response = await server.call('/v1/admin/content', {
    method: 'POST',
    json: contentInput(overrides),
    token: await server.adminToken(),
  });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return JSON.parse(text) as ContentItem;
}

/** GET /v1/sync (with `cursor` when given); expects 200 and returns the body and the ETag. */
export async function sync(
  server: TestServer,
  token: string,
  cursor?: string,
): Promise<{ body: SyncResponse; etag: string }> {
  const response = await server.call(`/v1/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const etag = response.headers.get('etag');
  expect(etag).toBeTruthy();
  return { body: JSON.parse(text) as SyncResponse, etag: etag! };
}

/** Signs in as `email` without any caching (the server helper caches one admin token). */
export async function signIn(server: TestServer, email: string, password: string): Promise<Response> {
  return server.call('/v1/admin/session', { method: 'POST', json: { email, password } });
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The server clock's reading just before and just after a call, for asserting the times it wrote. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Starts a window at the server clock's current reading; `end()` closes it at the reading then. */
export function clockWindow(server: TestServer): { end(): TimeWindow } {
  const from = server.clock.now;
  return { end: () => ({ from, to: server.clock.now }) };
}

/** Asserts an ISO time lies within `window` (both ends included). */
export function expectTimeIn(value: string | null | undefined, window: TimeWindow): void {
  expect(typeof value).toBe('string');
  const ms = Date.parse(value!);
  expect(ms).toBeGreaterThanOrEqual(window.from);
  expect(ms).toBeLessThanOrEqual(window.to);
}
