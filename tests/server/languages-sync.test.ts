/** Sync in the advocate's language: the German text for a German advocate, the default for a French one; Accept-Language, PATCH /v1/me language, ETags and cursors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdvocateItem, MeResponse, SyncResponse } from '../../lib/schemas';
import { readSyncResponseSchema } from '../../lib/schemas/read';
import { createContent, expectValidation } from '../helpers/api';
import { GERMAN_GUIDELINES } from '../helpers/languages';
import { startTestServer, type TestServer } from '../helpers/server';

const GUIDELINES = GERMAN_GUIDELINES;

describe('sync in the advocate’s language', () => {
  let server: TestServer;
  let postId = '';

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.adminToken();
    expect((await server.call('/v1/admin/guidelines', { method: 'PUT', json: GUIDELINES, token: admin })).status).toBe(
      200,
    );
    const post = await createContent(server, {
      language: 'en',
      variants: { linkedin: ['We launched Relay today.'], x: ['Relay is live!'] },
      translations: { de: { title: 'Relay startet heute', variants: { linkedin: ['Wir haben Relay gestartet.'] } } },
      publish: true,
    });
    postId = post.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function sync(token: string, headers: Record<string, string> = {}) {
    const response = await server.call('/v1/sync', { token, headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SyncResponse;
    const item = body.content.find((each) => each.id === postId) as AdvocateItem & { languages?: string[] };
    return { body, item, etag: response.headers.get('etag')! };
  }
  const me = async (token: string) => (await (await server.call('/v1/me', { token })).json()) as MeResponse;
  const setLanguage = (token: string, language: string | null) =>
    server.call('/v1/me', { method: 'PATCH', token, json: { language } });

  it('sends the default text, saying which languages exist, to an advocate whose language is unknown', async () => {
    const { token } = await server.enroll('Unknown');
    const { item, body } = await sync(token);
    expect(item).toMatchObject({ title: 'Relay launches today', language: 'en', languages: ['en', 'de'] });
    expect(item.variants.linkedin).toEqual(['We launched Relay today.']);
    expect(item).not.toHaveProperty('translations');
    // Global rules only, without per-language sections.
    expect(body.guidelines).toEqual({ disclosure: GUIDELINES.disclosure, bannedTerms: GUIDELINES.bannedTerms });
    expect((await me(token)).language).toBeNull();
  });

  it('sends the German text and German rules to a German advocate (de-AT reads de), keeping other networks', async () => {
    const { token } = await server.enroll('Anna');
    expect((await setLanguage(token, 'de-AT')).status).toBe(200);
    expect(await me(token)).toMatchObject({ language: 'de-AT', languageSource: 'chosen' });
    const { item, body } = await sync(token);
    expect(item).toMatchObject({ title: 'Relay startet heute', language: 'de', languages: ['en', 'de'] });
    expect(item.variants).toEqual({ linkedin: ['Wir haben Relay gestartet.'], x: ['Relay is live!'] });
    expect(body.guidelines.disclosure?.text).toBe('#mitarbeiter');
    expect(body.guidelines.bannedTerms.map((term) => term.pattern)).toEqual([
      'guaranteed returns',
      'garantierte Rendite',
    ]);
    expect(body.guidelines).not.toHaveProperty('languages');
  });

  it('falls back to the post’s default for a French advocate', async () => {
    const { token } = await server.enroll('Claire');
    expect((await setLanguage(token, 'fr')).status).toBe(200);
    const { item } = await sync(token);
    expect(item).toMatchObject({ title: 'Relay launches today', language: 'en' });
  });

  it('takes the browser’s Accept-Language when nothing better is known, and not over a choice', async () => {
    const { token } = await server.enroll('Browser');
    const { item } = await sync(token, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' });
    expect(item.language).toBe('de');
    expect(await me(token)).toMatchObject({ language: 'de-DE', languageSource: 'browser' });

    expect((await setLanguage(token, 'en')).status).toBe(200);
    const chosen = await sync(token, { 'accept-language': 'de-DE' });
    expect(chosen.item.language).toBe('en');
    expect(await me(token)).toMatchObject({ language: 'en', languageSource: 'chosen' });

    // null: automatic again, the browser's language from the next sync.
    expect((await setLanguage(token, null)).status).toBe(200);
    expect(await me(token)).toMatchObject({ language: null, languageSource: null });
    expect((await sync(token, { 'accept-language': 'de' })).item.language).toBe('de');
  });

  it('refuses a language that is not a tag', async () => {
    const { token } = await server.enroll('Typo');
    await expectValidation(await setLanguage(token, 'German'), 'language');
  });

  it('changes the ETag when the language changes, so a 304 never hides the new text', async () => {
    const { token } = await server.enroll('Etag');
    const first = await sync(token);
    const cached = await server.call('/v1/sync', { token, headers: { 'if-none-match': first.etag } });
    expect(cached.status).toBe(304);
    expect((await setLanguage(token, 'de')).status).toBe(200);
    const after = await server.call('/v1/sync', { token, headers: { 'if-none-match': first.etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(first.etag);
  });

  it('resends every live item in the new language on a delta sync after a change of language', async () => {
    const { token } = await server.enroll('Delta');
    const first = await sync(token);
    const unchanged = (await (
      await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, { token })
    ).json()) as SyncResponse;
    expect(unchanged.content).toEqual([]);
    expect((await setLanguage(token, 'de')).status).toBe(200);
    const delta = (await (
      await server.call(`/v1/sync?cursor=${encodeURIComponent(first.body.cursor)}`, { token })
    ).json()) as SyncResponse;
    expect(delta.content.find((each) => each.id === postId)).toMatchObject({
      language: 'de',
      title: 'Relay startet heute',
    });
    // The new cursor carries the language: the next delta is empty again.
    const next = (await (
      await server.call(`/v1/sync?cursor=${encodeURIComponent(delta.cursor)}`, { token })
    ).json()) as SyncResponse;
    expect(next.content).toEqual([]);
  });

  it('is read by the extension’s tolerant sync schema', async () => {
    const { token } = await server.enroll('Reader');
    expect((await setLanguage(token, 'de')).status).toBe(200);
    const raw = (await (await server.call('/v1/sync', { token })).json()) as unknown;
    const read = readSyncResponseSchema.parse(raw);
    expect(read.content.find((each) => each.id === postId)).toMatchObject({ language: 'de', languages: ['en', 'de'] });
  });
});
