/**
 * The background's HTTP client for the Relay API. Failures become ApiError: `offline` when the
 * server cannot be reached, otherwise the HTTP status with the server's problem details and, on
 * 429 and 503, how long the server asked us to wait (Retry-After).
 *
 * A 401 saying the token was revoked, expired or is unknown means this browser's access ended:
 * the client tells `onAccessEnded` (the controller then clears the advocate's data) and throws.
 * Every request says which version of the extension sends it (`Relay-Client`); a server that
 * needs a newer one answers 426 (`clientTooOld`).
 */
import { acceptLanguageHeader } from './browser-languages';
import { problemSchema, type HealthReport, type Problem, type ShareEvent } from '../../lib/schemas';

/** Why access ended, from the 401's problem type. */
export type AccessEnd = 'token-revoked' | 'token-expired' | 'unauthorized';
const ACCESS_ENDS = new Set<string>(['token-revoked', 'token-expired', 'unauthorized']);

export class ApiError extends Error {
  constructor(
    readonly kind: 'offline' | 'http',
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** Retry-After of a 429 or 503, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The last segment of the problem type, e.g. "invite-expired". */
  get problemType(): string | undefined {
    return this.problem?.type.split('/').pop();
  }

  /** The server needs a newer extension than this one (426, `…/client-too-old`). */
  get clientTooOld(): boolean {
    return this.status === 426;
  }

  /** Set when this failure means the token no longer works (401 of a Relay type saying why). */
  get accessEnd(): AccessEnd | undefined {
    const type = this.problemType;
    return this.status === 401 && type !== undefined && ACCESS_ENDS.has(type) ? (type as AccessEnd) : undefined;
  }
}

export type Fetch = typeof fetch;
/** The header every request carries: the extension's version, from its manifest. */
export const CLIENT_HEADER = 'relay-client';
const TIMEOUT_MS = 15_000;
/**
 * Servers that refused the header (older than it: their CORS preflight does not allow it), for this
 * worker's life: a server updated since is asked with it again once the worker restarts.
 */
const WITHOUT_CLIENT_HEADER = new Set<string>();

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface SyncAnswer {
  status: 200 | 304;
  body?: unknown;
  etag?: string;
}

export interface ApiClientOptions {
  fetch?: Fetch;
  /** Told (before the call throws) when the server says the token no longer works. */
  onAccessEnded?: (error: ApiError) => void;
  /** The extension's version (its manifest's), sent as `Relay-Client` on every request. */
  clientVersion?: string;
}

/** How the background reaches a server: its fetch (tests watch it) and the version it announces. */
export type Transport = Pick<ApiClientOptions, 'fetch' | 'clientVersion'>;

export class ApiClient {
  private readonly fetchImpl: Fetch;
  private readonly onAccessEnded: ((error: ApiError) => void) | undefined;
  readonly clientVersion: string | undefined;

  constructor(
    readonly serverUrl: string,
    private readonly token: string | undefined,
    options: Fetch | ApiClientOptions = {},
  ) {
    const { fetch: given, onAccessEnded, clientVersion } = typeof options === 'function' ? { fetch: options } : options;
    this.fetchImpl = given ?? ((...args) => fetch(...args));
    this.onAccessEnded = onAccessEnded;
    this.clientVersion = clientVersion;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('authorization', `Bearer ${this.token}`);
    const announces = Boolean(this.clientVersion) && !WITHOUT_CLIENT_HEADER.has(this.serverUrl);
    if (announces) headers.set(CLIENT_HEADER, this.clientVersion!);
    if (init.body) headers.set('content-type', 'application/json');
    // The browser's languages, so the server can send posts in the person's language.
    const languages = headers.has('accept-language') ? undefined : acceptLanguageHeader();
    if (languages) headers.set('accept-language', languages);
    const send = () =>
      this.fetchImpl(this.serverUrl + path, { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    let response: Response;
    try {
      response = await send().catch(async (error: unknown) => {
        // A server from before Relay-Client refuses it in its CORS preflight, which looks like a
        // network failure: try once without it, and leave it out for that server from then on.
        if (!announces || (error as Error).name === 'TimeoutError') throw error;
        headers.delete(CLIENT_HEADER);
        const answer = await send();
        WITHOUT_CLIENT_HEADER.add(this.serverUrl);
        return answer;
      });
    } catch (error) {
      throw new ApiError('offline', `Can't reach the Relay server at ${this.serverUrl} (${(error as Error).message}).`);
    }
    if (response.status >= 400) {
      const text = await response.text().catch(() => '');
      let problem: Problem | undefined;
      try {
        const parsed = problemSchema.safeParse(JSON.parse(text));
        if (parsed.success) problem = parsed.data;
      } catch {
        // not JSON: keep the status alone
      }
      const wait =
        response.status === 429 || response.status === 503
          ? retryAfterMs(response.headers.get('retry-after'))
          : undefined;
      const error = new ApiError(
        'http',
        problem?.detail ?? `The server answered ${response.status}.`,
        response.status,
        problem,
        wait,
      );
      if (error.accessEnd && this.token) this.onAccessEnded?.(error);
      throw error;
    }
    return response;
  }

  async enroll(code: string, name: string): Promise<unknown> {
    const response = await this.request('/v1/enroll', { method: 'POST', body: JSON.stringify({ code, name }) });
    return response.json();
  }

  /** GET /v1/sign-in-options: whether the server offers work-account sign-in and invite codes. */
  async signInOptions(): Promise<unknown> {
    return (await this.request('/v1/sign-in-options')).json();
  }

  /** Trades the one-time code of a work-account sign-in for an advocate token (POST /v1/sso/exchange, 201). */
  async ssoExchange(code: string): Promise<unknown> {
    const response = await this.request('/v1/sso/exchange', { method: 'POST', body: JSON.stringify({ code }) });
    return response.json();
  }

  async sync(cursor: string | undefined, etag: string | undefined): Promise<SyncAnswer> {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const response = await this.request(`/v1/sync${query}`, {
      headers: etag && cursor ? { 'if-none-match': etag } : {},
    });
    if (response.status === 304) return { status: 304 };
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: 200, body, etag: response.headers.get('etag') ?? undefined };
  }

  async me(): Promise<unknown> {
    return (await this.request('/v1/me')).json();
  }

  async patchMe(patch: { clickTracking?: boolean; leaderboard?: boolean; language?: string | null }): Promise<unknown> {
    return (await this.request('/v1/me', { method: 'PATCH', body: JSON.stringify(patch) })).json();
  }

  async leaderboard(period: string, limit: number): Promise<unknown> {
    return (await this.request(`/v1/leaderboard?period=${encodeURIComponent(period)}&limit=${limit}`)).json();
  }

  /** Sends share events with this browser's clock at sending (`sentAt`), so the server can correct skew. */
  async postShares(events: ShareEvent[], sentAt = new Date()): Promise<{ accepted: number; duplicates: number }> {
    const response = await this.request('/v1/shares', {
      method: 'POST',
      body: JSON.stringify({ events, sentAt: sentAt.toISOString() }),
    });
    return (await response.json()) as { accepted: number; duplicates: number };
  }

  /** Sends this browser's integration health totals (counts only). */
  async postIntegrationHealth(report: HealthReport): Promise<void> {
    await this.request('/v1/integration-health', { method: 'POST', body: JSON.stringify(report) });
  }

  /** Signs out on the server: the token stops working (DELETE /v1/me/token, 204). */
  async revokeToken(): Promise<void> {
    await this.request('/v1/me/token', { method: 'DELETE' });
  }
}
