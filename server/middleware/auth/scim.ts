/** SCIM provisioning tokens: good on /scim/v2 and nowhere else, and nothing else is good there. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../../context';
import { hashToken, tokenKind } from '../../crypto';
import { ProblemError } from '../../problem';
import { ScimProblem } from '../../scim/errors';
import { findScimToken, touchScimToken } from '../../scim/tokens';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="relay-scim"' };

function refused(detail: string): ScimProblem {
  return new ScimProblem(401, detail, undefined, CHALLENGE);
}

/** For admin and advocate auth: the 401 for a SCIM token, whether or not it is a working one. */
export function scimTokenRefused(token: string): ProblemError | undefined {
  if (tokenKind(token) !== 'scim') return undefined;
  return new ProblemError(
    401,
    'This is a SCIM provisioning token: it works only for the identity provider’s /scim/v2 endpoints, not for this one.',
    { type: 'unauthorized', headers: { 'www-authenticate': 'Bearer realm="relay"' } },
  );
}

export function requireScim(deps: Pick<Deps, 'db' | 'now'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (token === undefined) {
      throw refused(
        header === undefined
          ? 'Send the SCIM token as "Authorization: Bearer <token>" (an admin creates one in the console, under Provisioning).'
          : 'The Authorization header must be "Bearer <SCIM token>".',
      );
    }
    const kind = tokenKind(token);
    if (kind === 'admin' || kind === 'advocate') {
      throw refused(
        `An ${kind === 'admin' ? 'admin session' : 'advocate'} token does not work for SCIM: use a SCIM token (an admin creates one in the console, under Provisioning).`,
      );
    }
    const row = kind === 'scim' ? await findScimToken(deps.db, hashToken(token)) : undefined;
    if (!row) throw refused('This SCIM token is not valid, or it was revoked. Create a new one in the console.');
    await touchScimToken(deps.db, row, deps.now());
    c.set('scimToken', { id: row.id });
    await next();
  };
}
