/**
 * Invites (admin) and enrolment (advocates redeem an invite code for their token). Codes are
 * stored hashed: the code is in the answer to creating an invite and nowhere after; lists show an
 * id and a hint (the code's first group). An invite lasts INVITE_DEFAULT_DAYS days unless made
 * with another `expiresAt`, or `expiresAt: null` (never expires).
 */
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  createdInviteSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  INVITE_DEFAULT_DAYS,
  inviteInputSchema,
  inviteSchema,
} from '../../lib/schemas';
import type { Deps } from '../context';
import { clientAddress } from '../middleware/client-address';
import { FailureLimits, RateLimiter } from '../middleware/rate-limit';
import { ProblemError } from '../problem';
import { redeemInvite } from '../services/enrollment';
import { createInvite, findInvite, listInvites, revokeInvite, type InviteRow } from '../services/invites';
import { defineRoute, type Route } from './define';

const DAY_MS = 86_400_000;

/** RELAY_INVITES=off: advocates enrol with their work account only; no invite is made or redeemed. */
function invitesOn(deps: Deps, detail: string): MiddlewareHandler {
  return async (_c, next) => {
    if (!deps.config.invites) throw new ProblemError(403, detail, { type: 'invites-off', title: 'Invite codes off' });
    await next();
  };
}

const INVITES_OFF = 'RELAY_INVITES=off, type …/invites-off';

function toInvite(row: InviteRow): z.infer<typeof inviteSchema> {
  return {
    id: row.id,
    hint: row.hint,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
    maxUses: row.max_uses,
    uses: row.uses,
    revoked: row.revoked_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function inviteRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/invites',
      summary: `Create an invite code (shown only in this answer; expires in ${INVITE_DEFAULT_DAYS} days unless expiresAt is given, never with expiresAt: null)`,
      tag: 'invites',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'invites.create', target: 'invite' },
      body: inviteInputSchema,
      optionalBody: true,
      middleware: [
        invitesOn(
          deps,
          'Invite codes are switched off on this server (RELAY_INVITES=off): advocates sign in with their work account.',
        ),
      ],
      responses: {
        201: { description: 'Created; the only answer that holds the code', schema: createdInviteSchema },
        403: { description: `Invite codes are switched off on this server (${INVITES_OFF})` },
        422: { description: 'Invalid body' },
      },
      handler: async (c, { body: input }) => {
        const now = deps.now();
        const expiresAt =
          input.expiresAt === undefined
            ? now + INVITE_DEFAULT_DAYS * DAY_MS
            : input.expiresAt === null
              ? null
              : Date.parse(input.expiresAt);
        if (expiresAt !== null && expiresAt <= now) {
          throw new ProblemError(422, 'expiresAt must be in the future.', {
            type: 'validation',
            errors: [{ path: 'expiresAt', message: 'must be in the future' }],
          });
        }
        const { row, code } = await createInvite(deps.db, {
          createdBy: c.get('admin').id,
          maxUses: input.maxUses ?? null,
          expiresAt,
          now,
        });
        c.header('cache-control', 'no-store');
        const invite = toInvite(row);
        // Never the code: the invite by its id and hint.
        c.set('audit', {
          target: { type: 'invite', id: invite.id },
          change: { hint: invite.hint, maxUses: invite.maxUses, expiresAt: invite.expiresAt },
        });
        return c.json({ ...invite, code }, 201);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/invites',
      summary: 'List invites, newest first (an id and a hint each: codes are stored hashed)',
      tag: 'invites',
      auth: 'admin',
      permission: 'people.manage',
      responses: { 200: { description: 'Invites', schema: z.object({ items: z.array(inviteSchema) }) } },
      handler: async (c) => c.json({ items: (await listInvites(deps.db)).map(toInvite) }),
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/admin/invites/{code}',
      summary: 'Revoke an invite, named by its code or its id: it can no longer be redeemed',
      tag: 'invites',
      auth: 'admin',
      permission: 'people.manage',
      audit: { action: 'invites.revoke', target: 'invite' },
      responses: { 200: { description: 'Revoked', schema: inviteSchema }, 404: { description: 'No such invite' } },
      handler: async (c, { params }) => {
        const found = await findInvite(deps.db, params.code);
        if (!found) throw new ProblemError(404, 'No invite with that code or id.', { type: 'not-found' });
        // The code is a secret: the entry names the invite by its id.
        c.set('audit', { target: { type: 'invite', id: found.id } });
        return c.json(toInvite(await revokeInvite(deps.db, found.id, deps.now())));
      },
    }),
  ];
}

export function enrollRoutes(deps: Deps): Route[] {
  // Failed enrolments (a code unknown, expired, revoked or used up) are limited per address; every
  // enrolment only by a generous ceiling (the declared rate limit), so a whole office behind one
  // address can enrol at once.
  const failures = new FailureLimits([new RateLimiter({ ...deps.config.rateLimits.enroll, now: deps.now })]);
  const isRefusedCode = (error: unknown) =>
    error instanceof ProblemError && (error.status === 404 || error.status === 410);

  return [
    defineRoute({
      method: 'post',
      path: '/v1/enroll',
      summary: 'Redeem an invite code for an advocate token',
      tag: 'advocate',
      auth: 'none',
      caller: 'extension',
      rateLimit: { limit: 'enrollTotal', per: 'address' },
      body: enrollRequestSchema,
      middleware: [
        invitesOn(
          deps,
          'This Relay server does not take invite codes: sign in with your work account, or ask your IT team.',
        ),
      ],
      responses: {
        201: { description: 'Enrolled', schema: enrollResponseSchema },
        403: { description: `Invite codes are switched off on this server (${INVITES_OFF})` },
        404: { description: 'Unknown invite code (type …/invite-not-found)' },
        410: {
          description: 'Invite expired, revoked or used up (type …/invite-expired, …/invite-revoked, …/invite-used-up)',
        },
        422: { description: 'Invalid body' },
        429: { description: 'Too many failed attempts from this address', headers: ['Retry-After'] },
      },
      handler: async (c, { body }) => {
        const address = clientAddress(c, deps.config.trustProxy);
        const enrolled = await failures.run([address], () => redeemInvite(deps.db, body, deps.now()), isRefusedCode);
        return c.json(enrolled, 201);
      },
    }),
  ];
}
