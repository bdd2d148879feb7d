/** scimmy's handlers for /Groups: the identity provider's groups as Relay groups (source 'scim'), members.value an advocate id. */
import type SCIMMY from 'scimmy';
import { displayNameSchema, lineSchema } from '../../lib/text';
import { isUniqueViolation } from '../sso/conflicts';
import { keepFailure, scimError, type ScimCall } from './context';
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
  type Membership,
} from './group-store';
import { listPage } from './paging';

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
    if (resource.id) {
      const row = await existing(ctx, resource.id);
      // The membership a PATCH's operations apply to, to tell who they added and removed.
      if (ctx.method === 'PATCH') ctx.members = row.members.map((member) => member.id);
      return toScimGroup(row);
    }
    const db = ctx.deps.db;
    return listPage(
      resource,
      ctx,
      { page: (page) => groupPage(db, page), where: (eq) => groupsWhere(db, eq) },
      toScimGroup,
    );
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

/**
 * What a write sets. A PATCH's representation holds the whole patched membership; compared with
 * the membership its operations were applied to (`ctx.members`), it gives who was added and removed.
 */
function fieldsOf(group: Scim, method: ScimCall['method'], applied?: string[]): GroupFields {
  const displayName = valid(displayNameField, group.displayName, 'displayName');
  const externalId =
    typeof group.externalId === 'string' && group.externalId !== ''
      ? valid(externalIdField, group.externalId, 'externalId')
      : undefined;
  const members = memberIds(group);
  if (method === 'PUT') return { displayName, externalId, ...(members ? { membership: { whole: members } } : {}) };
  if (method !== 'PATCH' || !applied)
    return { displayName, externalId: externalId ?? null, membership: { whole: members ?? [] } };
  const after = new Set(members);
  const before = new Set(applied);
  return {
    displayName,
    externalId: externalId ?? null,
    membership: {
      add: [...after].filter((member) => !before.has(member)),
      remove: [...before].filter((member) => !after.has(member)),
    },
  };
}

/** Members a write adds that are not provisioned users. */
async function unknownMembers(ctx: ScimCall, membership: Membership | undefined, before?: GroupRow): Promise<string[]> {
  if (!membership) return [];
  const had = new Set(before?.members.map((member) => member.id));
  const added = 'whole' in membership ? membership.whole.filter((member) => !had.has(member)) : membership.add;
  const known = await knownUsers(ctx.deps.db, added);
  return added.filter((member) => !known.has(member));
}

export function writeGroup(resource: GroupResource, instance: SCIMMY.Schemas.Group, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const { db } = ctx.deps;
    const before = resource.id ? await existing(ctx, resource.id) : undefined;
    const fields = fieldsOf(instance as unknown as Scim, before ? ctx.method : 'POST', ctx.members);
    const holder = await displayNameHolder(db, fields.displayName, before?.id);
    if (holder) {
      throw scimError(409, 'uniqueness', `Group ${holder.id} already has the displayName "${fields.displayName}".`);
    }
    const unknown = await unknownMembers(ctx, fields.membership, before);
    if (unknown.length) throw scimError(400, 'invalidValue', `No user with id ${unknown.join(', ')}.`);
    let id: string;
    try {
      id = await saveGroup(db, before?.id, fields, ctx.deps.now());
    } catch (error) {
      // Another request made a group of this name since the check above (the unique index says so).
      if (!isUniqueViolation(error)) throw error;
      throw scimError(409, 'uniqueness', `Another group already has the displayName "${fields.displayName}".`);
    }
    return toScimGroup((await findGroup(db, id))!);
  });
}

export function deleteScimGroup(resource: GroupResource, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const row = await existing(ctx, resource.id!);
    await deleteGroup(ctx.deps.db, row.id);
  });
}
