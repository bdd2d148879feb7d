/**
 * Fixed-window rate limiting in memory, per key (a client address or a token). Over the limit the
 * request is answered 429 with Retry-After and never reaches the handler.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../../problem';

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Keys kept at most; the oldest windows are dropped first past this. */
  maxKeys?: number;
  now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key`; returns 0 when allowed, else the seconds until it would be. */
  hit(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      this.evict(now);
    }
    window.count++;
    if (window.count <= this.options.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
  }

  private evict(now: number): void {
    if (this.windows.size <= this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (this.windows.size <= this.maxKeys && now - window.start < this.options.windowMs) break;
      this.windows.delete(key);
    }
  }
}

export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const key = keyOf(c);
    if (key !== undefined) {
      const retryAfter = limiter.hit(key);
      if (retryAfter > 0) {
        throw new ProblemError(429, `Too many requests. Try again in ${retryAfter} s.`, {
          type: 'rate-limited',
          headers: { 'retry-after': String(retryAfter) },
        });
      }
    }
    await next();
  };
}
