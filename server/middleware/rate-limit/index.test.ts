import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProblemError, problemResponse } from '../../problem';
import { RateLimiter, rateLimit } from './index';

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
