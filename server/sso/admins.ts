/**
 * The admin a sign-in with the identity provider reaches: members of RELAY_OIDC_ADMIN_GROUP or of a
 * group of RELAY_OIDC_ROLE_GROUPS only. A new admin's role comes from their role group, else they are
 * an analyst (the least privileged), except the very first admin, an owner; recorded as admins.create.
 */
import { ROLES, type Role } from '../../lib/roles';
import type { SsoConfig } from '../config';
import type { Deps } from '../context';
import { newId } from '../crypto';
import { recordAudit } from '../services/audit';
import type { Identity } from './claims';
import { onceMoreOnConflict } from './conflicts';
import { SsoRefusal } from './refusals';

type SignInDeps = Pick<Deps, 'db'>;
type AdminGroups = Pick<SsoConfig, 'adminGroup' | 'roleGroups'>;

/** The role a new admin's groups give: the first of ROLES (owner first) whose group they are in. */
export function roleFromGroups(groups: readonly string[], roleGroups: AdminGroups['roleGroups']): Role | undefined {
  return ROLES.find((role) => roleGroups?.[role] !== undefined && groups.includes(roleGroups[role]));
}

function admitted(identity: Identity, settings: AdminGroups): boolean {
  const { adminGroup, roleGroups } = settings;
  return (
    (adminGroup !== undefined && identity.groups.includes(adminGroup)) ||
    roleFromGroups(identity.groups, roleGroups) !== undefined
  );
}

/**
 * By subject; else the admin with this email not yet linked to a subject (a password admin keeps
 * their password), only when the provider verified the email; else a new admin without a password.
 */
async function resolve(
  deps: SignInDeps,
  identity: Identity,
  settings: AdminGroups,
  now: number,
): Promise<{ id: string; email: string }> {
  const { db } = deps;
  const named = identity.name !== undefined ? { name: identity.name } : {};
  const bySubject = await db
    .selectFrom('admins')
    .select(['id', 'email'])
    .where('subject', '=', identity.subject)
    .executeTakeFirst();
  if (bySubject) {
    if (identity.name !== undefined) await db.updateTable('admins').set(named).where('id', '=', bySubject.id).execute();
    return bySubject;
  }
  if (identity.email === undefined) {
    throw new SsoRefusal(
      'failed',
      `admin ${identity.subject} signed in, but the provider gave no email to name them by`,
    );
  }
  const email = identity.email.toLowerCase();
  const byEmail = await db
    .selectFrom('admins')
    .select(['id', 'email', 'subject'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (byEmail) {
    if (!identity.emailVerified) {
      throw new SsoRefusal(
        'failed',
        `admin ${identity.subject} signed in with the email of admin ${byEmail.id}, which the provider says is not verified`,
      );
    }
    if (byEmail.subject !== null) {
      throw new SsoRefusal('failed', `admin ${byEmail.id}'s email is linked to another identity-provider subject`);
    }
    // Another sign-in may have linked this admin since it was read: to this subject (the same person
    // on two browsers at once, fine), or to another one (refused, as above).
    const linked = await db
      .updateTable('admins')
      .set({ subject: identity.subject, ...named })
      .where('id', '=', byEmail.id)
      .where((eb) => eb.or([eb('subject', 'is', null), eb('subject', '=', identity.subject)]))
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) === 0) {
      throw new SsoRefusal('failed', `admin ${byEmail.id} was linked to another identity-provider subject meanwhile`);
    }
    return { id: byEmail.id, email: byEmail.email };
  }
  const admin = { id: newId(), email };
  const first = (await db.selectFrom('admins').select('id').limit(1).executeTakeFirst()) === undefined;
  const role: Role = first ? 'owner' : (roleFromGroups(identity.groups, settings.roleGroups) ?? 'analyst');
  await db
    .insertInto('admins')
    .values({
      ...admin,
      role,
      password_hash: '',
      created_at: now,
      subject: identity.subject,
      name: identity.name ?? null,
    })
    .execute();
  await recordAudit(
    db,
    {
      actor: { type: 'system', id: null, label: 'single sign-on' },
      action: 'admins.create',
      target: { type: 'admin', id: admin.id, label: email },
      change: { email, role, signsInWith: ['work-account'], groups: identity.groups },
    },
    now,
  );
  return admin;
}

/** The admin's id and email; refuses (not-admin) anyone outside RELAY_OIDC_ADMIN_GROUP and the role groups. */
export function signInAdmin(
  deps: SignInDeps,
  identity: Identity,
  settings: AdminGroups,
  now: number,
): Promise<{ id: string; email: string }> {
  if (!admitted(identity, settings)) return Promise.reject(new SsoRefusal('not-admin'));
  return onceMoreOnConflict(() => resolve(deps, identity, settings, now));
}
