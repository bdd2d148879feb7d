/**
 * Control characters never reach the database (a NUL answered 500 on PostgreSQL): every string
 * field of every body the API takes, found by walking its schema, answers 422 naming the field;
 * every path parameter and query parameter listed in /openapi.json answers 4xx; and names and
 * teams shown on the leaderboard carry no bidi overrides or zero-width characters.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardResponse } from '../../lib/schemas';
import { createContent, expectProblem, expectValidation } from '../helpers/api';
import { UNCHECKED, inputSamples, isMultiline, type InputSample } from '../helpers/input-samples';
import { CONTROL_SAMPLES, LINE_BREAKS, readPath, sampleStringPaths, withField } from '../helpers/schema-strings';
import { consoleFixture } from '../helpers/route-cases';
import { startTestServer, type TestServer } from '../helpers/server';

describe('control and invisible characters', () => {
  let server: TestServer;
  let admin: string;
  let advocate: { token: string; id: string };
  let samples: InputSample[];

  beforeAll(async () => {
    // A built console (a fixture), as deployed: its routes answer whether or not `npm run build:admin` ran.
    server = await startTestServer({ consoleDir: consoleFixture() });
    admin = await server.adminToken();
    advocate = await server.enroll('Cora Control');
    const content = await createContent(server, { publish: true });
    const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin });
    const { code } = (await invite.json()) as { code: string };
    samples = inputSamples({ contentId: content.id, inviteCode: code, shareId: randomUUID(), now: server.clock.now });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const send = (route: NonNullable<InputSample['route']>, json: unknown) =>
    server.call(route.path, {
      method: route.method,
      json,
      token: route.auth === 'admin' ? admin : route.auth === 'advocate' ? advocate.token : undefined,
    });

  // The request bodies of the enrolment, me, shares, content, guidelines, scoring, session and link
  // preview routes; queries are checked below through /openapi.json.
  const BODIES = ['enrolment', 'me', 'shares', 'content', 'content change', 'guidelines', 'scoring', 'admin session'];
  it.each(BODIES)('%s: a control character in any string field answers 422 naming it', async (name) => {
    const { schema, sample, route } = samples.find((entry) => entry.name === name)!;
    // The sample itself is taken (the session's sample is only a wrong password).
    const baseline = await send(route!, sample);
    if (name === 'admin session') expect(baseline.status).toBe(401);
    else expect(baseline.ok, `${baseline.status} ${await baseline.clone().text()}`).toBe(true);
    let checked = 0;
    for (const path of sampleStringPaths(schema, sample)) {
      const key = path.join('.');
      if (UNCHECKED[`${name}.${key}`]) continue;
      const original = readPath(sample, path) as string;
      const values = [
        ...CONTROL_SAMPLES.map((control) => `${original.slice(0, 1)}${control}${original.slice(1)}`),
        `${original}\u0000`,
        ...(isMultiline(key) ? [] : LINE_BREAKS.map((control) => `${original}${control}`)),
      ];
      for (const value of values) {
        const response = await send(route!, withField(sample, path, value));
        await expectValidation(response, key);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('link preview: a control character in the URL answers 422 before anything is fetched', async () => {
    const { route } = samples.find((entry) => entry.name === 'link preview')!;
    for (const control of CONTROL_SAMPLES) {
      await expectValidation(await send(route!, { url: `https://example.com/a${control}b` }), 'url');
    }
  });

  it('multi-line text keeps its tabs and line breaks', async () => {
    const item = await createContent(server, {
      note: 'Line one\nLine two\twith a tab',
      variants: { linkedin: ['First paragraph\n\nSecond {link}'], x: ['Short\nand sweet'] },
    });
    expect(item.note).toBe('Line one\nLine two\twith a tab');
    expect(item.variants.linkedin).toEqual(['First paragraph\n\nSecond {link}']);
  });

  async function paths(): Promise<{ path: string; method: string; parameters: { name: string; in: string }[] }[]> {
    const document = (await (await server.call('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        parameters: operation.parameters ?? [],
      })),
    );
  }
  const tokenFor = (path: string) => (path.startsWith('/v1/admin') ? admin : advocate.token);

  it('every path parameter with a control character answers 404, never 500', async () => {
    const routes = (await paths()).filter((route) => route.path.includes('{'));
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      for (const control of ['%00', 'a%00b', '%1B', '%0A', '%7F', '%C2%85', '%C2%9B']) {
        const path = route.path.replace(/\{\w+\}/g, control);
        const response = await server.call(path, {
          method: route.method,
          token: tokenFor(route.path),
          ...(['POST', 'PATCH', 'PUT'].includes(route.method) ? { json: {} } : {}),
        });
        await expectProblem(response, 404, 'not-found');
      }
      // Odd but harmless ids are looked up and not found (or refused), never a 500.
      for (const odd of ['%E2%80%AE', 'x'.repeat(5000), '%2500', '%C0%AF', "'%20or%201=1"]) {
        const response = await server.call(route.path.replace(/\{\w+\}/g, odd), {
          method: route.method,
          token: tokenFor(route.path),
          ...(['POST', 'PATCH', 'PUT'].includes(route.method) ? { json: {} } : {}),
        });
        expect(response.status, `${route.method} ${route.path} with ${odd.slice(0, 20)}`).toBeLessThan(500);
      }
    }
  });

  it('every query parameter with a control character answers 400, never 500', async () => {
    const routes = (await paths()).filter((route) => route.parameters.some((parameter) => parameter.in === 'query'));
    const names = routes.flatMap((route) => route.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    expect(names).toEqual(expect.arrayContaining(['team', 'q', 'cursor', 'from']));
    for (const route of routes) {
      for (const parameter of route.parameters.filter((p) => p.in === 'query')) {
        for (const control of ['\u0000', '\u001b', '\n', '\u0085']) {
          const query = `?${parameter.name}=${encodeURIComponent(`a${control}b`)}`;
          const path = route.path.replace(/\{\w+\}/g, 'unknown');
          const response = await server.call(path + query, { method: route.method, token: tokenFor(route.path) });
          await expectProblem(response, 400);
        }
      }
    }
  });

  it('a bidi-spoofed or zero-width name or team cannot appear on the leaderboard', async () => {
    const content = await createContent(server, { publish: true });
    const spoofs = ['\u202eNNA', 'A\u200bnn', '\u2066Admin\u2069', '\ufeffBoss\u200d', 'Ev\u202de'];
    const enrolled: string[] = [];
    for (const name of spoofs) {
      const { token } = await server.enroll(name);
      const team = await server.call('/v1/me', { method: 'PATCH', token, json: { team: '\u202eSpoofers\u200b' } });
      expect(team.status).toBe(200);
      const shared = await server.call('/v1/shares', {
        method: 'POST',
        token,
        json: {
          events: [
            { id: randomUUID(), contentId: content.id, network: 'linkedin', sharedAt: new Date().toISOString() },
          ],
        },
      });
      expect(shared.status).toBe(200);
      enrolled.push(name.replace(/\p{Default_Ignorable_Code_Point}/gu, ''));
    }
    await server.deps.scores.idle();
    const response = await server.call('/v1/leaderboard?period=all&limit=100', { token: advocate.token });
    const board = (await response.json()) as LeaderboardResponse;
    const names = board.entries.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(enrolled));
    for (const entry of board.entries) {
      expect(entry.name).not.toMatch(/[\p{Default_Ignorable_Code_Point}\p{Cc}]/u);
      expect(entry.team === null || /^(Sales|Spoofers)$/.test(entry.team)).toBe(true);
    }
    // ?team= matches the cleaned team, whatever invisible characters the query carries.
    const team = await server.call(`/v1/leaderboard?period=all&team=${encodeURIComponent('Spoo\u200bfers')}`, {
      token: advocate.token,
    });
    expect(((await team.json()) as LeaderboardResponse).entries).toHaveLength(spoofs.length);
  });

  it('a name or team made only of invisible characters is refused as empty', async () => {
    const invite = await server.call('/v1/admin/invites', { method: 'POST', json: {}, token: admin });
    const { code } = (await invite.json()) as { code: string };
    const refused = await server.call('/v1/enroll', {
      method: 'POST',
      json: { code, name: '\u202e\u200b\u2066\u2069\ufeff\u3164 \u200d' },
    });
    const body = await expectValidation(refused, 'name');
    expect(body.errors?.find((error) => error.path === 'name')?.message).toBe('a name is required');
    const team = await server.call('/v1/me', {
      method: 'PATCH',
      token: advocate.token,
      json: { team: '\u200b\u202e' },
    });
    await expectValidation(team, 'team');
  });
});
