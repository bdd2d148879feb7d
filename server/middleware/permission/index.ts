/** Refuses an admin whose role lacks a route's permission (lib/roles.ts): 403 `…/forbidden-role`, naming what is missing. */
import type { MiddlewareHandler } from 'hono';
import { can, ROLE_LABELS, type Permission } from '../../../lib/roles';
import type { AppEnv } from '../../context';
import { ProblemError } from '../../problem';

/** `permission` undefined: owners only (a route that forgot to declare one fails closed). */
export function requirePermission(permission: Permission | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('admin');
    const allowed = permission ? can(role, permission) : role === 'owner';
    if (!allowed) {
      throw new ProblemError(
        403,
        `${ROLE_LABELS[role]}s cannot do this: it needs ${permission ? `the ${permission} permission` : 'an owner'}.`,
        {
          type: 'forbidden-role',
          title: 'Not allowed for this role',
          extensions: { role, needs: permission ?? 'owner' },
        },
      );
    }
    await next();
  };
}
