/**
 * Linking an admin by email when another sign-in links them first: the row is read unlinked, then
 * (between the read and the update, made to happen there deterministically by running a write
 * just before the update) another subject takes it. The sign-in is refused, not handed that admin.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin } from '../../server/admins';
import type { Database } from '../../server/db/schema';
import { signInAdmin } from '../../server/sso/admins';
import type { Identity } from '../../server/sso/claims';
import { SsoRefusal } from '../../server/sso/refusals';
import { startTestServer, type TestServer } from '../helpers/server';

const EXECUTE = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow']);

/** A query builder whose execution first awaits `before` (the builders it returns too). */
function delayed<T extends object>(builder: T, before: () => Promise<void>): T {
  return new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (EXECUTE.has(String(property))) {
        return async (...args: unknown[]) => {
          await before();
          return method.apply(target, args);
        };
      }
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        return result !== null && typeof result === 'object' && 'execute' in result ? delayed(result, before) : result;
      };
    },
  });
}

/** `db`, except that each UPDATE first runs `before` (on the real database). */
function updatesAfter(db: Kysely<Database>, before: () => Promise<void>): Kysely<Database> {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'updateTable') {
        return (...args: Parameters<Kysely<Database>['updateTable']>) =>
          delayed(target.updateTable(...args) as object, before);
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function identity(subject: string, email: string): Identity {
  return { subject, email, emailVerified: true, groups: ['relay-admins'], name: 'Someone' };
}

describe('linking an admin by email while another sign-in links them', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const linkTo = (email: string, subject: string) => async () => {
    await server.deps.db.updateTable('admins').set({ subject }).where('email', '=', email).execute();
  };
  const subjectOf = async (email: string) =>
    (await server.deps.db.selectFrom('admins').select('subject').where('email', '=', email).executeTakeFirstOrThrow())
      .subject;

  it('refuses (failed) when another subject took the admin between the read and the update', async () => {
    await addAdmin(server.deps.db, 'raced@example.com', 'raced password 123');
    const db = updatesAfter(server.deps.db, linkTo('raced@example.com', 'u-first'));
    const signingIn = signInAdmin(
      { db },
      identity('u-second', 'raced@example.com'),
      { adminGroup: 'relay-admins' },
      server.clock.now,
    );
    await expect(signingIn).rejects.toBeInstanceOf(SsoRefusal);
    await expect(signingIn).rejects.toMatchObject({ type: 'failed' });
    expect(await subjectOf('raced@example.com')).toBe('u-first');
  });

  it('lets the same person in when their own other sign-in linked the admin first', async () => {
    const admin = await addAdmin(server.deps.db, 'twice@example.com', 'twice password 123');
    const db = updatesAfter(server.deps.db, linkTo('twice@example.com', 'u-twice'));
    const signedIn = await signInAdmin(
      { db },
      identity('u-twice', 'twice@example.com'),
      { adminGroup: 'relay-admins' },
      server.clock.now,
    );
    expect(signedIn).toEqual({ id: admin.id, email: admin.email });
    expect(await subjectOf('twice@example.com')).toBe('u-twice');
  });
});
