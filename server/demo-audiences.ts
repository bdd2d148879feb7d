/** The demo's audiences: two console groups ("Sales DE", "Engineering") and regions for its people (a demo post for one would change what the demo's tests sync). */
import type { Deps } from './context';
import { DEMO_PEOPLE, demoAdvocateId } from './demo-people';

export const DEMO_GROUPS = [
  { id: 'demo-group-sales-de', name: 'Sales DE' },
  { id: 'demo-group-engineering', name: 'Engineering' },
] as const;

/** Who works where: alternately Germany and the United Kingdom. */
export const demoRegion = (index: number): string => (index % 2 === 0 ? 'DE' : 'GB');

/**
 * Makes the groups when missing and, on the start that made the demo's advocates, gives them their
 * regions and memberships. Returns what it made.
 */
export async function seedDemoAudiences(deps: Pick<Deps, 'db' | 'now'>): Promise<string[]> {
  const { db } = deps;
  const now = deps.now();
  const present = new Set(
    (
      await db
        .selectFrom('groups')
        .select('id')
        .where(
          'id',
          'in',
          DEMO_GROUPS.map((group) => group.id),
        )
        .execute()
    ).map((row) => row.id),
  );
  const missing = DEMO_GROUPS.filter((group) => !present.has(group.id));
  if (missing.length === 0) return [];
  await db
    .insertInto('groups')
    .values(
      missing.map((group) => ({
        id: group.id,
        display_name: group.name,
        external_id: null,
        source: 'console',
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const people = DEMO_PEOPLE.map((person, index) => ({ id: demoAdvocateId(index), person, region: demoRegion(index) }));
  const existing = new Set(
    (
      await db
        .selectFrom('advocates')
        .select('id')
        .where(
          'id',
          'in',
          people.map((p) => p.id),
        )
        .execute()
    ).map((row) => row.id),
  );
  const members: { group_id: string; advocate_id: string }[] = [];
  for (const { id, person, region } of people) {
    if (!existing.has(id)) continue;
    await db.updateTable('advocates').set({ region }).where('id', '=', id).where('region', 'is', null).execute();
    if (person.team === 'Sales' && region === 'DE') members.push({ group_id: 'demo-group-sales-de', advocate_id: id });
    if (person.team === 'Engineering') members.push({ group_id: 'demo-group-engineering', advocate_id: id });
  }
  const made = new Set<string>(missing.map((group) => group.id));
  const adding = members.filter((member) => made.has(member.group_id));
  if (adding.length > 0) {
    await db
      .insertInto('group_members')
      .values(adding)
      .onConflict((oc) => oc.columns(['group_id', 'advocate_id']).doNothing())
      .execute();
  }
  return missing.map((group) => group.id);
}
