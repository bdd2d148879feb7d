/** scimmy's handlers for /Users: advocates read (egress), written (ingress) and deleted (degress). */
import type SCIMMY from 'scimmy';
import { deprovision, erase, restore } from './access';
import { keepFailure, scimError, type ScimCall } from './context';
import { listPage } from './paging';
import { readProvisioning } from './settings';
import { isActive, newUserFields, toScimUser, updatedUserFields, type UserRow } from './user-map';
import {
  findUser,
  forgetIdentity,
  insertUser,
  signedInBefore,
  updateUser,
  userNameHolder,
  userPage,
  usersWhere,
} from './user-store';

type UserResource = SCIMMY.Resources.User;

async function existing(ctx: ScimCall, id: string): Promise<UserRow> {
  const row = await findUser(ctx.deps.db, id);
  if (!row) throw scimError(404, null, `No user with id ${id}.`);
  return row;
}

async function stored(ctx: ScimCall, id: string) {
  return toScimUser(await existing(ctx, id));
}

export function readUsers(resource: UserResource, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    if (resource.id) {
      const user = await stored(ctx, resource.id);
      // The representation a PATCH's operations apply to, to tell what they changed.
      if (ctx.method === 'PATCH') ctx.user = user;
      return user;
    }
    const db = ctx.deps.db;
    return listPage(
      resource,
      ctx,
      { page: (page) => userPage(db, page), where: (eq) => usersWhere(db, eq) },
      toScimUser,
    );
  });
}

async function refuseTakenUserName(ctx: ScimCall, userName: string, except?: string): Promise<void> {
  const holder = await userNameHolder(ctx.deps.db, userName, except);
  if (holder) throw scimError(409, 'uniqueness', `User ${holder.id} already has the userName "${userName}".`);
}

/** Access follows `active`: false ends it (every token revoked, streams closed), true brings it back. */
async function followActive(ctx: ScimCall, row: UserRow, active: boolean | undefined): Promise<void> {
  if (active === false && isActive(row)) await deprovision(ctx.deps, row.id);
  if (active === true && row.access_ended === 'deprovisioned') await restore(ctx.deps, row.id);
}

export function writeUser(resource: UserResource, instance: SCIMMY.Schemas.User, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const { db } = ctx.deps;
    const now = ctx.deps.now();
    const user = instance as unknown as Record<string, unknown>;
    if (resource.id) {
      const row = await existing(ctx, resource.id);
      const method = ctx.method === 'PUT' ? 'PUT' : 'PATCH';
      const fields = updatedUserFields(user, method, (method === 'PATCH' && ctx.user) || toScimUser(row));
      if (fields.userName !== undefined) await refuseTakenUserName(ctx, fields.userName, row.id);
      await updateUser(db, row.id, fields, now);
      await followActive(ctx, row, fields.active);
      return stored(ctx, row.id);
    }
    const fields = newUserFields(user);
    await refuseTakenUserName(ctx, fields.userName);
    const before = await signedInBefore(db, [fields.email, fields.userName]);
    let id: string;
    if (before) {
      await updateUser(db, before.id, fields, now, true);
      id = before.id;
    } else {
      id = await insertUser(db, fields, now);
    }
    if (fields.active === false) await deprovision(ctx.deps, id);
    return stored(ctx, id);
  });
}

/** DELETE as the admin chose (GET|PUT /v1/admin/provisioning): keep their history, or erase them. */
export function deleteUser(resource: UserResource, ctx: ScimCall) {
  return keepFailure(ctx, async () => {
    const row = await existing(ctx, resource.id!);
    const { onDelete } = await readProvisioning(ctx.deps.db);
    if (onDelete === 'erase') {
      await erase(ctx.deps, row.id);
      return;
    }
    if (isActive(row)) await deprovision(ctx.deps, row.id);
    await forgetIdentity(ctx.deps.db, row.id, ctx.deps.now());
  });
}
