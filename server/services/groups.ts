/** Console groups: made, renamed, deleted and filled in the console (SCIM and IdP groups are kept by the identity provider), and the audience picker's options. */
import { sql, type Transaction } from 'kysely';
import type { AudienceOptions } from '../../lib/audience-schemas';
import type { AdminGroup } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { newId } from '../crypto';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';
import { readAudiences } from './audiences';
import { nextSeq } from './changes-counter';

type GroupRow = { id: string; display_name: string; source: string };

export async function findGroup(deps: Pick<Deps, 'db'>, id: string): Promise<GroupRow> {
  const row = await deps.db
    .selectFrom('groups')
    .select(['id', 'display_name', 'source'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ProblemError(404, `No group with id ${id}.`, { type: 'not-found' });
  return row;
}

/** SCIM and IdP groups change only at the identity provider. */
export function consoleOnly(group: GroupRow): void {
  if (group.source === 'console') return;
  const where = group.source === 'scim' ? 'SCIM provisioning' : 'the groups claim of its sign-ins';
  throw new ProblemError(
    409,
    `The group "${group.display_name}" is kept by your identity provider (${where}): change it there.`,
    {
      type: 'group-managed-by-idp',
    },
  );
}

/** 409 when another group (any source) has this name, case-insensitively. */
async function nameFree(deps: Pick<Deps, 'db'>, name: string, except?: string): Promise<void> {
  let query = deps.db
    .selectFrom('groups')
    .select(['id', 'source'])
    .where(sql<string>`lower(display_name)`, '=', name.toLowerCase());
  if (except) query = query.where('id', '!=', except);
  const taken = await query.executeTakeFirst();
  if (taken) {
    throw new ProblemError(409, `A group named "${name}" already exists (${taken.source}).`, {
      type: 'group-name-taken',
    });
  }
}

export async function createGroup(deps: Pick<Deps, 'db' | 'now'>, name: string): Promise<{ id: string; name: string }> {
  await nameFree(deps, name);
  const now = deps.now();
  const id = newId();
  await deps.db
    .insertInto('groups')
    .values({ id, display_name: name, external_id: null, source: 'console', created_at: now, updated_at: now })
    .execute();
  return { id, name };
}

export async function renameGroup(deps: Pick<Deps, 'db' | 'now'>, id: string, name: string): Promise<GroupRow> {
  const group = await findGroup(deps, id);
  consoleOnly(group);
  await nameFree(deps, name, id);
  await deps.db
    .updateTable('groups')
    .set({ display_name: name, updated_at: deps.now() })
    .where('id', '=', id)
    .execute();
  return { ...group, display_name: name };
}

/** The posts (any status) whose audiences name this group. */
export async function postsTargeting(
  deps: Pick<Deps, 'db'>,
  groupId: string,
): Promise<{ id: string; title: string }[]> {
  const rows = await deps.db
    .selectFrom('content')
    .select(['id', 'title', 'audiences'])
    .where('audiences', 'like', `%${JSON.stringify(groupId)}%`)
    .execute();
  return rows
    .filter((row) => (JSON.parse(row.audiences) as string[]).includes(groupId))
    .map(({ id, title }) => ({ id, title }));
}

/** Deletes a console group; refused (409 group-in-use, listing them) while a post names it. */
export async function deleteGroup(deps: Pick<Deps, 'db' | 'changes'>, id: string): Promise<GroupRow> {
  const group = await findGroup(deps, id);
  consoleOnly(group);
  const posts = await postsTargeting(deps, id);
  if (posts.length > 0) {
    throw new ProblemError(
      409,
      `Posts are for this group: ${posts.map((post) => `"${post.title}"`).join(', ')}. Change their audiences first.`,
      { type: 'group-in-use', errors: posts.map((post) => ({ path: `content.${post.id}`, message: post.title })) },
    );
  }
  await announce(deps, async (trx) => {
    await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
    await trx.deleteFrom('groups').where('id', '=', id).execute();
  });
  return group;
}

/** Makes a console group's members exactly `advocateIds`; 422 naming ids that are no advocate. */
export async function setGroupMembers(
  deps: Pick<Deps, 'db' | 'changes' | 'now'>,
  id: string,
  advocateIds: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const group = await findGroup(deps, id);
  consoleOnly(group);
  const wanted = [...new Set(advocateIds)];
  const known = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await deps.db
      .selectFrom('advocates')
      .select('id')
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) known.add(row.id);
  }
  const unknown = wanted.filter((advocateId) => !known.has(advocateId));
  if (unknown.length > 0) {
    throw new ProblemError(422, `No advocates with these ids: ${unknown.join(', ')}.`, {
      type: 'validation',
      errors: unknown.map((advocateId) => ({
        path: `advocateIds.${advocateIds.indexOf(advocateId)}`,
        message: `no advocate with id ${advocateId}`,
      })),
    });
  }
  const current = await deps.db.selectFrom('group_members').select('advocate_id').where('group_id', '=', id).execute();
  const have = new Set(current.map((row) => row.advocate_id));
  const added = wanted.filter((advocateId) => !have.has(advocateId));
  const removed = [...have].filter((advocateId) => !known.has(advocateId) || !wanted.includes(advocateId));
  if (added.length === 0 && removed.length === 0) return { added, removed };
  await announce(deps, async (trx) => {
    for (let i = 0; i < removed.length; i += 500) {
      await trx
        .deleteFrom('group_members')
        .where('group_id', '=', id)
        .where('advocate_id', 'in', removed.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < added.length; i += 500) {
      await trx
        .insertInto('group_members')
        .values(added.slice(i, i + 500).map((advocateId) => ({ group_id: id, advocate_id: advocateId })))
        .onConflict((oc) => oc.columns(['group_id', 'advocate_id']).doNothing())
        .execute();
    }
    await trx.updateTable('groups').set({ updated_at: deps.now() }).where('id', '=', id).execute();
  });
  return { added, removed };
}

/**
 * Runs a change to who is in which audience with a fresh change number, then announces it: the
 * stream nudges connected extensions to sync (their ETag already moved with their audience).
 */
export async function announce(
  deps: Pick<Deps, 'db' | 'changes'>,
  write: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  const seq = await deps.db.transaction().execute(async (trx) => {
    await write(trx);
    return nextSeq(trx);
  });
  deps.changes.changed(seq);
}

/** What the console's audience picker offers: every group with its member count, and the regions and languages advocates have. */
export async function audienceOptions(deps: Pick<Deps, 'db'>, groups: AdminGroup[]): Promise<AudienceOptions> {
  const people = await readAudiences(deps.db);
  const regions = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const facts of people.values()) {
    if (facts.region) regions.set(facts.region, (regions.get(facts.region) ?? 0) + 1);
    if (facts.language) languages.set(facts.language, (languages.get(facts.language) ?? 0) + 1);
  }
  const counted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    everyone: people.size,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      source: group.source,
      members: group.members.filter((member) => people.has(member.id)).length,
    })),
    regions: counted(regions).map(([code, advocates]) => ({ code, advocates })),
    languages: counted(languages).map(([tag, advocates]) => ({ tag, advocates })),
  };
}
