/**
 * "Remove access" for one advocate: a modal dialog that explains what happens to their extension,
 * lets the admin keep their data for the record or erase it, and asks for confirmation. For an
 * advocate whose access already ended (removed earlier with their data kept, signed out, expired)
 * it offers erasing only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../api';
import type { AdvocateAccess } from '../../../lib/console-schemas';
import type { AdvocateRow } from '../types';

export type Removal = { erased: true; id: string } | { erased: false; row: AdvocateRow };

interface Props {
  advocate: AdvocateRow;
  onClose: () => void;
  onRemoved: (removal: Removal) => void;
}

/** Why an advocate without access has none, opening the erase-only dialog. */
const ENDED: Record<Exclude<AdvocateAccess, 'active'>, string> = {
  removed: 'Their access was already removed.',
  'signed-out': 'They already signed out of Relay.',
  expired: 'Their sign-in already expired: they had not used Relay for a long time.',
  deprovisioned: 'Your company’s provisioning already ended their access.',
};

const ERASE_HINT =
  'Erasing deletes their shares, tracked links, clicks and points: they disappear from this list, the leaderboard ' +
  'and analytics, and links they already shared stop working. This cannot be undone.';

export function RemoveAccessDialog({ advocate, onClose, onRemoved }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const eraseOnly = advocate.access !== 'active';
  const [erase, setErase] = useState(eraseOnly);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = `remove-${advocate.id}-title`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function confirm(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const path = `/v1/admin/advocates/${encodeURIComponent(advocate.id)}?erase=${erase}`;
    try {
      if (erase) {
        await api.delete<undefined>(path);
        onRemoved({ erased: true, id: advocate.id });
      } else {
        onRemoved({ erased: false, row: await api.delete<AdvocateRow>(path) });
      }
    } catch (error) {
      setFailure(describeError(error));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form method="dialog" class="dialog__body" onSubmit={(event) => void confirm(event)}>
        {eraseOnly ? (
          <>
            <h2 id={titleId}>Erase everything about {advocate.name}?</h2>
            <p>
              {advocate.access !== 'active' && ENDED[advocate.access]} {ERASE_HINT}
            </p>
          </>
        ) : (
          <>
            <h2 id={titleId}>Remove {advocate.name}’s access?</h2>
            <p>
              Their Relay extension stops working at once: its live connection closes, and the next time it reaches the
              server it clears the saved posts from their browser and tells them their access was removed. To let them
              back in, send them a new invite.
            </p>
            <fieldset class="fieldset">
              <legend>Their data</legend>
              <div class="choices">
                <div class="checkbox">
                  <input
                    type="radio"
                    id={`${titleId}-keep`}
                    name="data"
                    checked={!erase}
                    onChange={() => setErase(false)}
                    aria-describedby={`${titleId}-keep-hint`}
                  />
                  <label for={`${titleId}-keep`}>Keep their shares, clicks and points</label>
                  <p id={`${titleId}-keep-hint`} class="field__hint checkbox__hint">
                    For your records and analytics. They leave the leaderboard and stay listed here as removed. Links
                    they already shared keep working.
                  </p>
                </div>
                <div class="checkbox">
                  <input
                    type="radio"
                    id={`${titleId}-erase`}
                    name="data"
                    checked={erase}
                    onChange={() => setErase(true)}
                    aria-describedby={`${titleId}-erase-hint`}
                  />
                  <label for={`${titleId}-erase`}>Erase everything about them</label>
                  <p id={`${titleId}-erase-hint`} class="field__hint checkbox__hint">
                    {ERASE_HINT}
                  </p>
                </div>
              </div>
            </fieldset>
          </>
        )}
        <div role="alert" class="notice-slot">
          {failure && (
            <p class="notice notice--error">
              Couldn’t {eraseOnly ? 'erase the data of' : 'remove'} {advocate.name}: {failure}
            </p>
          )}
        </div>
        <div class="button-row">
          <button type="submit" class="button button--danger button--danger-solid" disabled={busy} aria-busy={busy}>
            {eraseOnly ? 'Erase data' : erase ? 'Erase and remove access' : 'Remove access'}
          </button>
          <button type="button" class="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
