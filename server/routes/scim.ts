/** SCIM 2.0 (RFC 7643/7644) under /scim/v2 for the identity provider: Users are advocates, Groups are Relay groups. */
import type { Context, Hono } from 'hono';
import SCIMMY from 'scimmy';
import { z } from 'zod';
import type { AppEnv, Deps } from '../context';
import { requireScim } from '../middleware/auth/scim';
import type { ScimCall } from '../scim/context';
import { ScimProblem, scimErrors } from '../scim/errors';
import { readScimBody, readScimQuery, scimAnswer } from '../scim/http';
import { normalisePatch, normaliseResource } from '../scim/normalise';
import { restoreStartIndex } from '../scim/paging';
import { SCIM_BASE, setUpScim } from '../scim/setup';
import { withoutSecrets } from '../middleware/audit';
import { readProvisioning } from '../scim/settings';
import { recordScimWrite, scimBefore } from '../services/audit-scim';
import { defineRoute, type Route } from './define';

// Every route takes only a SCIM token (middleware/auth/scim.ts), answers application/scim+json and fails
// with SCIM Error messages (scim/errors.ts). scimmy parses and formats; its handlers read and write.
const REFUSALS = {
  401: { description: 'No SCIM token, a revoked one, or an admin or advocate token' },
  429: { description: 'Too many requests for this SCIM token', headers: ['Retry-After'] },
};
const rateLimit = { limit: 'scim', per: 'scim' } as const;
const common = { tag: 'scim', auth: 'scim', rateLimit } as const;

/** Documentation of the bodies SCIM routes read themselves (RFC 7643 §4 and RFC 7644 §3.5.2). */
const resourceBody = z
  .looseObject({ schemas: z.array(z.string()) })
  .describe('a SCIM User (core schema, optional enterprise extension) or Group');
const patchBody = z.looseObject({
  schemas: z.array(z.literal('urn:ietf:params:scim:api:messages:2.0:PatchOp')),
  Operations: z.array(z.looseObject({ op: z.string(), path: z.string().optional(), value: z.unknown().optional() })),
});

/** Runs scimmy's work; a failure it would misreport (ctx.failure) is thrown instead, its own errors as SCIM refusals. */
async function run<T>(ctx: ScimCall, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = ctx.failure ?? error;
    if (failure instanceof SCIMMY.Types.Error) {
      throw new ScimProblem(failure.status, failure.message, (failure.scimType ?? undefined) as never);
    }
    throw failure;
  }
}

type Kind = 'Users' | 'Groups';

function resourceRoutes(deps: Deps, kind: Kind): Route[] {
  const Resource = (kind === 'Users'
    ? SCIMMY.Resources.User
    : SCIMMY.Resources.Group) as unknown as typeof SCIMMY.Types.Resource;
  const one = kind === 'Users' ? 'user' : 'group';
  const call = (method: ScimCall['method']): ScimCall => ({ deps, method });
  const answer = (body: unknown, status = 200, headers?: Record<string, string>) =>
    scimAnswer(body, { status, publicUrl: deps.config.publicUrl, headers });
  const absolute = (location: string) => deps.config.publicUrl.replace(/\/+$/, '') + location;
  const found = { 404: { description: `No such ${one}` } };
  // Each successful write is recorded in the audit log, the SCIM token as its actor (services/audit-scim.ts).
  const audit = (c: Context<AppEnv>, write: Omit<Parameters<typeof recordScimWrite>[1], 'tokenId' | 'kind'>) =>
    recordScimWrite(deps.db, { tokenId: c.get('scimToken').id, kind, ...write }, deps.now());

  return [
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/${kind}`,
      summary: `List or find ${kind} (filter, e.g. ${kind === 'Users' ? 'userName eq "…"' : 'displayName eq "…"'}; startIndex, count up to 200; attributes, excludedAttributes)`,
      responses: { 200: { description: 'A SCIM ListResponse' }, 400: { description: 'A bad filter' }, ...REFUSALS },
      handler: async (c) => {
        const ctx = call('GET');
        const list = await run(ctx, () => new Resource(undefined, readScimQuery(c)).read(ctx));
        restoreStartIndex(list, ctx);
        return answer(list);
      },
    }),
    defineRoute({
      ...common,
      method: 'post',
      path: `${SCIM_BASE}/${kind}`,
      summary: `Create a ${one}`,
      documentedBody: resourceBody,
      responses: {
        201: { description: `The ${one}`, headers: ['Location'] },
        400: { description: 'Invalid' },
        409: { description: kind === 'Users' ? 'userName taken' : 'displayName taken' },
        ...REFUSALS,
      },
      handler: async (c) => {
        const ctx = call('POST');
        const body = normaliseResource(await readScimBody(c));
        const created = (await run(ctx, () => new Resource(undefined, readScimQuery(c)).write(body, ctx))) as {
          id: string;
          meta: { location: string };
        };
        await audit(c, {
          method: 'POST',
          id: created.id,
          result: created,
          change: { attributes: withoutSecrets(body) },
        });
        return answer(created, 201, { location: absolute(created.meta.location) });
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/${kind}/{id}`,
      summary: `Read a ${one}`,
      responses: { 200: { description: `The ${one}` }, ...found, ...REFUSALS },
      handler: async (c, { params }) => {
        const ctx = call('GET');
        return answer(await run(ctx, () => new Resource(params.id, readScimQuery(c)).read(ctx)));
      },
    }),
    defineRoute({
      ...common,
      method: 'put',
      path: `${SCIM_BASE}/${kind}/{id}`,
      summary: `Replace a ${one} (attributes it leaves out stay as they are${kind === 'Groups' ? '; members, when given, are the whole membership' : ''})`,
      documentedBody: resourceBody,
      responses: { 200: { description: `The ${one}` }, 400: { description: 'Invalid' }, ...found, ...REFUSALS },
      handler: async (c, { params }) => {
        const ctx = call('PUT');
        const body = normaliseResource(await readScimBody(c));
        const before = await scimBefore(deps.db, kind, params.id);
        const written = await run(ctx, () => new Resource(params.id, readScimQuery(c)).write(body, ctx));
        const change = { attributes: withoutSecrets(body) };
        await audit(c, { method: 'PUT', id: params.id, before, result: written as never, change });
        return answer(written);
      },
    }),
    defineRoute({
      ...common,
      method: 'patch',
      path: `${SCIM_BASE}/${kind}/{id}`,
      summary: `Change a ${one} with PatchOp operations (add, replace, remove)${kind === 'Users' ? '; active: false ends their access at once' : ''}`,
      documentedBody: patchBody,
      responses: {
        ...(kind === 'Users' ? { 200: { description: 'The user' } } : { 204: { description: 'Changed' } }),
        400: { description: 'Invalid operations' },
        ...found,
        ...REFUSALS,
      },
      handler: async (c, { params }) => {
        const ctx = call('PATCH');
        const query = readScimQuery(c);
        const raw = await readScimBody(c);
        const message = normalisePatch(raw) as { Operations?: unknown[] };
        const emptied = Array.isArray(message?.Operations) && message.Operations.length === 0;
        const before = emptied ? undefined : await scimBefore(deps.db, kind, params.id);
        const patched = emptied
          ? undefined
          : await run(ctx, () => new Resource(params.id, query).patch(message as never, ctx));
        if (!emptied) {
          const change = { operations: withoutSecrets(message.Operations) };
          await audit(c, { method: 'PATCH', id: params.id, before, result: patched as never, change });
        }
        if (kind === 'Groups') {
          if (emptied) await run(ctx, () => new Resource(params.id).read(ctx));
          return new Response(null, { status: 204 });
        }
        return answer(patched ?? (await run(ctx, () => new Resource(params.id, query).read(ctx))));
      },
    }),
    defineRoute({
      ...common,
      method: 'delete',
      path: `${SCIM_BASE}/${kind}/{id}`,
      summary:
        kind === 'Users'
          ? 'Delete a user: their access ends, and their history is kept or erased as GET|PUT /v1/admin/provisioning says'
          : 'Delete a group (its members stay advocates)',
      responses: { 204: { description: 'Deleted' }, ...found, ...REFUSALS },
      handler: async (c, { params }) => {
        const ctx = call('DELETE');
        const before = await scimBefore(deps.db, kind, params.id);
        const onDelete = kind === 'Users' ? (await readProvisioning(deps.db)).onDelete : undefined;
        await run(ctx, () => new Resource(params.id).dispose(ctx));
        const erased = onDelete === 'erase';
        await audit(c, { method: 'DELETE', id: params.id, before, erased, change: onDelete ? { onDelete } : {} });
        return new Response(null, { status: 204 });
      },
    }),
  ];
}

function discoveryRoutes(deps: Deps): Route[] {
  const answer = (body: unknown) => scimAnswer(body, { publicUrl: deps.config.publicUrl });
  const ctx = (): ScimCall => ({ deps, method: 'GET' });
  return [
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/ServiceProviderConfig`,
      summary:
        'What Relay’s SCIM supports: PATCH and filters (up to 200 results), no bulk, sort or ETags; bearer tokens',
      responses: { 200: { description: 'The ServiceProviderConfig' }, ...REFUSALS },
      handler: async () => answer(await run(ctx(), () => new SCIMMY.Resources.ServiceProviderConfig().read())),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/ResourceTypes`,
      summary: 'The resource types: User (with the enterprise extension) and Group',
      responses: { 200: { description: 'A ListResponse of ResourceTypes' }, ...REFUSALS },
      handler: async () => answer(await run(ctx(), () => new SCIMMY.Resources.ResourceType().read())),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/ResourceTypes/{id}`,
      summary: 'One resource type (User or Group)',
      responses: { 200: { description: 'The ResourceType' }, 404: { description: 'No such type' }, ...REFUSALS },
      handler: async (_c, { params }) =>
        answer(await run(ctx(), () => new SCIMMY.Resources.ResourceType(params.id).read())),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/Schemas`,
      summary: 'The schemas: User, Group and the enterprise User extension',
      responses: { 200: { description: 'A ListResponse of Schemas' }, ...REFUSALS },
      handler: async () => answer(await run(ctx(), () => new SCIMMY.Resources.Schema().read())),
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: `${SCIM_BASE}/Schemas/{id}`,
      summary: 'One schema, by its URN',
      responses: { 200: { description: 'The Schema' }, 404: { description: 'No such schema' }, ...REFUSALS },
      handler: async (_c, { params }) => answer(await run(ctx(), () => new SCIMMY.Resources.Schema(params.id).read())),
    }),
  ];
}

export function scimRoutes(deps: Deps): Route[] {
  setUpScim();
  return [...discoveryRoutes(deps), ...resourceRoutes(deps, 'Users'), ...resourceRoutes(deps, 'Groups')];
}

/** Any other path or method under /scim/v2 asks for a SCIM token first, then answers 404, both as SCIM errors. */
export function mountScimFallback(app: Hono<AppEnv>, deps: Deps): void {
  app.all(`${SCIM_BASE}/*`, scimErrors(), requireScim(deps), (c) => {
    throw new ScimProblem(404, `Nothing at ${c.req.method} ${c.req.path}.`);
  });
}
