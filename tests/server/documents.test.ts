/** The guidelines and scoring documents: GET/PUT, validation, and that a change reaches the next sync. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { network, perNetwork } from '../../lib/networks';
import { DEFAULT_SCORING, type Guidelines, type ScoringRules } from '../../lib/schemas';
import { expectProblem, expectValidation, sync } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [
    { pattern: 'guaranteed returns', reason: 'Financial promotion rules' },
    { pattern: '\\bcheap(est)?\\b', regex: true, reason: 'Brand voice' },
  ],
  maxHashtags: 3,
  dailyShareCap: 5,
  companyNames: ['Acme', 'Acme Corp'],
};

const SCORING: ScoringRules = {
  ...DEFAULT_SCORING,
  pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, linkedin: 20, x: 15, facebook: 1 },
  levels: [
    { name: 'Rookie', minPoints: 0 },
    { name: 'Pro', minPoints: 100 },
  ],
};

describe('guidelines and scoring documents', () => {
  let server: TestServer;
  let admin: string;

  const put = (name: string, json: unknown) => server.call(`/v1/admin/${name}`, { method: 'PUT', json, token: admin });
  const get = async (name: string) => {
    const response = await server.call(`/v1/admin/${name}`, { token: admin });
    expect(response.status).toBe(200);
    return (await response.json()) as unknown;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('guidelines', () => {
    it('starts with no banned terms', async () => {
      expect(await get('guidelines')).toEqual({ bannedTerms: [] });
    });

    it('stores a PUT and answers it on GET', async () => {
      const response = await put('guidelines', GUIDELINES);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(GUIDELINES);
      expect(await get('guidelines')).toEqual(GUIDELINES);
    });

    it('replaces the whole document: fields left out are gone', async () => {
      expect((await put('guidelines', { bannedTerms: [{ pattern: 'spam', reason: 'No spam' }] })).status).toBe(200);
      expect(await get('guidelines')).toEqual({ bannedTerms: [{ pattern: 'spam', reason: 'No spam' }] });
      expect((await put('guidelines', GUIDELINES)).status).toBe(200);
    });

    it('refuses an invalid regular expression at bannedTerms.N.pattern', async () => {
      const body = await expectValidation(
        await put('guidelines', {
          bannedTerms: [
            { pattern: 'fine', reason: 'ok' },
            { pattern: '(unclosed', regex: true, reason: 'broken' },
          ],
        }),
        'bannedTerms.1.pattern',
      );
      expect(body.errors).toHaveLength(1);
      // The same text as a plain (non-regex) term is fine.
      expect(
        (await put('guidelines', { ...GUIDELINES, bannedTerms: [{ pattern: '(unclosed', reason: 'literal' }] })).status,
      ).toBe(200);
      expect((await put('guidelines', GUIDELINES)).status).toBe(200);
    });

    it('refuses wrong types, out-of-range numbers and unknown fields, leaving the stored document alone', async () => {
      await expectValidation(await put('guidelines', {}), 'bannedTerms');
      await expectValidation(await put('guidelines', { bannedTerms: 'none' }), 'bannedTerms');
      await expectValidation(await put('guidelines', { bannedTerms: [{ pattern: 'x' }] }), 'bannedTerms.0.reason');
      await expectValidation(
        await put('guidelines', { bannedTerms: [{ pattern: '', reason: 'empty' }] }),
        'bannedTerms.0.pattern',
      );
      await expectValidation(await put('guidelines', { bannedTerms: [], maxHashtags: -1 }), 'maxHashtags');
      await expectValidation(await put('guidelines', { bannedTerms: [], dailyShareCap: 2.5 }), 'dailyShareCap');
      await expectValidation(
        await put('guidelines', { bannedTerms: [], disclosure: { text: '#ad', networks: [] } }),
        'disclosure.networks',
      );
      await expectValidation(
        await put('guidelines', { bannedTerms: [], disclosure: { text: '#ad', networks: ['tiktok'] } }),
        'disclosure.networks.0',
      );
      await expectValidation(await put('guidelines', { bannedTerms: [], tone: 'friendly' }), 'tone');
      await expectProblem(
        await server.call('/v1/admin/guidelines', {
          method: 'PUT',
          body: '{"bannedTerms": [',
          headers: { 'content-type': 'application/json' },
          token: admin,
        }),
        400,
        'malformed-json',
      );
      expect(await get('guidelines')).toEqual(GUIDELINES);
    });
  });

  describe('scoring', () => {
    it('starts with the default rules', async () => {
      expect(await get('scoring')).toEqual(DEFAULT_SCORING);
    });

    it('stores a PUT and answers it on GET', async () => {
      const response = await put('scoring', SCORING);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(SCORING);
      expect(await get('scoring')).toEqual(SCORING);
    });

    it('refuses levels out of order, a first level above 0, and bad values', async () => {
      await expectValidation(
        await put('scoring', {
          ...SCORING,
          levels: [
            { name: 'A', minPoints: 0 },
            { name: 'B', minPoints: 50 },
            { name: 'C', minPoints: 50 },
          ],
        }),
        'levels.2.minPoints',
      );
      await expectValidation(
        await put('scoring', { ...SCORING, levels: [{ name: 'A', minPoints: 10 }] }),
        'levels.0.minPoints',
      );
      await expectValidation(await put('scoring', { ...SCORING, levels: [] }), 'levels');
      await expectValidation(
        await put('scoring', { ...SCORING, pointsPerShare: { ...SCORING.pointsPerShare, facebook: -1 } }),
        'pointsPerShare.facebook',
      );
      await expectValidation(
        await put('scoring', { ...SCORING, pointsPerShare: { ...SCORING.pointsPerShare, myspace: 1 } }),
        'pointsPerShare.myspace',
      );
      await expectValidation(await put('scoring', { ...SCORING, pointsPerClick: -1 }), 'pointsPerClick');
      await expectValidation(await put('scoring', { ...SCORING, enabled: 'yes' }), 'enabled');
      await expectValidation(await put('scoring', { ...SCORING, bonus: 1 }), 'bonus');
      const { enabled: _enabled, ...withoutEnabled } = SCORING;
      await expectValidation(await put('scoring', withoutEnabled), 'enabled');
      expect(await get('scoring')).toEqual(SCORING);
    });

    it('gives a network left out its default points (a client from before the network existed)', async () => {
      expect((await put('scoring', { ...SCORING, pointsPerShare: { linkedin: 1, x: 2 } })).status).toBe(200);
      expect(((await get('scoring')) as ScoringRules).pointsPerShare).toEqual({
        ...perNetwork((id) => network(id).defaultPoints),
        linkedin: 1,
        x: 2,
      });
      expect((await put('scoring', SCORING)).status).toBe(200);
    });
  });

  describe('reaching advocates', () => {
    it('a guidelines PUT shows up in the next sync, with a new ETag', async () => {
      const { token } = await server.enroll('Doc Reader');
      const first = await sync(server, token);
      expect(first.body.guidelines).toEqual(GUIDELINES);
      // With the retired dailyPointsCap as null, which extensions from before the one daily cap require.
      expect(first.body.scoring).toEqual({ ...SCORING, dailyPointsCap: null });

      const changed: Guidelines = {
        ...GUIDELINES,
        maxHashtags: 1,
        bannedTerms: [{ pattern: 'moon', reason: 'No hype' }],
      };
      expect((await put('guidelines', changed)).status).toBe(200);

      const stale = await server.call('/v1/sync', { token, headers: { 'if-none-match': first.etag } });
      expect(stale.status).toBe(200);
      const delta = await sync(server, token, first.body.cursor);
      expect(delta.etag).not.toBe(first.etag);
      expect(delta.body.guidelines).toEqual(changed);
      expect(delta.body.content).toEqual([]);
      expect(delta.body.removed).toEqual([]);
    });

    it('a scoring PUT shows up in the next sync, with a new ETag', async () => {
      const { token } = await server.enroll('Score Keeper');
      const first = await sync(server, token);
      const changed: ScoringRules = { ...SCORING, enabled: false, personalizedBonus: 0 };
      expect((await put('scoring', changed)).status).toBe(200);
      const next = await sync(server, token, first.body.cursor);
      expect(next.etag).not.toBe(first.etag);
      expect(next.body.scoring).toEqual({ ...changed, dailyPointsCap: null });
    });
  });
});
