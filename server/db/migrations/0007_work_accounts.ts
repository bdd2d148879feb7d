/**
 * Work accounts: advocates reached from several browsers (one token per browser, in
 * advocate_tokens), identities from the company's identity provider (OpenID Connect subject,
 * email) and its provisioning (SCIM ids, groups), SCIM bearer tokens, and the short-lived state of
 * sign-ins under way (sso_logins) and their one-time codes (sso_codes), and the identities whose
 * access the company ended (ended_identities), so signing in again does not undo it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('advocate_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    // 'invite' (enrolled with a code) or 'sso' (signed in with the identity provider).
    .addColumn('via', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('advocate_tokens_advocate').on('advocate_tokens').column('advocate_id').execute();
  // Every working token moves to advocate_tokens. advocates.token_hash stays (SQLite cannot drop a
  // unique column) holding 'none:<id>', which no token hashes to; nothing reads it any more.
  await sql`insert into advocate_tokens (token_hash, advocate_id, via, created_at, used_at)
    select token_hash, id, 'invite', created_at, token_used_at from advocates
    where access_ended is null and token_hash not like 'revoked:%'`.execute(db);
  await sql`update advocates set token_hash = 'none:' || id`.execute(db);
  await db.schema.alterTable('advocates').dropColumn('token_used_at').execute();

  // The identity provider's subject (OpenID Connect `sub`), unique; null for invite-code advocates.
  await db.schema.alterTable('advocates').addColumn('subject', 'varchar(255)').execute();
  await db.schema.createIndex('advocates_subject').on('advocates').column('subject').unique().execute();
  await db.schema.alterTable('advocates').addColumn('email', 'varchar(254)').execute();
  // Emails and userNames are looked up case-insensitively, by lower(): the indexes are on that.
  await db.schema
    .createIndex('advocates_email')
    .on('advocates')
    .expression(sql`lower(email)`)
    .execute();
  // SCIM: the provisioning client's own id for the person, their userName, and whether SCIM made them.
  await db.schema.alterTable('advocates').addColumn('external_id', 'varchar(255)').execute();
  await db.schema.alterTable('advocates').addColumn('user_name', 'varchar(254)').execute();
  await db.schema
    .createIndex('advocates_user_name')
    .on('advocates')
    .expression(sql`lower(user_name)`)
    .execute();
  await db.schema.alterTable('advocates').addColumn('provisioned_at', 'bigint').execute();

  await db.schema.alterTable('admins').addColumn('subject', 'varchar(255)').execute();
  await db.schema.createIndex('admins_subject').on('admins').column('subject').unique().execute();
  await db.schema.alterTable('admins').addColumn('name', 'varchar(120)').execute();

  // A sign-in under way: keyed by the hash of its `state`; PKCE verifier and nonce kept server-side.
  await db.schema
    .createTable('sso_logins')
    .addColumn('state_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('nonce', 'varchar(128)', (c) => c.notNull())
    .addColumn('verifier', 'varchar(128)', (c) => c.notNull())
    // 'console' or 'extension'.
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    // Where the answer goes: the extension's redirect URL, or a console path.
    .addColumn('return_to', 'varchar(500)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_logins_expires').on('sso_logins').column('expires_at').execute();

  // One-time codes handed to the extension's redirect: single use, about a minute.
  await db.schema
    .createTable('sso_codes')
    .addColumn('code_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    // The redirect URL it was sent to: the exchange must come from the same extension.
    .addColumn('return_to', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_codes_expires').on('sso_codes').column('expires_at').execute();

  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('hint', 'varchar(16)', (c) => c.notNull())
    .addColumn('label', 'varchar(80)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('display_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('external_id', 'varchar(255)')
    // 'scim' (provisioned), 'idp' (seen in a sign-in's groups claim) or 'console'.
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One group per name and source: two first sign-ins naming a new group at once make one 'idp' group.
  await db.schema
    .createIndex('groups_source_display_name')
    .on('groups')
    .columns(['source', 'display_name'])
    .unique()
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'varchar(32)', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'advocate_id'])
    .execute();
  await db.schema.createIndex('group_members_advocate').on('group_members').column('advocate_id').execute();

  // An advocate erased, or forgotten by a SCIM DELETE, loses their subject: the SHA-256 of that
  // subject (never the subject) stays here, and a sign-in with it is refused (access-removed)
  // until the company provisions the person again.
  await db.schema
    .createTable('ended_identities')
    .addColumn('subject_hash', 'varchar(64)', (c) => c.primaryKey())
    // 'erased' or 'deprovisioned'.
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('ended_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ended_identities').ifExists().execute();
  await db.schema.dropTable('group_members').ifExists().execute();
  await db.schema.dropTable('groups').ifExists().execute();
  await db.schema.dropTable('scim_tokens').ifExists().execute();
  await db.schema.dropTable('sso_codes').ifExists().execute();
  await db.schema.dropTable('sso_logins').ifExists().execute();
  await db.schema.dropIndex('admins_subject').ifExists().execute();
  await db.schema.alterTable('admins').dropColumn('name').execute();
  await db.schema.alterTable('admins').dropColumn('subject').execute();
  for (const index of ['advocates_user_name', 'advocates_email', 'advocates_subject']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  for (const column of ['provisioned_at', 'user_name', 'external_id', 'email', 'subject']) {
    await db.schema.alterTable('advocates').dropColumn(column).execute();
  }
  await db.schema.alterTable('advocates').addColumn('token_used_at', 'bigint').execute();
  // Each advocate gets back their most recently used token.
  await sql`update advocates set
    token_hash = coalesce((select t.token_hash from advocate_tokens t where t.advocate_id = advocates.id
      order by coalesce(t.used_at, t.created_at) desc limit 1), 'revoked:' || id),
    token_used_at = (select max(coalesce(t.used_at, t.created_at)) from advocate_tokens t where t.advocate_id = advocates.id)`.execute(
    db,
  );
  await db.schema.dropTable('advocate_tokens').ifExists().execute();
}
