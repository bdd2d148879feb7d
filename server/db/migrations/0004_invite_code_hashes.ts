/**
 * Invite codes stored hashed: each invite gets an id, the SHA-256 of its normalised code and a
 * hint (the code's first group), and the code itself is dropped. Advocates name the invite they
 * joined with by its id (`invite_id`, was `invite_code`). One way only: the codes are gone.
 */
import type { Kysely } from 'kysely';
import { hashInviteCode, inviteHint } from '../../crypto';

interface OldInvite {
  code: string;
  created_by: string | null;
  max_uses: number | null;
  uses: number;
  expires_at: number | string | null;
  revoked_at: number | string | null;
  created_at: number | string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // A new table: SQLite cannot change a primary key in place.
  await db.schema
    .createTable('invites_hashed')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hint', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('invites_code_hash_unique', ['code_hash'])
    .execute();
  await db.schema.alterTable('advocates').addColumn('invite_id', 'varchar(32)').execute();

  const invites = (await db
    .selectFrom('invites' as never)
    .selectAll()
    .execute()) as unknown as OldInvite[];
  for (const invite of invites) {
    // Derived from the hash (already stored, so it tells nothing more): the same database always
    // migrates to the same ids.
    const id = `inv${hashInviteCode(invite.code).slice(0, 11)}`;
    await db
      .insertInto('invites_hashed' as never)
      .values({
        id,
        code_hash: hashInviteCode(invite.code),
        hint: inviteHint(invite.code),
        created_by: invite.created_by,
        max_uses: invite.max_uses,
        uses: invite.uses,
        expires_at: invite.expires_at,
        revoked_at: invite.revoked_at,
        created_at: invite.created_at,
      } as never)
      .execute();
    await db
      .updateTable('advocates' as never)
      .set({ invite_id: id } as never)
      .where('invite_code' as never, '=', invite.code as never)
      .execute();
  }

  await db.schema.alterTable('advocates').dropColumn('invite_code').execute();
  await db.schema.dropTable('invites').execute();
  await db.schema.alterTable('invites_hashed').renameTo('invites').execute();
}
