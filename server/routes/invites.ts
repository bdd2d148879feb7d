/**
 * Invites (admin) and enrolment (advocates redeem an invite code for their token). Codes are
 * stored hashed: the code is in the answer to creating an invite and nowhere after; lists show an
 * id and a hint (the code's first group). An invite lasts INVITE_DEFAULT_DAYS days unless made
 * with another `expiresAt`, or `expiresAt: null` (never expires).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  createdInviteSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  INVITE_DEFAULT_DAYS,
  inviteInputSchema,
  inviteSchema,
} from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { hashInviteCode, hashToken, newId, newToken, randomString } from '../crypto';
import { requireAdmin } from '../middleware/auth';
import { clientAddress } from '../middleware/client-address';
import { FailureLimits, RateLimiter, rateLimit } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { createInvite, findInvite, type InviteRow } from '../services/invites';
import { readJson } from '../validate';

const DAY_MS = 86_400_000;

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

export function inviteRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requireAdmin(deps));

  api.add({
    method: 'post',
    path: '/v1/admin/invites',
    summary: `Create an invite code (shown only in this answer; expires in ${INVITE_DEFAULT_DAYS} days unless expiresAt is given, never with expiresAt: null)`,
    tag: 'invites',
    auth: 'admin',
    body: inviteInputSchema,
    responses: {
      201: { description: 'Created; the only answer that holds the code', schema: createdInviteSchema },
      422: { description: 'Invalid body' },
    },
  });
  app.post('/', async (c) => {
    const input = await readJson(c, inviteInputSchema, { optional: true });
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
    return c.json({ ...toInvite(row), code }, 201);
  });

  api.add({
    method: 'get',
    path: '/v1/admin/invites',
    summary: 'List invites, newest first (an id and a hint each: codes are stored hashed)',
    tag: 'invites',
    auth: 'admin',
    responses: { 200: { description: 'Invites', schema: z.object({ items: z.array(inviteSchema) }) } },
  });
  app.get('/', async (c) => {
    const rows = await deps.db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    return c.json({ items: rows.map(toInvite) });
  });

  api.add({
    method: 'delete',
    path: '/v1/admin/invites/{code}',
    summary: 'Revoke an invite, named by its code or its id: it can no longer be redeemed',
    tag: 'invites',
    auth: 'admin',
    responses: { 200: { description: 'Revoked', schema: inviteSchema }, 404: { description: 'No such invite' } },
  });
  app.delete('/:code', async (c) => {
    const codeOrId = c.req.param('code');
    const found = await findInvite(deps.db, codeOrId);
    if (!found) throw new ProblemError(404, 'No invite with that code or id.', { type: 'not-found' });
    await deps.db
      .updateTable('invites')
      .set({ revoked_at: deps.now() })
      .where('id', '=', found.id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await deps.db.selectFrom('invites').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
    return c.json(toInvite(row));
  });

  return app;
}

export function enrollRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Failed enrolments (a code unknown, expired, revoked or used up) are limited per address; every
  // enrolment only by a generous ceiling, so a whole office behind one address can enrol at once.
  const failures = new FailureLimits([new RateLimiter(deps.config.rateLimits.enroll)]);
  const ceiling = new RateLimiter(deps.config.rateLimits.enrollTotal);
  const isRefusedCode = (error: unknown) =>
    error instanceof ProblemError && (error.status === 404 || error.status === 410);

  api.add({
    method: 'post',
    path: '/v1/enroll',
    summary: 'Redeem an invite code for an advocate token',
    tag: 'advocate',
    auth: 'none',
    body: enrollRequestSchema,
    responses: {
      201: { description: 'Enrolled', schema: enrollResponseSchema },
      404: { description: 'Unknown invite code (type …/invite-not-found)' },
      410: {
        description: 'Invite expired, revoked or used up (type …/invite-expired, …/invite-revoked, …/invite-used-up)',
      },
      422: { description: 'Invalid body' },
      429: { description: 'Too many failed attempts from this address', headers: ['Retry-After'] },
    },
  });
  app.post(
    '/',
    rateLimit(ceiling, (c) => clientAddress(c, deps.config.trustProxy)),
    async (c) => {
      const input = await readJson(c, enrollRequestSchema);
      const codeHash = hashInviteCode(input.code);
      const now = deps.now();
      const token = newToken('advocate');
      const advocate = { id: newId(), name: input.name };
      const address = clientAddress(c, deps.config.trustProxy);

      await failures.run(
        [address],
        () =>
          deps.db.transaction().execute(async (trx) => {
            const found = await trx
              .selectFrom('invites')
              .select('id')
              .where('code_hash', '=', codeHash)
              .executeTakeFirst();
            if (!found) {
              throw new ProblemError(404, 'That invite code is not recognised. Check it with your programme admin.', {
                type: 'invite-not-found',
                title: 'Unknown invite code',
              });
            }
            const claimed = await trx
              .updateTable('invites')
              .set((eb) => ({ uses: eb('uses', '+', 1) }))
              .where('id', '=', found.id)
              .where('revoked_at', 'is', null)
              .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
              .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
              .executeTakeFirst();
            if (Number(claimed.numUpdatedRows) === 0) {
              const invite = await trx
                .selectFrom('invites')
                .selectAll()
                .where('id', '=', found.id)
                .executeTakeFirstOrThrow();
              if (invite.revoked_at !== null) {
                throw new ProblemError(410, 'That invite was revoked. Ask your programme admin for a new one.', {
                  type: 'invite-revoked',
                  title: 'Invite revoked',
                });
              }
              if (invite.expires_at !== null && invite.expires_at <= now) {
                throw new ProblemError(410, 'That invite has expired. Ask your programme admin for a new one.', {
                  type: 'invite-expired',
                  title: 'Invite expired',
                });
              }
              throw new ProblemError(410, 'That invite has been used as many times as allowed. Ask for a new one.', {
                type: 'invite-used-up',
                title: 'Invite used up',
              });
            }
            await trx
              .insertInto('advocates')
              .values({
                id: advocate.id,
                name: advocate.name,
                ref: randomString(10),
                token_hash: hashToken(token),
                invite_id: found.id,
                created_at: now,
                last_sync_at: null,
              })
              .execute();
          }),
        isRefusedCode,
      );
      return c.json({ token, advocate }, 201);
    },
  );
  return app;
}
