/** Owners manage the admins: list them, add one (password or work account), change a role, remove one (their sessions end). */
import { ROLES } from '../../lib/roles';
import { adminAccountSchema, adminInputSchema, adminListSchema, adminRoleInputSchema } from '../../lib/schemas/admins';
import { AdminExistsError, insertAdmin } from '../admins';
import { ssoAdmits } from '../config';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { changeRole, findAdmin, listAdmins, removeAdmin } from '../services/admins';
import { defineRoute, type Route } from './define';

const PATH = '/v1/admin/admins';
const ONE = `${PATH}/{id}`;

export function adminRoutes(deps: Deps): Route[] {
  const notFound = { description: 'No admin with this id' };
  const lastOwner = { description: 'It would leave the organisation without an owner (…/last-owner)' };
  return [
    defineRoute({
      method: 'get',
      path: PATH,
      summary: 'The admins, with their role and how they sign in',
      tag: 'admins',
      auth: 'admin',
      permission: 'admins.manage',
      responses: { 200: { description: 'Oldest first', schema: adminListSchema } },
      handler: async (c) => c.json({ items: await listAdmins(deps.db) }),
    }),
    defineRoute({
      method: 'post',
      path: PATH,
      summary: `Add an admin with a role (${ROLES.join(', ')}); without a password they sign in with the identity provider`,
      tag: 'admins',
      auth: 'admin',
      permission: 'admins.manage',
      audit: { action: 'admins.create', target: 'admin' },
      body: adminInputSchema,
      responses: {
        201: { description: 'Added', schema: adminAccountSchema },
        400: { description: 'Malformed JSON' },
        409: { description: 'An admin with this email exists (…/admin-exists)' },
        422: {
          description:
            'Invalid body, or no password while single sign-on cannot admit them (…/password-required: RELAY_OIDC_ISSUER and RELAY_OIDC_ADMIN_GROUP or RELAY_OIDC_ROLE_GROUPS)',
        },
      },
      handler: async (c, { body }) => {
        if (body.password === undefined && !(deps.config.sso && ssoAdmits(deps.config.sso))) {
          throw new ProblemError(
            422,
            'Give a password: single sign-on is off on this server (or admits no admins: RELAY_OIDC_ADMIN_GROUP or RELAY_OIDC_ROLE_GROUPS), so this admin could not sign in without one.',
            {
              type: 'password-required',
              title: 'Password required',
              extensions: { errors: [{ path: 'password', message: 'required while single sign-on is off' }] },
            },
          );
        }
        let added;
        try {
          added = await insertAdmin(deps.db, { ...body, password: body.password }, deps.now());
        } catch (error) {
          if (!(error instanceof AdminExistsError)) throw error;
          throw new ProblemError(409, `An admin with email ${body.email.toLowerCase()} already exists.`, {
            type: 'admin-exists',
            title: 'Admin exists',
          });
        }
        const account = (await findAdmin(deps.db, added.id))!;
        c.set('audit', {
          target: { type: 'admin', id: account.id, label: account.email },
          change: { email: account.email, role: account.role, signsInWith: account.signsInWith },
        });
        return c.json(account, 201);
      },
    }),
    defineRoute({
      method: 'patch',
      path: ONE,
      summary: "Change an admin's role; it applies from their next request",
      tag: 'admins',
      auth: 'admin',
      permission: 'admins.manage',
      audit: { action: 'admins.role', target: 'admin' },
      body: adminRoleInputSchema,
      responses: {
        200: { description: 'The admin with their new role', schema: adminAccountSchema },
        400: { description: 'Malformed JSON' },
        404: notFound,
        409: lastOwner,
        422: { description: 'Invalid body' },
      },
      handler: async (c, { params, body }) => {
        const { before, after } = await changeRole(deps, params.id, body.role);
        c.set(
          'audit',
          before.role === after.role
            ? { skip: true }
            : {
                target: { type: 'admin', id: after.id, label: after.email },
                change: { before: { role: before.role }, after: { role: after.role } },
              },
        );
        return c.json(after);
      },
    }),
    defineRoute({
      method: 'delete',
      path: ONE,
      summary: 'Remove an admin: their sessions end at once',
      tag: 'admins',
      auth: 'admin',
      permission: 'admins.manage',
      audit: { action: 'admins.remove', target: 'admin' },
      responses: {
        200: { description: 'Removed: the admin as they were', schema: adminAccountSchema },
        404: notFound,
        409: lastOwner,
      },
      handler: async (c, { params }) => {
        const removed = await removeAdmin(deps, params.id);
        c.set('audit', {
          target: { type: 'admin', id: removed.id, label: removed.email },
          change: { email: removed.email, role: removed.role },
        });
        return c.json(removed);
      },
    }),
  ];
}
