/** GET /healthz and GET /openapi.json: OpenAPI 3.1 describing every route the server registers. */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/context';
import { startTestServer, type TestServer } from '../helpers/server';

/** Every route this suite exercises (method, OpenAPI path). */
const TESTED: [string, string][] = [
  ['get', '/healthz'],
  ['get', '/livez'],
  ['get', '/readyz'],
  ['get', '/openapi.json'],
  ['post', '/v1/admin/session'],
  ['delete', '/v1/admin/session'],
  ['post', '/v1/admin/invites'],
  ['get', '/v1/admin/invites'],
  ['delete', '/v1/admin/invites/{code}'],
  ['post', '/v1/admin/content'],
  ['get', '/v1/admin/content'],
  ['get', '/v1/admin/content/{id}'],
  ['patch', '/v1/admin/content/{id}'],
  ['delete', '/v1/admin/content/{id}'],
  ['post', '/v1/admin/content/{id}/publish'],
  ['get', '/v1/admin/guidelines'],
  ['put', '/v1/admin/guidelines'],
  ['get', '/v1/admin/scoring'],
  ['put', '/v1/admin/scoring'],
  ['post', '/v1/enroll'],
  ['get', '/v1/sync'],
  ['get', '/v1/me'],
  ['patch', '/v1/me'],
  ['delete', '/v1/me/token'],
  ['get', '/v1/leaderboard'],
  ['get', '/r/{code}'],
  ['get', '/v1/admin/session'],
  ['get', '/v1/admin/advocates'],
  ['delete', '/v1/admin/advocates/{id}'],
  ['get', '/v1/admin/analytics'],
  ['get', '/v1/admin/analytics.csv'],
  ['post', '/v1/admin/link-preview'],
  ['get', '/admin'],
  ['get', '/admin/{path}'],
];

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { type?: string; properties?: Record<string, unknown> }>;
    securitySchemes: Record<string, unknown>;
  };
}

interface Operation {
  summary: string;
  operationId: string;
  security?: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: {
    content: Record<string, { schema: { type?: string; properties?: Record<string, unknown>; required?: string[] } }>;
  };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}

describe('health and OpenAPI', () => {
  let server: TestServer;
  let app: Hono<AppEnv> | undefined;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    server = await startTestServer({}, { configure: (configured) => (app = configured) });
    const response = await server.call('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await response.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('GET /healthz answers {ok: true} once the database answers, uncached', async () => {
    const response = await server.call('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('GET /livez answers {ok: true} without touching the database; GET /readyz says which database and what waits', async () => {
    const live = await server.call('/livez');
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect(await live.json()).toEqual({ ok: true });
    const ready = await server.call('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ ok: true, database: server.deps.dialect, waiting: { clicks: 0, shares: 0 } });
  });

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(doc.components.schemas.Problem?.properties).toEqual(
      expect.objectContaining({
        type: expect.anything(),
        title: expect.anything(),
        status: expect.anything(),
        detail: expect.anything(),
      }),
    );
  });

  it('lists every route the server registers, and nothing it does not', () => {
    const registered = new Set(
      app!.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method} ${path}`),
      ),
    );
    expect(registered.size).toBeGreaterThanOrEqual(TESTED.length);
    expect([...registered].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('lists every route this suite tests', () => {
    for (const [method, path] of TESTED) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('describes each operation: summary, unique operationId, path parameters, responses', () => {
    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect(operation.summary, where).toEqual(expect.any(String));
        expect(operationIds.has(operation.operationId), `${where} operationId ${operation.operationId}`).toBe(false);
        operationIds.add(operation.operationId);
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
          expect(operation.parameters, where).toContainEqual(
            expect.objectContaining({ name, in: 'path', required: true }),
          );
        }
        expect(Object.keys(operation.responses).length, where).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(response.description, `${where} ${status}`).toEqual(expect.any(String));
          // SCIM answers its own error messages (RFC 7644 §3.12), everything else problem+json.
          if (Number(status) >= 400 && response.content)
            expect(Object.keys(response.content)).toEqual([
              path.startsWith('/scim/') ? 'application/scim+json' : 'application/problem+json',
            ]);
        }
      }
    }
  });

  it('marks admin and advocate operations with their security schemes', () => {
    expect(doc.paths['/v1/admin/content']!.get!.security).toEqual(expect.arrayContaining([{ adminBearer: [] }]));
    expect(doc.paths['/v1/sync']!.get!.security).toEqual([{ advocateBearer: [] }]);
    expect(doc.paths['/healthz']!.get!.security).toBeUndefined();
    for (const path of ['/scim/v2/Users', '/scim/v2/Groups', '/scim/v2/ServiceProviderConfig'])
      expect(doc.paths[path]!.get!.security, path).toEqual([{ scimBearer: [] }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(
      expect.arrayContaining(['adminBearer', 'advocateBearer', 'scimBearer']),
    );
  });

  it('generates request bodies from the same schemas the server validates with', () => {
    const content = doc.paths['/v1/admin/content']!.post!.requestBody!.content['application/json']!.schema;
    expect(content.type).toBe('object');
    expect(content.required).toEqual(expect.arrayContaining(['title', 'url', 'variants']));
    expect(Object.keys(content.properties!)).toEqual(
      expect.arrayContaining([
        'title',
        'url',
        'note',
        'imageUrl',
        'campaign',
        'language',
        'tags',
        'variants',
        'networks',
        'publishAt',
        'expiresAt',
        'publish',
      ]),
    );
    const enroll = doc.paths['/v1/enroll']!.post!.requestBody!.content['application/json']!.schema;
    expect(enroll.required).toEqual(expect.arrayContaining(['code', 'name']));
    const sync = doc.paths['/v1/sync']!.get!;
    expect(sync.parameters).toContainEqual(expect.objectContaining({ name: 'cursor', in: 'query', required: false }));
    expect(Object.keys(sync.responses)).toEqual(expect.arrayContaining(['200', '304', '400', '401', '403']));
  });
});
