/**
 * Groups: the audiences posts can be for. Console groups are made, renamed, deleted and filled here
 * (members found by searching advocates); SCIM and IdP groups are listed read-only with their
 * source, since the identity provider keeps them.
 */
import { useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, PageHeader, type Notice } from '../../components/ui';
import type { Group } from '../../types';
import { useFetched } from '../../use-fetched';
import { GroupCard } from './GroupCard';

export const GROUP_SOURCE: Record<Group['source'], string> = {
  scim: 'Provisioning (SCIM)',
  idp: 'Sign-in (groups claim)',
  console: 'Relay console',
};

export function Groups() {
  const loaded = useFetched<{ items: Group[] }>('/v1/admin/groups');
  const advocates = useFetched<{ items: { id: string; name: string; email?: string | null }[] }>('/v1/admin/advocates');
  const groups = loaded.data?.items ?? null;
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: Event) {
    event.preventDefault();
    if (!name.trim()) return setNotice({ kind: 'error', text: 'Give the group a name.' });
    setBusy(true);
    try {
      const made = await api.post<{ id: string; name: string }>('/v1/admin/groups', { name: name.trim() });
      loaded.setData((body) => ({ items: [...(body?.items ?? []), { ...made, source: 'console', members: [] }] }));
      setName('');
      setNotice({ kind: 'success', text: `Group "${made.name}" created. Add its members below.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't create the group: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  const replace = (group: Group | null, id: string) =>
    loaded.setData((body) => ({
      items: (body?.items ?? []).flatMap((entry) => (entry.id === id ? (group ? [group] : []) : [entry])),
    }));

  return (
    <>
      <PageHeader title="Groups">
        <p>
          Posts can be for everyone or for groups, regions and languages. Make groups here, or let your identity
          provider send them (provisioning or the groups claim at sign-in).
        </p>
      </PageHeader>
      <section class="card form-section" aria-labelledby="groups-create">
        <h2 id="groups-create">Create a group</h2>
        <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
        <form class="groups-create" noValidate onSubmit={(event) => void create(event)}>
          <div class="field">
            <label class="field__label" for="group-name">
              Name
            </label>
            <input
              id="group-name"
              class="input--name"
              value={name}
              maxLength={100}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={busy}>
              Create group
            </button>
          </div>
        </form>
      </section>
      <Loaded failure="Couldn't load the groups" loading="Loading groups…" from={loaded} ready={groups !== null}>
        {() =>
          groups?.length === 0 ? (
            <p class="muted">No groups yet.</p>
          ) : (
            <>
              {[...(groups ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((group) => (
                  <GroupCard
                    key={group.id}
                    group={group}
                    advocates={advocates.data?.items ?? []}
                    onChange={(next) => replace(next, group.id)}
                  />
                ))}
            </>
          )
        }
      </Loaded>
    </>
  );
}
