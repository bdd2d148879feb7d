/**
 * scimmy's handlers for /Groups: the identity provider's groups become Relay groups (source 'scim'),
 * each member an advocate (members.value is the user's SCIM id, the advocate id). PATCH sends the
 * whole patched membership, so a member missing from it was removed; PUT without members keeps them.
 */
import type SCIMMY from 'scimmy';
import { displayNameSchema, lineSchema } from '../../lib/text';
import { keepFailure, scimError, type ScimCall } from './context';
import { applyFilter, equalityOf } from './filter';
import {
  deleteGroup,
  displayNameHolder,
  findGroup,
  groupPage,
  groupsWhere,
  knownUsers,
  saveGroup,
  type GroupFields,
  type GroupRow,
} from './group-store';
import { describePage, pageOf } from './paging';

type GroupResource = SCIMMY.Resources.Group;
type Scim = Record<string, unknown>;

export function toScimGroup(row: GroupRow): Scim {
  return {
    id: row.id,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    displayName: row.display_name,
    members: row.members.map((member) => ({ value: member.id, display: member.name, type: 'User' })),
    meta: { created: new Date(row.created_at), lastModified: new Date(row.updated_at) },
  };
}

async function existing(ctx: ScimCall, id: string): Promise<GroupRow> {
  const row = await findGroup(ctx.deps.db, id);
  if (!row) throw scimError(404, null, `No group with id ${id}.`);
  return row;
}

export function readGroups(resource: GroupResource, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    if (resource.id) return toScimGroup(await existing(ctx, resource.id));
    const page = pageOf(resource.constraints);
    let groups: Scim[];
    let total: number;
    if (!resource.filter?.length) {
      const { rows, total: all } = await groupPage(ctx.deps.db, page);
      groups = rows.map(toScimGroup);
      total = all;
    } else {
      const candidates = await groupsWhere(ctx.deps.db, equalityOf(resource.filter));
      const matching = applyFilter(resource.filter, candidates.map(toScimGroup));
      groups = matching.slice(page.offset, page.offset + page.limit);
      total = matching.length;
    }
    describePage(resource, ctx, page, groups.length, total);
    return groups;
  });
}

const displayNameField = displayNameSchema().min(1, 'displayName is required').max(255);
const idField = lineSchema().min(1).max(64);
const externalIdField = lineSchema().max(255);

function valid<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw scimError(400, 'invalidValue', `${what} is not valid.`);
  return parsed.data;
}

/** The member ids a representation lists, or undefined when it has no members attribute. */
function memberIds(group: Scim): string[] | undefined {
  if (group.members === undefined || group.members === null) return undefined;
  if (!Array.isArray(group.members)) throw scimError(400, 'invalidValue', 'members must be a list.');
  return [
    ...new Set(
      group.members.map((member) =>
        valid(idField, member && typeof member === 'object' ? (member as Scim).value : undefined, 'A member’s value'),
      ),
    ),
  ];
}

function fieldsOf(group: Scim, method: ScimCall['method']): GroupFields {
  const displayName = valid(displayNameField, group.displayName, 'displayName');
  const externalId =
    typeof group.externalId === 'string' && group.externalId !== ''
      ? valid(externalIdField, group.externalId, 'externalId')
      : undefined;
  const members = memberIds(group);
  if (method === 'PUT') return { displayName, externalId, members };
  return { displayName, externalId: externalId ?? null, members: members ?? [] };
}

export function writeGroup(resource: GroupResource, instance: SCIMMY.Schemas.Group, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const { db } = ctx.deps;
    const before = resource.id ? await existing(ctx, resource.id) : undefined;
    const fields = fieldsOf(instance as unknown as Scim, before ? ctx.method : 'POST');
    const holder = await displayNameHolder(db, fields.displayName, before?.id);
    if (holder)
      throw scimError(409, 'uniqueness', `Group ${holder.id} already has the displayName "${fields.displayName}".`);
    if (fields.members) {
      const had = new Set(before?.members.map((member) => member.id));
      const added = fields.members.filter((member) => !had.has(member));
      const known = await knownUsers(db, added);
      const unknown = added.filter((member) => !known.has(member));
      if (unknown.length) throw scimError(400, 'invalidValue', `No user with id ${unknown.join(', ')}.`);
    }
    const id = await saveGroup(db, before?.id, fields, ctx.deps.now());
    return toScimGroup((await findGroup(db, id))!);
  });
}

export function deleteScimGroup(resource: GroupResource, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const row = await existing(ctx, resource.id!);
    await deleteGroup(ctx.deps.db, row.id);
  });
}
