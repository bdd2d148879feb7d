/** Rate limits: sign-in and enrolment per client address, sync per advocate token; 429 with Retry-After. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signIn } from '../helpers/api';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const WINDOW_MS = 60_000;

async function expectRateLimited(response: Response): Promise<void> {
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(WINDOW_MS / 1000);
  await expectProblem(response, 429, 'rate-limited');
}

describe('rate limits', () => {
  let server: TestServer;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    server = await startTestServer({
      rateLimits: {
        session: { limit: 2, windowMs: WINDOW_MS },
        enroll: { limit: 3, windowMs: WINDOW_MS },
        token: { limit: 2, windowMs: WINDOW_MS },
      },
    });
    // One sign-in (the helper keeps the token) and two enrolments: the budgets the tests start from.
    ada = (await server.enroll('Ada')).token;
    bob = (await server.enroll('Bob')).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('limits admin sign-in attempts, right or wrong, and answers 429 with Retry-After', async () => {
    // The first attempt was the helper's own sign-in.
    await expectProblem(await signIn(server, ADMIN_EMAIL, 'wrong password'), 401);
    const limited = await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expectRateLimited(limited);
    // Even a malformed attempt is refused before it is read.
    await expectRateLimited(
      await server.call('/v1/admin/session', {
        method: 'POST',
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
    );
    // The limit is on signing in only: the session already held keeps working.
    expect((await server.call('/v1/admin/invites', { token: await server.adminToken() })).status).toBe(200);
  });

  it('limits enrolment attempts per client, and 429 comes before the code is checked', async () => {
    await expectProblem(
      await server.call('/v1/enroll', { method: 'POST', json: { code: 'ZZZZ-ZZZZ', name: 'Guess' } }),
      404,
      'invite-not-found',
    );
    const invite = (await (
      await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: await server.adminToken() })
    ).json()) as { code: string };
    await expectRateLimited(
      await server.call('/v1/enroll', { method: 'POST', json: { code: invite.code, name: 'Too many' } }),
    );
    // The refused attempt did not use the invite.
    const { items } = (await (await server.call('/v1/admin/invites', { token: await server.adminToken() })).json()) as {
      items: { code: string; uses: number }[];
    };
    expect(items.find((item) => item.code === invite.code)?.uses).toBe(0);
  });

  it('limits sync per advocate token: one advocate over the limit does not limit another', async () => {
    expect((await server.call('/v1/sync', { token: ada })).status).toBe(200);
    expect((await server.call('/v1/sync', { token: ada })).status).toBe(200);
    await expectRateLimited(await server.call('/v1/sync', { token: ada }));
    await expectRateLimited(await server.call('/v1/sync', { token: ada, headers: { 'if-none-match': '*' } }));
    expect((await server.call('/v1/sync', { token: bob })).status).toBe(200);
  });

  it('checks the token before counting: bad tokens get 401, not 429, and use no one’s budget', async () => {
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    expect((await server.call('/v1/sync', { token: bob })).status).toBe(200);
  });
});
