/** The owner's switch for approvals and their e-mails (PUT /v1/admin/settings/approvals). */
import { useEffect, useState } from 'preact/hooks';
import type { ApprovalSettings } from '../../../../lib/schemas';
import { api, describeError } from '../../api';
import { Checkbox, NoticeLine, type Notice } from '../../components/ui';
import { APPROVAL_SETTINGS_PATH } from './use-approvals';

interface Props {
  settings: ApprovalSettings;
  onSaved: (settings: ApprovalSettings) => void;
}

export function ApprovalSettingsForm({ settings, onSaved }: Props) {
  const [draft, setDraft] = useState(settings);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => setDraft(settings), [settings]);
  const changed = draft.enabled !== settings.enabled || draft.email !== settings.email;

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const saved = await api.put<ApprovalSettings>(APPROVAL_SETTINGS_PATH, draft);
      onSaved(saved);
      setNotice({ kind: 'success', text: saved.enabled ? 'Approvals are on.' : 'Approvals are off.' });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't save: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-section" aria-labelledby="approval-settings">
      <h2 id="approval-settings">Settings</h2>
      <form onSubmit={(event) => void save(event)}>
        <Checkbox
          id="approvals-enabled"
          label="Every post needs approval"
          hint="Editors submit posts; someone else with the approver or owner role publishes or rejects them."
          checked={draft.enabled}
          onChange={(enabled) => setDraft({ ...draft, enabled })}
        />
        <Checkbox
          id="approvals-email"
          label="Also send notifications by e-mail"
          hint="Needs RELAY_SMTP_URL and RELAY_MAIL_FROM on the server."
          checked={draft.email}
          onChange={(email) => setDraft({ ...draft, email })}
        />
        <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy || !changed} aria-busy={busy}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  );
}
