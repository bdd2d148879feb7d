/** One group on the Groups screen: a console group renamed, deleted and its members added (by searching advocates) or removed; an IdP or SCIM group shown read-only. */
import { useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { NoticeLine, type Notice } from '../../components/ui';
import type { Group } from '../../types';
import { GROUP_SOURCE } from './Groups';

interface Person {
  id: string;
  name: string;
  email?: string | null;
}

export function GroupCard({
  group,
  advocates,
  onChange,
}: {
  group: Group;
  advocates: Person[];
  onChange: (group: Group | null) => void;
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const [search, setSearch] = useState('');
  const [name, setName] = useState(group.name);
  const editable = group.source === 'console';
  const headingId = `group-${group.id}`;

  async function run(action: () => Promise<void>, failure: string) {
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setNotice({ kind: 'error', text: `${failure}: ${describeError(error)}` });
    }
  }

  const setMembers = (members: Person[]) =>
    run(async () => {
      await api.put(`/v1/admin/groups/${encodeURIComponent(group.id)}/members`, {
        advocateIds: members.map((member) => member.id),
      });
      onChange({ ...group, members: members.map(({ id, name: memberName }) => ({ id, name: memberName })) });
    }, "Couldn't change the members");

  const memberIds = new Set(group.members.map((member) => member.id));
  const term = search.trim().toLowerCase();
  const found = term
    ? advocates
        .filter((person) => !memberIds.has(person.id))
        .filter((person) => `${person.name} ${person.email ?? ''}`.toLowerCase().includes(term))
        .slice(0, 6)
    : [];

  return (
    <section class="card form-section group-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {group.name} <span class="muted small">· {GROUP_SOURCE[group.source] ?? group.source}</span>
      </h2>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {!editable && <p class="muted">Kept by your identity provider: change its members there.</p>}
      <p>
        {group.members.length === 0
          ? 'No members.'
          : `${group.members.length} member${group.members.length === 1 ? '' : 's'}:`}
      </p>
      {group.members.length > 0 && (
        <ul class="group-members-list">
          {group.members.map((member) => (
            <li key={member.id}>
              {member.name}
              {editable && (
                <button
                  type="button"
                  class="button button--small button--quiet"
                  aria-label={`Remove ${member.name} from ${group.name}`}
                  onClick={() => void setMembers(group.members.filter((other) => other.id !== member.id))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <div class="field">
            <label class="field__label" for={`${headingId}-search`}>
              Add advocates
            </label>
            <input
              id={`${headingId}-search`}
              type="search"
              placeholder="Search by name or email"
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          </div>
          {found.length > 0 && (
            <ul class="group-members-list">
              {found.map((person) => (
                <li key={person.id}>
                  {person.name}
                  <button
                    type="button"
                    class="button button--small"
                    onClick={() => void setMembers([...group.members, person]).then(() => setSearch(''))}
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="button-row">
            <label class="visually-hidden" for={`${headingId}-name`}>
              New name for {group.name}
            </label>
            <input
              id={`${headingId}-name`}
              value={name}
              maxLength={100}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <button
              type="button"
              class="button button--small"
              disabled={!name.trim() || name.trim() === group.name}
              onClick={() =>
                void run(async () => {
                  const renamed = await api.patch<{ name: string }>(
                    `/v1/admin/groups/${encodeURIComponent(group.id)}`,
                    {
                      name: name.trim(),
                    },
                  );
                  onChange({ ...group, name: renamed.name });
                }, "Couldn't rename the group")
              }
            >
              Rename
            </button>
            <button
              type="button"
              class="button button--small button--danger"
              onClick={() =>
                void run(async () => {
                  await api.delete(`/v1/admin/groups/${encodeURIComponent(group.id)}`);
                  onChange(null);
                }, "Couldn't delete the group")
              }
            >
              Delete group
            </button>
          </div>
        </>
      )}
    </section>
  );
}
