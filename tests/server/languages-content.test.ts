/** Content in several languages: translations created, merged and validated; must-fix checks per language with that language's rules. */
import { describe, expect, it } from 'vitest';
import type { ContentItem, Guidelines } from '../../lib/schemas';
import { contentInput, expectProblem, expectValidation } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import { GERMAN_GUIDELINES } from '../helpers/languages';
import type { TestServer } from '../helpers/server';

const GUIDELINES = GERMAN_GUIDELINES;
const GERMAN = { de: { title: 'Relay startet heute', variants: { linkedin: ['Wir haben Relay gestartet.'] } } };

interface MustFixBody {
  failures: { network: string; variant: number; language?: string; kind: string; term?: { pattern: string } }[];
}

describe('content translations', () => {
  let server: TestServer;
  let admin = '';
  const calls = contentTestServer((ready) => {
    ({ server, admin } = ready);
  });

  it('sets per-language guidelines and reads them back', async () => {
    const put = await server.call('/v1/admin/guidelines', { method: 'PUT', json: GUIDELINES, token: admin });
    expect(put.status).toBe(200);
    const read = (await (await server.call('/v1/admin/guidelines', { token: admin })).json()) as Guidelines;
    expect(read.languages?.de?.disclosure?.text).toBe('#mitarbeiter');
  });

  it('refuses per-language guidelines with a bad tag', async () => {
    const bad = { ...GUIDELINES, languages: { German: { bannedTerms: [] } } };
    const response = await server.call('/v1/admin/guidelines', { method: 'PUT', json: bad, token: admin });
    await expectValidation(response, 'languages.German');
  });

  it('creates content with translations and returns them', async () => {
    const created = await calls.post(contentInput({ language: 'en', translations: GERMAN }));
    expect(created.status).toBe(201);
    const item = (await created.json()) as ContentItem;
    expect(item.translations).toEqual(GERMAN);
    expect(((await (await calls.get(item.id)).json()) as ContentItem).translations).toEqual(GERMAN);
  });

  it('refuses a translation in the post’s own language, a bad tag, an empty one, or one without the post’s language', async () => {
    await expectValidation(await calls.post(contentInput({ language: 'de', translations: GERMAN })), 'translations.de');
    await expectValidation(
      await calls.post(contentInput({ language: 'en', translations: { Deutsch: GERMAN.de } })),
      'translations.Deutsch',
    );
    await expectValidation(
      await calls.post(contentInput({ language: 'en', translations: { de: { variants: {} } } })),
      'translations.de.variants',
    );
    await expectValidation(await calls.post(contentInput({ translations: GERMAN })), 'language');
    const eleven = Object.fromEntries(
      ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs'].map((tag) => [tag, GERMAN.de]),
    );
    expect((await calls.post(contentInput({ language: 'en', translations: eleven }))).status).toBe(422);
  });

  it('keeps translations through a PATCH of other fields, and replaces or clears them', async () => {
    const item = (await (
      await calls.post(contentInput({ language: 'en', translations: GERMAN }))
    ).json()) as ContentItem;
    const renamed = (await (await calls.patch(item.id, { title: 'Renamed' })).json()) as ContentItem;
    expect(renamed.translations).toEqual(GERMAN);
    const french = { fr: { variants: { x: ['Relay est lancé !'] } } };
    const replaced = (await (await calls.patch(item.id, { translations: french })).json()) as ContentItem;
    expect(replaced.translations).toEqual(french);
    const cleared = (await (await calls.patch(item.id, { translations: null })).json()) as ContentItem;
    expect(cleared.translations).toEqual({});
  });

  it('checks each language with its own banned terms, naming the language', async () => {
    const german = { de: { variants: { linkedin: ['Garantierte Rendite mit Relay!'] } } };
    const response = await calls.post(contentInput({ language: 'en', translations: german, publish: true }));
    const body = (await expectProblem(response, 422, 'must-fix')) as unknown as MustFixBody;
    expect(body.failures).toEqual([
      expect.objectContaining({ network: 'linkedin', variant: 0, language: 'de', kind: 'banned-term' }),
    ]);
    expect(body.failures[0]!.term?.pattern).toBe('garantierte Rendite');
  });

  it('does not apply German banned terms to the English text', async () => {
    const english = { linkedin: ['Garantierte Rendite is German for a thing we never say.'], x: ['Relay!'] };
    const response = await calls.post(contentInput({ language: 'en', variants: english, publish: true }));
    expect(response.status).toBe(201);
  });

  it('applies the global banned terms to translations too', async () => {
    const german = { de: { variants: { linkedin: ['Relay: guaranteed returns!'] } } };
    const response = await calls.post(contentInput({ language: 'en', translations: german, publish: true }));
    const body = (await expectProblem(response, 422, 'must-fix')) as unknown as MustFixBody;
    expect(body.failures.map((failure) => [failure.language, failure.term?.pattern])).toEqual([
      ['de', 'guaranteed returns'],
    ]);
  });

  it('checks a translation added to live content by PATCH as a publish', async () => {
    const item = (await (await calls.post(contentInput({ language: 'en', publish: true }))).json()) as ContentItem;
    const bad = { de: { variants: { linkedin: ['Garantierte Rendite!'] } } };
    const response = await calls.patch(item.id, { translations: bad });
    const body = (await expectProblem(response, 422, 'must-fix')) as unknown as MustFixBody;
    expect(body.failures[0]).toMatchObject({ language: 'de', kind: 'banned-term' });
  });
});
