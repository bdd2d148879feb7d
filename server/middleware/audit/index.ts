/** Writes a successful admin change to the audit log (services/audit.ts), as its route declares (routes/define.ts RouteAudit). */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../../context';
import { recordAudit } from '../../services/audit';
import type { RouteAudit } from '../../routes/define';

const SECRET_KEYS = /^(password|token|secret|clientSecret|code)$/i;

/** The body as the change, without secrets. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : withoutSecrets(inner)]),
  );
}

export function auditRoute(deps: Deps, audit: RouteAudit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.error || c.res.status >= 400) return;
    const note = c.get('audit') ?? {};
    if (note.skip) return;
    const admin = c.get('admin');
    // Only an {id} path parameter names the target by default ({code} may be a secret).
    const pathId = c.req.param('id') ?? null;
    try {
      await recordAudit(
        deps.db,
        {
          actor: { type: 'admin', id: admin.id, label: admin.email },
          action: note.action ?? audit.action,
          target: note.target ?? (audit.target ? { type: audit.target, id: pathId } : null),
          change: note.change ?? withoutSecrets(c.get('auditInput') ?? {}),
          advocateId: note.advocateId ?? null,
        },
        deps.now(),
      );
    } catch (error) {
      // The change itself is made: say loudly that its record is missing rather than fail the request.
      console.error(`audit: could not record ${audit.action} by ${admin.id}:`, error);
    }
  };
}
