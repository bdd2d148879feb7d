/** What a SCIM delete of a person does to their history (GET|PUT /v1/admin/provisioning): keep it for analytics, or erase it. */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, type Notice } from '../../components/ui';
import type { OnDelete, ProvisioningSettings } from '../../types';
import { useFetched } from '../../use-fetched';

const CHOICES: { value: OnDelete; label: string; hint: string }[] = [
  {
    value: 'keep',
    label: 'Keep their history',
    hint:
      'Their shares, clicks and points stay in analytics, and they stay listed with their access ended. Links ' +
      'they shared keep working.',
  },
  {
    value: 'erase',
    label: 'Erase everything about them',
    hint:
      'Their shares, tracked links, clicks and points are deleted: they leave analytics and the leaderboard, and ' +
      'links they shared stop working. This cannot be undone.',
  },
];

export function DeletePolicy() {
  const loaded = useFetched<ProvisioningSettings>('/v1/admin/provisioning');
  const [choice, setChoice] = useState<OnDelete | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const saved = loaded.data?.onDelete ?? null;

  useEffect(() => {
    if (saved) setChoice(saved);
  }, [saved]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!choice || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const answer = await api.put<ProvisioningSettings>('/v1/admin/provisioning', { onDelete: choice });
      loaded.setData(answer ?? { onDelete: choice });
      setNotice({
        kind: 'success',
        text:
          choice === 'keep'
            ? 'Saved: people your identity provider deletes keep their history.'
            : 'Saved: everything about people your identity provider deletes is erased.',
      });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't save: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-section" aria-labelledby="provisioning-delete">
      <h2 id="provisioning-delete">When your identity provider deletes someone</h2>
      <Loaded
        failure="Couldn't load the provisioning settings"
        loading="Loading the provisioning settings…"
        from={loaded}
        ready={choice !== null}
      >
        {() => (
          <form class="delete-policy" noValidate onSubmit={(event) => void submit(event)}>
            <fieldset class="fieldset">
              <legend>Their history</legend>
              <p class="field__hint fieldset__hint">
                Either way their access ends at once: their extension signs out and clears its data. Someone your
                identity provider only deactivates always keeps their history.
              </p>
              <div class="choices">
                {CHOICES.map(({ value, label, hint }) => (
                  <div class="checkbox" key={value}>
                    <input
                      type="radio"
                      id={`on-delete-${value}`}
                      name="on-delete"
                      checked={choice === value}
                      onChange={() => setChoice(value)}
                      aria-describedby={`on-delete-${value}-hint`}
                    />
                    <label for={`on-delete-${value}`}>{label}</label>
                    <p id={`on-delete-${value}-hint`} class="field__hint checkbox__hint">
                      {hint}
                    </p>
                  </div>
                ))}
              </div>
            </fieldset>
            <div class="button-row">
              <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
                Save
              </button>
            </div>
          </form>
        )}
      </Loaded>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
