/**
 * The console's HTTP client: same-origin fetch with the session cookie, the CSRF header on every
 * write, and problem+json failures turned into ApiError (status, detail and per-field errors).
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[];
  readonly retryAfter: number | null;
  /** The problem's type URI ("about:blank" when the server named none). */
  readonly type: string;
  /** The problem's body as sent: its extension members (a must-fix 422's `failures`). */
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    title: string,
    detail: string,
    errors: FieldError[] = [],
    retryAfter: number | null = null,
    type = 'about:blank',
    body: Record<string, unknown> = {},
  ) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.retryAfter = retryAfter;
    this.type = type;
    this.body = body;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'relay_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The token from the sign-in (or session) answer; the relay_csrf cookie is the fallback. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when an authenticated call answers 401: the session ended (expired, or signed out elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return rest.join('=');
      }
    }
  }
  return null;
}

function currentCsrf(): string | null {
  return csrfToken ?? readCookie(CSRF_COOKIE);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    path: typeof entry.path === 'string' ? entry.path : Array.isArray(entry.path) ? entry.path.join('.') : '',
    message: typeof entry.message === 'string' ? entry.message : 'is not valid',
  }));
}

const FALLBACK_DETAIL: Record<number, string> = {
  400: 'The server could not read the request.',
  401: 'Please sign in.',
  403: 'You are not allowed to do that.',
  404: 'It is not there (any more).',
  409: 'That conflicts with the current state; reload and try again.',
  413: 'That is too large for the server.',
  422: 'Some fields are not valid.',
  429: 'Too many attempts. Wait a moment and try again.',
};

async function problemFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  const record = isRecord(body) ? body : {};
  const title = typeof record.title === 'string' ? record.title : response.statusText || `HTTP ${response.status}`;
  const detail =
    typeof record.detail === 'string' && record.detail
      ? record.detail
      : (FALLBACK_DETAIL[response.status] ?? `The server answered ${response.status}.`);
  const type = typeof record.type === 'string' ? record.type : 'about:blank';
  return new ApiError(response.status, title, detail, toFieldErrors(record.errors), retryAfter, type, record);
}

export interface RequestOptions {
  /** Don't treat 401 as "the session ended" (sign-in and the session check). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // A Blob (an uploaded file) goes as its bytes, with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (WRITE_METHODS.has(method)) {
    const token = currentCsrf();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'Offline', "Can't reach the Relay server. Check your connection and try again.");
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (problem.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** POSTs a file's bytes as the body. */
  upload: <T>(path: string, file: Blob, options?: RequestOptions) => request<T>('POST', path, file, options),
};

/** A sentence for an error of any kind, for alerts. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter) return `${error.message} Try again in ${error.retryAfter} s.`;
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
