import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProblemError, problemResponse } from '../../problem';
import { FailureLimits, RateLimiter, rateLimit } from './index';

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then tells how long to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(60);
    expect(limiter.hit('b')).toBe(0);
    now += 30_000;
    expect(limiter.hit('a')).toBe(30);
    now += 30_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('forgets a key on request (a sign-in that succeeded clears its pair)', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit('a');
    expect(limiter.hit('a')).toBeGreaterThan(0);
    limiter.forget('a');
    expect(limiter.hit('a')).toBe(0);
  });

  it('forgets the oldest keys past maxKeys', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('c')).toBeGreaterThan(0);
  });
});

describe('rateLimit middleware', () => {
  it('answers 429 problem+json with Retry-After past the limit', async () => {
    const app = new Hono();
    app.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('boom', 500)));
    app.use(rateLimit(new RateLimiter({ limit: 1, windowMs: 10_000 }), () => 'same'));
    app.get('/', (c) => c.text('ok'));
    expect((await app.request('/')).status).toBe(200);
    const limited = await app.request('/');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});

describe('FailureLimits', () => {
  const failed = new ProblemError(401, 'wrong');
  const isFailure = (error: unknown) => error === failed;
  const fail = () => Promise.reject(failed);
  const succeed = () => Promise.resolve('ok');

  async function status(promise: Promise<unknown>): Promise<number | string> {
    try {
      return (await promise) as string;
    } catch (error) {
      return (error as ProblemError).status;
    }
  }

  it('counts failures only: successes and other errors leave the budget as it was', async () => {
    const limits = new FailureLimits([new RateLimiter({ limit: 2, windowMs: 60_000 })]);
    for (let i = 0; i < 5; i++) expect(await limits.run(['a'], succeed, isFailure)).toBe('ok');
    await expect(limits.run(['a'], () => Promise.reject(new Error('database down')), isFailure)).rejects.toThrow();
    expect(await status(limits.run(['a'], fail, isFailure))).toBe(401);
    expect(await status(limits.run(['a'], fail, isFailure))).toBe(401);
    // Over the limit: refused before running, even an attempt that would succeed.
    let ran = false;
    const refused = limits.run(
      ['a'],
      async () => {
        ran = true;
        return 'ok';
      },
      isFailure,
    );
    await expect(refused).rejects.toMatchObject({ status: 429, headers: { 'retry-after': '60' } });
    expect(ran).toBe(false);
    expect(await limits.run(['b'], succeed, isFailure)).toBe('ok');
  });

  it('refuses when any of its keys is over its limit, and a refusal counts against none', async () => {
    let now = 0;
    const pair = new RateLimiter({ limit: 1, windowMs: 60_000, now: () => now });
    const account = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    const limits = new FailureLimits([pair, account]);
    expect(await status(limits.run(['x carol', 'carol'], fail, isFailure))).toBe(401);
    expect(await status(limits.run(['x carol', 'carol'], fail, isFailure))).toBe(429);
    expect(await status(limits.run(['y carol', 'carol'], fail, isFailure))).toBe(401);
    expect(await status(limits.run(['z carol', 'carol'], fail, isFailure))).toBe(401);
    // The account is at its limit: a fresh pair is refused too.
    expect(await status(limits.run(['w carol', 'carol'], succeed, isFailure))).toBe(429);
    now += 60_000;
    expect(await limits.run(['w carol', 'carol'], succeed, isFailure)).toBe('ok');
  });

  it('counts attempts in flight, so concurrent failures cannot all slip under the limit', async () => {
    const limits = new FailureLimits([new RateLimiter({ limit: 3, windowMs: 60_000 })]);
    const slowFail = () => new Promise<never>((_, reject) => setTimeout(() => reject(failed), 10));
    const results = await Promise.all(Array.from({ length: 10 }, () => status(limits.run(['a'], slowFail, isFailure))));
    expect(results.filter((result) => result === 401)).toHaveLength(3);
    expect(results.filter((result) => result === 429)).toHaveLength(7);
  });
});
