/**
 * Fixed-window rate limiting in memory, per key (a client address, an account or a token). Over the
 * limit the request is answered 429 with Retry-After. `rateLimit` counts every request;
 * `FailureLimits` counts only attempts that fail (a wrong password, an unknown invite code).
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

  /**
   * Counts one attempt for `key` that can be taken back with `release()` (once): failure limits
   * count an attempt while it is being checked, so concurrent attempts cannot all slip under the
   * limit, and give it back when it did not fail.
   */
  take(key: string): { retryAfter: number; release(): void } {
    const retryAfter = this.hit(key);
    const window = this.windows.get(key);
    let released = false;
    return {
      retryAfter,
      release: () => {
        if (released) return;
        released = true;
        if (window && this.windows.get(key) === window && window.count > 0) window.count--;
      },
    };
  }

  /** Forgets `key`'s window: a sign-in that succeeded clears its own (address, account) failures. */
  forget(key: string): void {
    this.windows.delete(key);
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
      if (retryAfter > 0) throw tooMany(retryAfter);
    }
    await next();
  };
}

function tooMany(retryAfter: number): ProblemError {
  return new ProblemError(429, `Too many requests. Try again in ${retryAfter} s.`, {
    type: 'rate-limited',
    headers: { 'retry-after': String(retryAfter) },
  });
}

/**
 * Limits failed attempts under several keys at once (sign-in: address and account, account,
 * address). An attempt over any limit is answered 429 before it is checked; one that succeeds, or
 * ends for another reason than failing (bad input, a database error), is not counted.
 */
export class FailureLimits {
  constructor(private readonly limiters: readonly RateLimiter[]) {}

  /**
   * Runs `attempt` counted under `keys` (one per limiter, in order); `isFailure` tells which of its
   * errors are failed attempts. Throws 429 without running it when a key is over its limit.
   */
  async run<T>(keys: readonly string[], attempt: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    const taken = this.limiters.map((limiter, i) => limiter.take(keys[i]!));
    const release = () => taken.forEach((entry) => entry.release());
    const retryAfter = Math.max(...taken.map((entry) => entry.retryAfter));
    if (retryAfter > 0) {
      release();
      throw tooMany(retryAfter);
    }
    try {
      const result = await attempt();
      release();
      return result;
    } catch (error) {
      if (!isFailure(error)) release();
      throw error;
    }
  }
}
