/** The advocate's language from the company: the IdP's locale claim at each work-account sign-in, SCIM's preferredLanguage; a choice in the popup wins over both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type IdpUser, type TestIdp } from '../helpers/oidc-provider';
import type { TestServer } from '../helpers/server';
import { CHROME_ORIGIN, CHROME_REDIRECT, startSsoServer } from '../helpers/sso';
import { createScimToken, scimClient, USER_SCHEMA } from '../helpers/scim';
import { exchangeCode, extensionSignIn, SsoBrowser } from '../helpers/sso-client';

const MARIA: IdpUser = {
  sub: 'u-maria',
  username: 'maria',
  password: 'maria-password',
  name: 'Maria Huber',
  email: 'maria@example.com',
  locale: 'de_AT',
};

describe('the advocate’s language from the identity provider', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp({ users: [MARIA] });
    server = await startSsoServer(idp);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  async function signIn(user: IdpUser): Promise<{ token: string; id: string }> {
    const end = await extensionSignIn(new SsoBrowser(), server.url, {
      redirect: CHROME_REDIRECT,
      credentials: { username: user.username, password: user.password },
    });
    const response = await exchangeCode(server.url, end.searchParams.get('code') ?? '', CHROME_ORIGIN);
    expect(response.status, end.href).toBe(201);
    const body = (await response.json()) as { token: string; advocate: { id: string } };
    return { token: body.token, id: body.advocate.id };
  }
  const languageOf = (id: string) =>
    server.deps.db
      .selectFrom('advocates')
      .select(['language', 'language_source'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('takes the locale claim at sign-in (de_AT as de-AT), and a new one at the next sign-in', async () => {
    const { id, token } = await signIn(MARIA);
    expect(await languageOf(id)).toEqual({ language: 'de-AT', language_source: 'idp' });
    // The browser's language does not replace the company's.
    await server.call('/v1/sync', { token, headers: { 'accept-language': 'en-US' } });
    expect(await languageOf(id)).toEqual({ language: 'de-AT', language_source: 'idp' });

    idp.updateUser(MARIA.sub, { locale: 'fr-FR' });
    await signIn(MARIA);
    expect(await languageOf(id)).toEqual({ language: 'fr-FR', language_source: 'idp' });
  });

  it('keeps the advocate’s own choice over the claim', async () => {
    const { id, token } = await signIn(MARIA);
    const patched = await server.call('/v1/me', { method: 'PATCH', token, json: { language: 'en' } });
    expect(patched.status).toBe(200);
    idp.updateUser(MARIA.sub, { locale: 'de-DE' });
    await signIn(MARIA);
    expect(await languageOf(id)).toEqual({ language: 'en', language_source: 'chosen' });
  });

  it('takes SCIM’s preferredLanguage (source idp) on create and on change', async () => {
    const scim = scimClient(server, (await createScimToken(server)).token);
    const created = await scim.json<{ id: string }>(
      'POST',
      '/Users',
      { schemas: [USER_SCHEMA], userName: 'jonas@example.com', displayName: 'Jonas', preferredLanguage: 'de-CH' },
      201,
    );
    expect(await languageOf(created.id)).toEqual({ language: 'de-CH', language_source: 'idp' });
    await scim.json(
      'PUT',
      `/Users/${created.id}`,
      { schemas: [USER_SCHEMA], userName: 'jonas@example.com', displayName: 'Jonas', locale: 'it_IT' },
      200,
    );
    expect(await languageOf(created.id)).toEqual({ language: 'it-IT', language_source: 'idp' });
  });
});
