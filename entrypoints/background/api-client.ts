/**
 * The background's HTTP client for the Relay API. Failures become ApiError: `offline` when the
 * server cannot be reached, otherwise the HTTP status with the server's problem details.
 */
import { problemSchema, type Problem, type ShareEvent } from '../../lib/schemas';

export class ApiError extends Error {
  constructor(
    readonly kind: 'offline' | 'http',
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The last segment of the problem type, e.g. "invite-expired". */
  get problemType(): string | undefined {
    return this.problem?.type.split('/').pop();
  }
}

export type Fetch = typeof fetch;
const TIMEOUT_MS = 15_000;

export interface SyncAnswer {
  status: 200 | 304;
  body?: unknown;
  etag?: string;
}

export class ApiClient {
  constructor(
    readonly serverUrl: string,
    private readonly token: string | undefined,
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
  ) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('authorization', `Bearer ${this.token}`);
    if (init.body) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await this.fetchImpl(this.serverUrl + path, {
        ...init,
        headers,
        signal: AbortSignal.timeout(TIMEOUT_MS),
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
      throw new ApiError(
        'http',
        problem?.detail ?? `The server answered ${response.status}.`,
        response.status,
        problem,
      );
    }
    return response;
  }

  async enroll(code: string, name: string): Promise<unknown> {
    const response = await this.request('/v1/enroll', { method: 'POST', body: JSON.stringify({ code, name }) });
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

  async patchMe(patch: { clickTracking?: boolean; leaderboard?: boolean }): Promise<unknown> {
    return (await this.request('/v1/me', { method: 'PATCH', body: JSON.stringify(patch) })).json();
  }

  async leaderboard(period: string, limit: number): Promise<unknown> {
    return (await this.request(`/v1/leaderboard?period=${encodeURIComponent(period)}&limit=${limit}`)).json();
  }

  async postShares(events: ShareEvent[]): Promise<{ accepted: number; duplicates: number }> {
    const response = await this.request('/v1/shares', { method: 'POST', body: JSON.stringify({ events }) });
    return (await response.json()) as { accepted: number; duplicates: number };
  }
}
