/** "Teams and groups from your identity provider" (GET /v1/admin/groups): name (and the first members'), where it came from, how many members. */
import { Loaded } from '../../components/Loaded';
import { Table } from '../../components/Table';
import type { Group } from '../../types';

const NAMED = 3;

/** "Ada Lovelace, Grace Hopper and 40 more", or null for an empty group. */
function someMembers(group: Group): string | null {
  if (group.members.length === 0) return null;
  const names = group.members.slice(0, NAMED).map((member) => member.name);
  const rest = group.members.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
import { useFetched } from '../../use-fetched';

const SOURCE: Record<Group['source'], string> = {
  scim: 'Provisioning (SCIM)',
  idp: 'Sign-in (groups claim)',
  console: 'Relay console',
};

export function GroupsSection() {
  const loaded = useFetched<{ items: Group[] }>('/v1/admin/groups');
  const groups = loaded.data?.items ?? null;
  return (
    <section class="card form-section" aria-labelledby="provisioning-groups">
      <h2 id="provisioning-groups">Teams and groups from your identity provider</h2>
      <Loaded failure="Couldn't load the groups" loading="Loading groups…" from={loaded} ready={groups !== null}>
        {() =>
          groups?.length === 0 ? (
            <p class="muted">
              No groups yet. They appear when your identity provider sends groups by provisioning, or names them when
              people sign in with their work account.
            </p>
          ) : (
            <Table
              class="table--stack"
              caption="Teams and groups"
              columns={['Name', 'From', { label: 'Members', numeric: true }]}
            >
              {[...(groups ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((group) => (
                  <tr key={group.id}>
                    <th scope="row">
                      {group.name}
                      {someMembers(group) && (
                        <span class="muted small group-members">
                          <span class="visually-hidden">: </span>
                          {someMembers(group)}
                        </span>
                      )}
                    </th>
                    <td data-label="From">{SOURCE[group.source] ?? group.source}</td>
                    <td data-label="Members" class="numeric">
                      {group.members.length}
                    </td>
                  </tr>
                ))}
            </Table>
          )
        }
      </Loaded>
    </section>
  );
}
