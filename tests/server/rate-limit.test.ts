/**
 * Rate limits: admin sign-in and enrolment count failed attempts (per address and account, per
 * account, per address), not successes; sync is limited per advocate token. 429 with Retry-After.
 * Client addresses come through one trusted proxy (RELAY_TRUST_PROXY=1) in X-Forwarded-For.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin } from '../../server/admins';
import { loadConfig } from '../../server/config';
import { expectProblem } from '../helpers/api';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const MINUTE = 60_000;
const COLLEAGUE = { email: 'carol@relay.test', password: 'carols own password' };

async function expectRateLimited(response: Response, windowMs: number): Promise<void> {
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(windowMs / 1000);
  await expectProblem(response, 429, 'rate-limited');
}

/** Calls through the trusted proxy: `forwardedFor` is X-Forwarded-For as the proxy passes it on. */
function fromAddress(server: TestServer, forwardedFor: string) {
  const signIn = (email: string, password: string) =>
    server.call('/v1/admin/session', {
      method: 'POST',
      json: { email, password },
      headers: { 'x-forwarded-for': forwardedFor },
    });
  const enroll = (code: string, name = 'Grace Hopper') =>
    server.call('/v1/enroll', { method: 'POST', json: { code, name }, headers: { 'x-forwarded-for': forwardedFor } });
  return { signIn, enroll };
}

async function newInviteCode(server: TestServer): Promise<string> {
  const response = await server.call('/v1/admin/invites', {
    method: 'POST',
    json: {},
    token: await server.adminToken(),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

describe('rate limits with the default limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    const defaults = loadConfig({}).rateLimits;
    server = await startTestServer({
      trustProxy: 1,
      rateLimits: { ...defaults, token: { limit: 1e6, windowMs: MINUTE } },
    });
    await addAdmin(server.deps.db, COLLEAGUE.email, COLLEAGUE.password);
  });
  afterAll(async () => {
    await server?.stop();
  });

  // The bar of issue 16, with the default limits: an office behind one NAT enrols at once, and
  // guessing codes from one address is cut short. On the server's clock, all of it within a minute.
  it('300 enrolments from one address within a minute all succeed; 30 wrong codes from it are limited', async () => {
    const defaults = loadConfig({}).rateLimits;
    expect(defaults.enroll).toEqual({ limit: 20, windowMs: MINUTE });
    expect(defaults.enrollTotal.limit).toBeGreaterThanOrEqual(300);
    // One multi-use company code: maxUses omitted.
    const invite = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    expect(invite.status).toBe(201);
    const { code, maxUses } = (await invite.json()) as { code: string; maxUses: number | null };
    expect(maxUses).toBeNull();

    const office = fromAddress(server, '192.0.2.10');
    const started = server.clock.now;
    const statuses: number[] = [];
    for (let batch = 0; batch < 15; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => office.enroll(code, `Colleague ${batch * 20 + i}`)),
      );
      statuses.push(...responses.map((response) => response.status));
    }
    expect(statuses).toEqual(Array(300).fill(201));

    // Same address, same minute: the 300 successes used none of the failure budget, so exactly
    // the default 20 wrong codes are answered, and the 21st (well before the 30th) is limited.
    const guesses: Response[] = [];
    for (let i = 0; i < 30; i++) guesses.push(await office.enroll(`WRNG-${String(i).padStart(4, '0')}`));
    expect(server.clock.now - started).toBeLessThan(MINUTE);
    expect(guesses.map((response) => response.status)).toEqual([...Array(20).fill(404), ...Array(10).fill(429)]);
    for (const response of guesses.slice(20)) await expectRateLimited(response, MINUTE);
    // While limited, even the right code waits (429 comes before the code is checked); elsewhere it works.
    await expectRateLimited(await office.enroll(code, 'Colleague 301'), MINUTE);
    expect((await fromAddress(server, '192.0.2.11').enroll(code, 'Colleague at home')).status).toBe(201);

    // A minute later on the server's clock, the address may try again.
    server.clock.advance(MINUTE);
    await expectProblem(await office.enroll('WRNG-LATE'), 404, 'invite-not-found');
    expect((await office.enroll(code, 'Colleague 301')).status).toBe(201);
  });

  it('does not lock the admin out after a colleague’s wrong passwords from the same office address', async () => {
    const office = fromAddress(server, '192.0.2.20');
    for (let i = 0; i < 10; i++) await expectProblem(await office.signIn(COLLEAGUE.email, 'typo typo'), 401);
    // The colleague, from here, has had enough tries for now…
    await expectRateLimited(await office.signIn(COLLEAGUE.email, COLLEAGUE.password), 15 * MINUTE);
    // …but the admin at the next desk signs in, and so does the colleague from home.
    expect((await office.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
    expect((await fromAddress(server, '198.51.100.20').signIn(COLLEAGUE.email, COLLEAGUE.password)).status).toBe(200);
  });

  it('does not count successful sign-ins, and one clears the wrong tries before it', async () => {
    const desk = fromAddress(server, '192.0.2.30');
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3; i++) await expectProblem(await desk.signIn(ADMIN_EMAIL, 'almost right'), 401);
      expect((await desk.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
    }
    for (let i = 0; i < 20; i++) expect((await desk.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('limits wrong passwords sent with a forged first X-Forwarded-For hop', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const forger = fromAddress(server, `10.${i}.0.1, 203.0.113.66`);
      statuses.push((await forger.signIn(ADMIN_EMAIL, `guess ${i}`)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
  });

  it('does not count malformed or invalid attempts', async () => {
    const headers = { 'x-forwarded-for': '192.0.2.40', 'content-type': 'application/json' };
    for (let i = 0; i < 12; i++) {
      await expectProblem(await server.call('/v1/admin/session', { method: 'POST', body: '{', headers }), 400);
    }
    expect((await fromAddress(server, '192.0.2.40').signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe('rate limits keep guessing bounded', () => {
  let server: TestServer;
  const limits = {
    session: { limit: 2, windowMs: 15 * MINUTE },
    sessionAccount: { limit: 5, windowMs: 15 * MINUTE },
    sessionAddress: { limit: 6, windowMs: 15 * MINUTE },
    enroll: { limit: 3, windowMs: MINUTE },
    enrollTotal: { limit: 12, windowMs: MINUTE },
    token: { limit: 2, windowMs: MINUTE },
    scim: { limit: 2, windowMs: MINUTE },
  };
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: 1, rateLimits: limits });
    await addAdmin(server.deps.db, COLLEAGUE.email, COLLEAGUE.password);
    ada = (await server.enroll('Ada')).token;
    bob = (await server.enroll('Bob')).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('one account guessed from many addresses: refused everywhere once the account limit is reached', async () => {
    for (let i = 0; i < 5; i++) {
      await expectProblem(await fromAddress(server, `198.51.100.${i}`).signIn(COLLEAGUE.email, `guess ${i}`), 401);
    }
    const fresh = fromAddress(server, '198.51.100.99');
    await expectRateLimited(await fresh.signIn(COLLEAGUE.email, 'guess 5'), 15 * MINUTE);
    await expectRateLimited(await fresh.signIn(COLLEAGUE.email, COLLEAGUE.password), 15 * MINUTE);
    // Other accounts are not affected.
    expect((await fresh.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('many accounts guessed from one address: refused once the address limit is reached', async () => {
    const sprayer = fromAddress(server, '203.0.113.7');
    for (let i = 0; i < 6; i++) await expectProblem(await sprayer.signIn(`user${i}@relay.test`, 'Winter2026!'), 401);
    await expectRateLimited(await sprayer.signIn('user6@relay.test', 'Winter2026!'), 15 * MINUTE);
    await expectRateLimited(await sprayer.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), 15 * MINUTE);
    expect((await fromAddress(server, '203.0.113.8').signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('limits failed enrolments per address, forged first hops or not; 429 comes before the code is checked', async () => {
    const code = await newInviteCode(server);
    for (let i = 0; i < 3; i++) {
      const guesser = fromAddress(server, `10.0.${i}.1, 203.0.113.20`);
      await expectProblem(await guesser.enroll(`ZZZZ-ZZZ${i + 2}`), 404, 'invite-not-found');
    }
    await expectRateLimited(await fromAddress(server, '10.9.9.9, 203.0.113.20').enroll(code, 'Too many'), MINUTE);
    // The refused attempt did not use the invite, and another address enrols with it.
    expect((await fromAddress(server, '203.0.113.21').enroll(code, 'Elsewhere')).status).toBe(201);
    const { items } = (await (await server.call('/v1/admin/invites', { token: await server.adminToken() })).json()) as {
      items: { hint: string; uses: number }[];
    };
    expect(items.find((item) => item.hint === code.slice(0, 4))?.uses).toBe(1);
  });

  it('keeps a ceiling on all enrolments from one address', async () => {
    const code = await newInviteCode(server);
    const busy = fromAddress(server, '203.0.113.30');
    for (let i = 0; i < 12; i++) expect((await busy.enroll(code, `Person ${i}`)).status).toBe(201);
    await expectRateLimited(await busy.enroll(code, 'One too many'), MINUTE);
  });

  it('limits sync per advocate token: one advocate over the limit does not limit another', async () => {
    expect((await server.call('/v1/sync', { token: ada })).status).toBe(200);
    expect((await server.call('/v1/sync', { token: ada })).status).toBe(200);
    await expectRateLimited(await server.call('/v1/sync', { token: ada }), MINUTE);
    await expectRateLimited(await server.call('/v1/sync', { token: ada, headers: { 'if-none-match': '*' } }), MINUTE);
    expect((await server.call('/v1/sync', { token: bob })).status).toBe(200);
  });

  it('checks the token before counting: bad tokens get 401, not 429, and use no one’s budget', async () => {
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/sync', { token: 'rlv_nobody' }), 401, 'unauthorized');
    expect((await server.call('/v1/sync', { token: bob })).status).toBe(200);
  });
});
