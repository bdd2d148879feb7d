/**
 * Invites (create, list, revoke; codes shown once and stored hashed; 30 days unless told otherwise)
 * and enrolment with every way an invite can be refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { clockWindow, expectProblem, expectTimeIn, expectValidation, iso, MINUTE } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const DAY = 24 * 60 * MINUTE;

/** An invite as lists show it: an id and a hint, no code. */
interface Invite {
  id: string;
  hint: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revoked: boolean;
  createdAt: string;
}

/** The answer to creating one: the only place its code appears. */
interface CreatedInvite extends Invite {
  code: string;
}

describe('invites and enrolment', () => {
  let server: TestServer;
  let admin: string;

  async function createInvite(json: unknown = {}): Promise<CreatedInvite> {
    const response = await server.call('/v1/admin/invites', { method: 'POST', json, token: admin });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    return JSON.parse(text) as CreatedInvite;
  }

  async function listInvites(): Promise<Invite[]> {
    const response = await server.call('/v1/admin/invites', { token: admin });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Invite[] }).items;
  }

  const enroll = (code: string, name = 'Grace Hopper') =>
    server.call('/v1/enroll', { method: 'POST', json: { code, name } });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates an invite with defaults: expiring in 30 days, unlimited uses, a readable code shown once', async () => {
    const window = clockWindow(server);
    const invite = await createInvite();
    const created = window.end();
    expect(invite).toMatchObject({ maxUses: null, uses: 0, revoked: false });
    expect(invite.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(invite.hint).toBe(invite.code.slice(0, 4));
    expect(invite.id).toMatch(/^\S+$/);
    expectTimeIn(invite.createdAt, created);
    expectTimeIn(invite.expiresAt, { from: created.from + 30 * DAY, to: created.to + 30 * DAY });
  });

  it('creates an invite with no body at all, expiring in 30 days', async () => {
    const response = await server.call('/v1/admin/invites', { method: 'POST', token: admin });
    expect(response.status).toBe(201);
    const invite = (await response.json()) as CreatedInvite;
    expect(invite.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(invite.expiresAt!) - Date.parse(invite.createdAt)).toBe(30 * DAY);
  });

  it('creates an invite that never expires with expiresAt: null', async () => {
    const invite = await createInvite({ expiresAt: null });
    expect(invite.expiresAt).toBeNull();
    expect((await listInvites()).find((item) => item.id === invite.id)?.expiresAt).toBeNull();
    // Still good long after 30 days.
    server.clock.advance(400 * DAY);
    try {
      expect((await enroll(invite.code, 'Much Later')).status).toBe(201);
    } finally {
      server.clock.advance(-400 * DAY);
    }
  });

  it('an invite made with the default expiry is refused after 30 days', async () => {
    const invite = await createInvite();
    server.clock.advance(30 * DAY - MINUTE);
    try {
      expect((await enroll(invite.code, 'Just In Time')).status).toBe(201);
      server.clock.advance(MINUTE);
      await expectProblem(await enroll(invite.code, 'Too Late'), 410, 'invite-expired');
    } finally {
      server.clock.advance(-30 * DAY);
    }
  });

  it('creates an invite with maxUses and expiresAt', async () => {
    const expiresAt = iso(server.clock.now + 60 * MINUTE);
    const invite = await createInvite({ maxUses: 3, expiresAt });
    expect(invite).toMatchObject({ maxUses: 3, expiresAt, uses: 0, revoked: false });
  });

  it('stores only a hash of the code; the list shows an id and a hint, never the code', async () => {
    const invite = await createInvite();
    const rows = await server.deps.db.selectFrom('invites').selectAll().execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(invite.code);
    expect(stored).not.toContain(invite.code.replace('-', ''));
    const row = rows.find((entry) => entry.id === invite.id)!;
    expect(row.code_hash).toBe(createHash('sha256').update(invite.code).digest('hex'));
    const response = await server.call('/v1/admin/invites', { token: admin });
    const text = await response.text();
    expect(text).not.toContain(invite.code);
    const listed = (JSON.parse(text) as { items: Record<string, unknown>[] }).items.find(
      (item) => item.id === invite.id,
    );
    expect(listed).toEqual({
      id: invite.id,
      hint: invite.hint,
      expiresAt: invite.expiresAt,
      maxUses: null,
      uses: 0,
      revoked: false,
      createdAt: invite.createdAt,
    });
    // The advocate who enrols is tied to the invite by its id, not its code.
    const enrolled = (await (await enroll(invite.code, 'Tied')).json()) as { advocate: { id: string } };
    const advocate = await server.deps.db
      .selectFrom('advocates')
      .selectAll()
      .where('id', '=', enrolled.advocate.id)
      .executeTakeFirstOrThrow();
    expect(advocate.invite_id).toBe(invite.id);
    expect(JSON.stringify(advocate)).not.toContain(invite.code);
  });

  it('validates the invite body', async () => {
    const post = (json: unknown) => server.call('/v1/admin/invites', { method: 'POST', json, token: admin });
    await expectValidation(await post({ maxUses: 0 }), 'maxUses');
    await expectValidation(await post({ maxUses: 1.5 }), 'maxUses');
    await expectValidation(await post({ maxUses: '3' }), 'maxUses');
    await expectValidation(await post({ expiresAt: 'tomorrow' }), 'expiresAt');
    await expectValidation(await post({ expiresAt: iso(server.clock.now - MINUTE) }), 'expiresAt');
    await expectValidation(await post({ uses: 1 }), 'uses');
    await expectProblem(
      await server.call('/v1/admin/invites', {
        method: 'POST',
        body: '{maxUses: 3}',
        headers: { 'content-type': 'application/json' },
        token: admin,
      }),
      400,
      'malformed-json',
    );
  });

  it('lists invites newest first, with their use counts', async () => {
    const older = await createInvite({ maxUses: 5 });
    server.clock.advance(1_000);
    const newer = await createInvite();
    expect((await enroll(older.code)).status).toBe(201);

    const items = await listInvites();
    const ids = items.map((invite) => invite.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(items.find((invite) => invite.id === older.id)).toMatchObject({ uses: 1, maxUses: 5, revoked: false });
    expect(items.find((invite) => invite.id === newer.id)).toMatchObject({ uses: 0 });
  });

  it('enrols with a code: 201, a bearer token and the advocate, and the token syncs', async () => {
    const invite = await createInvite();
    const response = await enroll(invite.code, '  Ada Lovelace  ');
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; advocate: { id: string; name: string } };
    expect(body.advocate).toEqual({ id: expect.any(String), name: 'Ada Lovelace' });
    expect(body.token).toMatch(/^\S{20,}$/);
    expect((await server.call('/v1/sync', { token: body.token })).status).toBe(200);
  });

  it('gives every enrolment its own token', async () => {
    const invite = await createInvite();
    const first = (await (await enroll(invite.code, 'One')).json()) as { token: string; advocate: { id: string } };
    const second = (await (await enroll(invite.code, 'Two')).json()) as { token: string; advocate: { id: string } };
    expect(first.token).not.toBe(second.token);
    expect(first.advocate.id).not.toBe(second.advocate.id);
  });

  it('accepts the code case-insensitively and without the dash', async () => {
    const invite = await createInvite();
    expect((await enroll(invite.code.toLowerCase())).status).toBe(201);
    expect((await enroll(invite.code.replace('-', '').toLowerCase())).status).toBe(201);
    expect((await enroll(` ${invite.code} `)).status).toBe(201);
  });

  it('answers 404 invite-not-found for an unknown code', async () => {
    await expectProblem(await enroll('ZZZZ-ZZZZ'), 404, 'invite-not-found');
    await expectProblem(await enroll('no such code'), 404, 'invite-not-found');
  });

  it('revokes an invite: DELETE answers it revoked, enrolment answers 410 invite-revoked', async () => {
    const invite = await createInvite();
    const response = await server.call(`/v1/admin/invites/${invite.code}`, { method: 'DELETE', token: admin });
    expect(response.status).toBe(200);
    const revoked = (await response.json()) as Record<string, unknown>;
    expect(revoked).toMatchObject({ id: invite.id, hint: invite.hint, revoked: true });
    expect(revoked).not.toHaveProperty('code');
    await expectProblem(await enroll(invite.code), 410, 'invite-revoked');

    // Revoking again is harmless; the list shows it revoked.
    const again = await server.call(`/v1/admin/invites/${invite.code.toLowerCase()}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: invite.id, revoked: true });
    expect((await listInvites()).find((item) => item.id === invite.id)).toMatchObject({ revoked: true, uses: 0 });
  });

  it('revokes an invite by its id (what the list gives)', async () => {
    const invite = await createInvite();
    const response = await server.call(`/v1/admin/invites/${invite.id}`, { method: 'DELETE', token: admin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: invite.id, revoked: true });
    await expectProblem(await enroll(invite.code), 410, 'invite-revoked');
  });

  it('answers 404 when revoking an unknown invite', async () => {
    await expectProblem(
      await server.call('/v1/admin/invites/ZZZZ-ZZZZ', { method: 'DELETE', token: admin }),
      404,
      'not-found',
    );
  });

  it('answers 410 invite-used-up once maxUses enrolments happened', async () => {
    const invite = await createInvite({ maxUses: 2 });
    expect((await enroll(invite.code, 'First')).status).toBe(201);
    expect((await enroll(invite.code, 'Second')).status).toBe(201);
    await expectProblem(await enroll(invite.code, 'Third'), 410, 'invite-used-up');
    expect((await listInvites()).find((item) => item.id === invite.id)).toMatchObject({ uses: 2, maxUses: 2 });
  });

  it('lets exactly maxUses concurrent enrolments through', async () => {
    const invite = await createInvite({ maxUses: 3 });
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => enroll(invite.code, `Racer ${i}`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 201, 201, 410, 410, 410, 410, 410]);
  });

  it('answers 410 invite-expired once the server clock passes expiresAt', async () => {
    const invite = await createInvite({ expiresAt: iso(server.clock.now + 10 * MINUTE) });
    expect((await enroll(invite.code, 'Early')).status).toBe(201);
    server.clock.advance(10 * MINUTE);
    await expectProblem(await enroll(invite.code, 'Late'), 410, 'invite-expired');
  });

  it('validates the enrolment body', async () => {
    const invite = await createInvite();
    const post = (json: unknown) => server.call('/v1/enroll', { method: 'POST', json });
    await expectValidation(await post({ code: invite.code }), 'name');
    await expectValidation(await post({ code: invite.code, name: '   ' }), 'name');
    await expectValidation(await post({ code: invite.code, name: 'x'.repeat(81) }), 'name');
    await expectValidation(await post({ name: 'No Code' }), 'code');
    await expectValidation(await post({ code: 1234, name: 'Number' }), 'code');
    await expectValidation(await post({ code: invite.code, name: 'Extra', email: 'a@b.c' }), 'email');
    await expectProblem(
      await server.call('/v1/enroll', {
        method: 'POST',
        body: '{"code":"x",',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed-json',
    );
    // None of these used the invite up.
    expect((await listInvites()).find((item) => item.id === invite.id)).toMatchObject({ uses: 0 });
  });
});
