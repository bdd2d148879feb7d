/** SCIM tokens and what they open: shown once, listed, revoked, limited, good for SCIM only; discovery, media types, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimToken } from '../../lib/console-schemas';
import { expectProblem, expectValidation } from '../helpers/api';
import { createScimToken, expectScimError, scimClient, USER_SCHEMA } from '../helpers/scim';
import { startTestServer, type TestServer } from '../helpers/server';
import { StreamClient } from '../helpers/stream-client';

describe('SCIM tokens and the SCIM endpoints', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const list = async () =>
    ((await (await server.call('/v1/admin/scim-tokens', { token: admin })).json()) as { items: ScimToken[] }).items;

  it('shows a new token once (no-store), then lists it by a hint, and revokes it', async () => {
    const response = await server.call('/v1/admin/scim-tokens', {
      method: 'POST',
      json: { label: 'Entra ID' },
      token: admin,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = (await response.json()) as {
      id: string;
      token: string;
      hint: string;
      label: string;
      createdAt: string;
    };
    expect(created).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^rls_[\w-]{43}$/),
      hint: created.token.slice(-4),
      label: 'Entra ID',
      createdAt: new Date(Date.parse(created.createdAt)).toISOString(),
    });
    const unlabelled = await server.call('/v1/admin/scim-tokens', { method: 'POST', token: admin });
    expect(await unlabelled.json()).toMatchObject({ label: null });
    await expectValidation(
      await server.call('/v1/admin/scim-tokens', { method: 'POST', json: { label: 'a\u0000b' }, token: admin }),
      'label',
    );

    const listed = await list();
    expect(listed.find((item) => item.id === created.id)).toEqual({
      id: created.id,
      hint: created.hint,
      label: 'Entra ID',
      createdAt: created.createdAt,
      lastUsedAt: null,
      revoked: false,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const stored = await server.deps.db
      .selectFrom('scim_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirst();
    expect(JSON.stringify(stored)).not.toContain(created.token);

    const scim = scimClient(server, created.token);
    expect((await scim.send('GET', '/ServiceProviderConfig')).status).toBe(200);
    const revoked = await server.call(`/v1/admin/scim-tokens/${created.id}`, { method: 'DELETE', token: admin });
    expect(await revoked.json()).toMatchObject({ id: created.id, revoked: true });
    const refused = await expectScimError(await scim.send('GET', '/Users'), 401);
    expect(refused.detail).toMatch(/revoked/);
    await expectProblem(
      await server.call('/v1/admin/scim-tokens/nope', { method: 'DELETE', token: admin }),
      404,
      'not-found',
    );
  });

  it('records when a token was last used, at most once a minute', async () => {
    const { id, token } = await createScimToken(server);
    const scim = scimClient(server, token);
    const lastUsed = async () => (await list()).find((item) => item.id === id)!.lastUsedAt;
    await scim.send('GET', '/Users');
    const first = await lastUsed();
    expect(first).toEqual(expect.any(String));
    server.clock.advance(30_000);
    await scim.send('GET', '/Users');
    expect(await lastUsed()).toBe(first);
    server.clock.advance(31_000);
    await scim.send('GET', '/Users');
    expect(Date.parse((await lastUsed())!)).toBeGreaterThan(Date.parse(first!));
  });

  it('refuses a SCIM token on admin and advocate routes and the stream, saying why, and other tokens on SCIM', async () => {
    const { token } = await createScimToken(server);
    for (const path of ['/v1/admin/advocates', '/v1/admin/scim-tokens', '/v1/sync', '/v1/me']) {
      const problem = await expectProblem(await server.call(path, { token }), 401, 'unauthorized');
      expect(problem.detail, path).toMatch(/SCIM provisioning token: it works only for .*\/scim\/v2/);
    }
    const stream = await StreamClient.connect(server.url, token).catch(
      (error: { status: number; body: string }) => error,
    );
    expect(stream).toMatchObject({ status: 401 });
    expect((stream as { body: string }).body).toMatch(/SCIM provisioning token/);

    const advocate = await server.enroll('Ada Advocate');
    for (const [kind, other] of [
      ['admin session', admin],
      ['advocate', advocate.token],
    ] as const) {
      const refused = await expectScimError(await scimClient(server, other).send('GET', '/Users'), 401);
      expect(refused.detail).toContain(`${kind} token does not work for SCIM`);
    }
    const none = await server.call('/scim/v2/Users');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await expectScimError(none, 401)).detail).toMatch(/Authorization: Bearer/);
    await expectScimError(await server.call('/scim/v2/Users', { headers: { authorization: 'Basic eDp5' } }), 401);
    await expectScimError(await scimClient(server, 'rls_not_a_token').send('GET', '/Users'), 401);
  });

  it('limits requests per token (429 as a SCIM error with Retry-After), each token on its own', async () => {
    const limits = { ...server.deps.config.rateLimits, scim: { limit: 5, windowMs: 60_000 } };
    const small = await startTestServer({ rateLimits: limits });
    try {
      const busy = scimClient(small, (await createScimToken(small)).token);
      for (let i = 0; i < 5; i++) expect((await busy.send('GET', '/Schemas')).status).toBe(200);
      const limited = await busy.send('GET', '/Schemas');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      await expectScimError(limited, 429);
      expect((await scimClient(small, (await createScimToken(small)).token).send('GET', '/Schemas')).status).toBe(200);
    } finally {
      await small.stop();
    }
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const scim = scimClient(server, (await createScimToken(server)).token);
    expect(await scim.json('GET', '/ServiceProviderConfig', undefined, 200)).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      changePassword: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
      meta: { location: 'http://relay.test/scim/v2/ServiceProviderConfig' },
    });
    const types = await scim.json<{ Resources: { id: string; schemaExtensions?: unknown }[] }>(
      'GET',
      '/ResourceTypes',
      undefined,
      200,
    );
    expect(types.Resources.map((type) => type.id)).toEqual(['User', 'Group']);
    expect(types.Resources[0]!.schemaExtensions).toEqual([
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
    ]);
    const schemas = await scim.json<{ Resources: { id: string }[] }>('GET', '/Schemas', undefined, 200);
    expect(schemas.Resources.map((schema) => schema.id)).toEqual([
      USER_SCHEMA,
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    expect(await scim.json('GET', `/Schemas/${USER_SCHEMA}`, undefined, 200)).toMatchObject({ id: USER_SCHEMA });
    await expectScimError(await scim.send('GET', '/Schemas/urn:nope'), 404);
  });

  it('takes application/json too, and answers bad bodies, filters and values as SCIM errors', async () => {
    const scim = scimClient(server, (await createScimToken(server)).token);
    const user = { schemas: [USER_SCHEMA], userName: 'json@example.com' };
    const plain = await scim.send('POST', '/Users', user, { 'content-type': 'application/json' });
    expect(plain.status).toBe(201);
    expect(plain.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    await expectScimError(await scim.send('POST', '/Users', user, { 'content-type': 'text/plain' }), 415);
    const syntax = await scim.send('POST', '/Users', undefined, { 'content-type': 'application/scim+json' });
    await expectScimError(syntax, 400, 'invalidSyntax');
    const broken = await server.call('/scim/v2/Users', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await createScimToken(server)).token}`,
        'content-type': 'application/scim+json',
      },
      body: '{"userName": ',
    });
    await expectScimError(broken, 400, 'invalidSyntax');
    await expectScimError(
      await scim.send('GET', `/Users?filter=${encodeURIComponent('userName xx "a"')}`),
      400,
      'invalidFilter',
    );
    await expectScimError(await scim.send('GET', `/Users?filter=${encodeURIComponent('userName eq "a\u0000"')}`), 400);
    const control = await expectScimError(
      await scim.send('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'nul\u0000@example.com' }),
      400,
      'invalidValue',
    );
    expect(control.detail).toMatch(/userName/);
    await expectScimError(
      await scim.send('POST', '/Users', {
        schemas: [USER_SCHEMA],
        userName: 'long@example.com',
        displayName: 'x'.repeat(81),
      }),
      400,
      'invalidValue',
    );
    await expectScimError(await scim.send('POST', '/Users', { schemas: [USER_SCHEMA] }), 400);
    await expectScimError(await scim.send('GET', '/Bulk'), 404);
  });

  it('keeps the admin’s choice of what a SCIM DELETE does: keep by default, or erase', async () => {
    const get = async () => (await server.call('/v1/admin/provisioning', { token: admin })).json();
    expect(await get()).toEqual({ onDelete: 'keep' });
    const put = (json: unknown) => server.call('/v1/admin/provisioning', { method: 'PUT', json, token: admin });
    expect(await (await put({ onDelete: 'erase' })).json()).toEqual({ onDelete: 'erase' });
    expect(await get()).toEqual({ onDelete: 'erase' });
    await expectValidation(await put({ onDelete: 'shred' }), 'onDelete');
    expect(await (await put({ onDelete: 'keep' })).json()).toEqual({ onDelete: 'keep' });
  });
});
