/** The console's side of provisioning: SCIM tokens, what a SCIM DELETE does (onDelete), and the groups advocates are in. */
import {
  adminGroupListSchema,
  provisioningSettingsSchema,
  scimTokenCreatedSchema,
  scimTokenCreateSchema,
  scimTokenListSchema,
  scimTokenSchema,
  type AdminGroup,
  type ScimToken,
} from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { readProvisioning, writeProvisioning } from '../scim/settings';
import { createScimToken, listScimTokens, revokeScimToken, type ScimTokenRow } from '../scim/tokens';
import { defineRoute, type Route } from './define';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toScimToken(row: ScimTokenRow): ScimToken {
  return {
    id: row.id,
    hint: row.hint,
    label: row.label,
    createdAt: iso(row.created_at)!,
    lastUsedAt: iso(row.last_used_at),
    revoked: row.revoked_at !== null,
  };
}

/** Every group, any source, with its members by name; sorted by name (collations differ between databases). */
export async function adminGroups(deps: Pick<Deps, 'db'>): Promise<AdminGroup[]> {
  const [groups, members] = await Promise.all([
    deps.db.selectFrom('groups').select(['id', 'display_name', 'source']).execute(),
    deps.db
      .selectFrom('group_members')
      .innerJoin('advocates', 'advocates.id', 'group_members.advocate_id')
      .select(['group_members.group_id', 'advocates.id', 'advocates.name'])
      .execute(),
  ]);
  const byGroup = new Map<string, { id: string; name: string }[]>();
  for (const member of members) {
    byGroup.set(member.group_id, [...(byGroup.get(member.group_id) ?? []), { id: member.id, name: member.name }]);
  }
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return groups
    .map((group) => ({
      id: group.id,
      name: group.display_name,
      source: group.source as AdminGroup['source'],
      members: (byGroup.get(group.id) ?? []).sort(byName),
    }))
    .sort(byName);
}

export function scimAdminRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/scim-tokens',
      summary: 'Create a SCIM token for the identity provider’s provisioning (shown only in this answer)',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'settings.manage',
      audit: { action: 'scim-tokens.create', target: 'scim-token' },
      body: scimTokenCreateSchema,
      optionalBody: true,
      responses: {
        201: { description: 'Created; the only answer that holds the token', schema: scimTokenCreatedSchema },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { body }) => {
        const { row, token } = await createScimToken(deps.db, {
          label: body.label ?? null,
          createdBy: c.get('admin').id,
          now: deps.now(),
        });
        c.header('cache-control', 'no-store');
        const { id, hint, label, createdAt } = toScimToken(row);
        c.set('audit', { target: { type: 'scim-token', id, label }, change: { label, hint } });
        return c.json({ id, token, hint, label, createdAt }, 201);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/scim-tokens',
      summary: 'List SCIM tokens, newest first, revoked ones too (a hint each: tokens are stored hashed)',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'settings.manage',
      responses: { 200: { description: 'SCIM tokens', schema: scimTokenListSchema } },
      handler: async (c) => c.json({ items: (await listScimTokens(deps.db)).map(toScimToken) }),
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/admin/scim-tokens/{id}',
      summary: 'Revoke a SCIM token: the identity provider’s next request with it is refused',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'settings.manage',
      audit: { action: 'scim-tokens.revoke', target: 'scim-token' },
      responses: { 200: { description: 'Revoked', schema: scimTokenSchema }, 404: { description: 'No such token' } },
      handler: async (c, { params }) => {
        const row = await revokeScimToken(deps.db, params.id, deps.now());
        if (!row) throw new ProblemError(404, 'No SCIM token with that id.', { type: 'not-found' });
        c.set('audit', { target: { type: 'scim-token', id: row.id, label: row.label }, change: { hint: row.hint } });
        return c.json(toScimToken(row));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/provisioning',
      summary: 'What a SCIM DELETE of a user does: keep their history (default) or erase it',
      tag: 'provisioning',
      auth: 'admin',
      // An owner's setting, as SCIM tokens and SSO are: not among what settings.read shows editors.
      permission: 'settings.manage',
      responses: { 200: { description: 'The settings', schema: provisioningSettingsSchema } },
      handler: async (c) => c.json(await readProvisioning(deps.db)),
    }),

    defineRoute({
      method: 'put',
      path: '/v1/admin/provisioning',
      summary: 'Choose what a SCIM DELETE of a user does: keep their history or erase it',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'settings.manage',
      audit: { action: 'provisioning.update', target: 'document' },
      body: provisioningSettingsSchema,
      responses: {
        200: { description: 'The settings', schema: provisioningSettingsSchema },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { body }) => {
        const before = await readProvisioning(deps.db);
        const after = await writeProvisioning(deps.db, body, deps.now());
        c.set('audit', { target: { type: 'document', id: 'provisioning' }, change: { before, after } });
        return c.json(after);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/groups',
      summary: 'Groups of advocates (provisioned by SCIM, seen in sign-ins, or made in the console) and their members',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'groups.read',
      responses: { 200: { description: 'Groups, by name', schema: adminGroupListSchema } },
      handler: async (c) => c.json({ items: await adminGroups(deps) }),
    }),
  ];
}
