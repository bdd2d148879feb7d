/** Console groups and audiences: POST/PATCH/DELETE /v1/admin/groups, their members, an advocate's region, and what the audience picker offers. */
import {
  advocateRegionSchema,
  audienceOptionsSchema,
  audienceReachQuerySchema,
  audienceReachSchema,
  groupCreatedSchema,
  groupMembersSchema,
  groupNameSchema,
} from '../../lib/audience-schemas';
import { normaliseAudienceEntry } from '../../lib/audiences';
import { adminAdvocateSchema } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { advocateRows } from '../services/advocate-list';
import { advocatesIn } from '../services/audiences';
import { announce, audienceOptions, createGroup, deleteGroup, renameGroup, setGroupMembers } from '../services/groups';
import { defineRoute, type Route } from './define';
import { adminGroups } from './scim-admin';

const notFound = { description: 'No such group' };
const managed = { description: 'group-managed-by-idp: a SCIM or IdP group, kept by the identity provider' };

export function groupRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/groups',
      summary: 'Make a console group (an audience posts can target)',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'groups.create', target: 'group' },
      body: groupNameSchema,
      responses: {
        201: { description: 'Made', schema: groupCreatedSchema },
        409: { description: 'group-name-taken: a group of that name exists (case-insensitively)' },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { body }) => {
        const group = await createGroup(deps, body.name);
        c.set('audit', { target: { type: 'group', id: group.id, label: group.name } });
        return c.json(group, 201);
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/v1/admin/groups/{id}',
      summary: 'Rename a console group',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'groups.rename', target: 'group' },
      body: groupNameSchema,
      responses: {
        200: { description: 'Renamed', schema: groupCreatedSchema },
        404: notFound,
        409: { description: `${managed.description}; or group-name-taken` },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { params, body }) => {
        const group = await renameGroup(deps, params.id, body.name);
        return c.json({ id: group.id, name: group.display_name });
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/admin/groups/{id}',
      summary: 'Delete a console group; refused while a post (any status) is for it',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'groups.delete', target: 'group' },
      responses: {
        204: { description: 'Deleted' },
        404: notFound,
        409: { description: `${managed.description}; or group-in-use: errors[] lists the posts for it` },
      },
      handler: async (c, { params }) => {
        const group = await deleteGroup(deps, params.id);
        c.set('audit', { target: { type: 'group', id: group.id, label: group.display_name } });
        return c.body(null, 204);
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/admin/groups/{id}/members',
      summary: "Set a console group's members; their next sync adds and removes the posts for it",
      tag: 'provisioning',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'groups.members', target: 'group' },
      body: groupMembersSchema,
      responses: {
        200: { description: 'Who was added and removed', schema: groupMembersSchema },
        404: notFound,
        409: managed,
        422: { description: 'Invalid body, or ids that are no advocate (errors[] names them)' },
      },
      handler: async (c, { params, body }) => {
        const change = await setGroupMembers(deps, params.id, body.advocateIds);
        if (change.added.length === 0 && change.removed.length === 0) c.set('audit', { skip: true });
        else c.set('audit', { change });
        return c.json({ advocateIds: [...new Set(body.advocateIds)] });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/audiences',
      summary: 'What posts can be for: groups (with source and members), and the regions and languages advocates have',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'groups.read',
      responses: { 200: { description: 'Audience options', schema: audienceOptionsSchema } },
      handler: async (c) => c.json(await audienceOptions(deps, await adminGroups(deps))),
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/audiences/reach',
      summary: 'How many advocates (with access) an audience reaches',
      tag: 'provisioning',
      auth: 'admin',
      permission: 'groups.read',
      query: audienceReachQuerySchema,
      responses: {
        200: { description: 'Advocates reached', schema: audienceReachSchema },
        400: { description: 'An entry that is no audience entry' },
      },
      handler: async (c, { query }) =>
        c.json({ advocates: (await advocatesIn(deps.db, audienceList(query.audiences))).length }),
    }),

    defineRoute({
      method: 'patch',
      path: '/v1/admin/advocates/{id}',
      summary: "Set an advocate's region (null clears it); their next sync follows it",
      tag: 'admin',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'advocates.region', target: 'advocate' },
      body: advocateRegionSchema,
      responses: {
        200: { description: 'The advocate as now listed', schema: adminAdvocateSchema },
        404: { description: 'No such advocate' },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { params, body }) => {
        const region = body.region === null ? null : body.region.toUpperCase();
        let found = false;
        await announce(deps, async (trx) => {
          const result = await trx
            .updateTable('advocates')
            .set({ region })
            .where('id', '=', params.id)
            .executeTakeFirst();
          found = Number(result.numUpdatedRows) > 0;
        });
        if (!found) throw new ProblemError(404, `No advocate with id ${params.id}.`, { type: 'not-found' });
        c.set('audit', { advocateId: params.id });
        const [row] = await advocateRows(deps, params.id);
        return c.json(row);
      },
    }),
  ];
}

/** Parses `a,b,c` into normalised audience entries; 400 naming one that is not. */
export function audienceList(text: string | undefined, field = 'audiences'): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry, index) => {
    const normal = normaliseAudienceEntry(entry);
    if (normal === null) {
      throw new ProblemError(
        400,
        `"${entry}" is not an audience entry (a group id, region:<code> or language:<tag>).`,
        {
          type: 'malformed-query',
          errors: [{ path: `${field}.${index}`, message: 'not an audience entry' }],
        },
      );
    }
    return normal;
  });
}
