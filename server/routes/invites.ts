/** Invites (admin) and enrolment (advocates redeem an invite code for their token). */
import { Hono } from 'hono';
import { z } from 'zod';
import { enrollRequestSchema, enrollResponseSchema, inviteInputSchema, inviteSchema } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { hashToken, newId, newToken, normalizeInviteCode, randomString } from '../crypto';
import { clientAddress, requireAdmin } from '../middleware/auth';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { createInvite } from '../services/invites';
import { readJson } from '../validate';
import type { InvitesTable } from '../db/schema';
import type { Selectable } from 'kysely';

function toInvite(row: Selectable<InvitesTable>): z.infer<typeof inviteSchema> {
  return {
    code: row.code,
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
    summary: 'Create an invite code',
    tag: 'invites',
    auth: 'admin',
    body: inviteInputSchema,
    responses: {
      201: { description: 'Created', schema: inviteSchema },
      422: { description: 'Invalid body' },
    },
  });
  app.post('/', async (c) => {
    const input = await readJson(c, inviteInputSchema, { optional: true });
    const now = deps.now();
    const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= now) {
      throw new ProblemError(422, 'expiresAt must be in the future.', {
        type: 'validation',
        errors: [{ path: 'expiresAt', message: 'must be in the future' }],
      });
    }
    const row = await createInvite(deps.db, {
      createdBy: c.get('admin').id,
      maxUses: input.maxUses ?? null,
      expiresAt,
      now,
    });
    return c.json(toInvite(row), 201);
  });

  api.add({
    method: 'get',
    path: '/v1/admin/invites',
    summary: 'List invites, newest first',
    tag: 'invites',
    auth: 'admin',
    responses: { 200: { description: 'Invites', schema: z.object({ items: z.array(inviteSchema) }) } },
  });
  app.get('/', async (c) => {
    const rows = await deps.db.selectFrom('invites').selectAll().orderBy('created_at', 'desc').execute();
    return c.json({ items: rows.map(toInvite) });
  });

  api.add({
    method: 'delete',
    path: '/v1/admin/invites/{code}',
    summary: 'Revoke an invite: it can no longer be redeemed',
    tag: 'invites',
    auth: 'admin',
    responses: { 200: { description: 'Revoked', schema: inviteSchema }, 404: { description: 'No such invite' } },
  });
  app.delete('/:code', async (c) => {
    const code = normalizeInviteCode(c.req.param('code'));
    await deps.db
      .updateTable('invites')
      .set({ revoked_at: deps.now() })
      .where('code', '=', code)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await deps.db.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new ProblemError(404, `No invite with code ${code}.`, { type: 'not-found' });
    return c.json(toInvite(row));
  });

  return app;
}

export function enrollRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(deps.config.rateLimits.enroll);

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
      429: { description: 'Too many attempts', headers: ['Retry-After'] },
    },
  });
  app.post(
    '/',
    rateLimit(limiter, (c) => clientAddress(c, deps.config.trustProxy)),
    async (c) => {
      const input = await readJson(c, enrollRequestSchema);
      const code = normalizeInviteCode(input.code);
      const now = deps.now();
      const token = newToken('advocate');
      const advocate = { id: newId(), name: input.name };

      await deps.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('invites')
          .set((eb) => ({ uses: eb('uses', '+', 1) }))
          .where('code', '=', code)
          .where('revoked_at', 'is', null)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
          .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) {
          const invite = await trx.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst();
          if (!invite) {
            throw new ProblemError(404, 'That invite code is not recognised. Check it with your programme admin.', {
              type: 'invite-not-found',
              title: 'Unknown invite code',
            });
          }
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
            invite_code: code,
            created_at: now,
            last_sync_at: null,
          })
          .execute();
      });
      return c.json({ token, advocate }, 201);
    },
  );
  return app;
}
