/**
 * "Remove access" for one advocate: a modal dialog that explains what happens to their extension,
 * lets the admin keep their data for the record or erase it, and asks for confirmation. For an
 * advocate whose access already ended (removed earlier with their data kept, signed out, expired)
 * it offers erasing only.
 */
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { AdvocateAccess } from '../../../lib/console-schemas';
import type { AdvocateRow } from '../types';
import { ConfirmDialog } from './ConfirmDialog';

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
  const eraseOnly = advocate.access !== 'active';
  const [erase, setErase] = useState(eraseOnly);
  const ids = `remove-${advocate.id}-title`;
  // A work-account user whose access an admin removed cannot sign in again until it is restored.
  const backIn =
    advocate.signedInWith === 'sso'
      ? 'They cannot sign in again with their work account until you restore their access here.'
      : 'To let them back in, send them a new invite.';

  async function remove() {
    const path = `/v1/admin/advocates/${encodeURIComponent(advocate.id)}?erase=${erase}`;
    if (erase) {
      await api.delete<undefined>(path);
      onRemoved({ erased: true, id: advocate.id });
    } else {
      onRemoved({ erased: false, row: await api.delete<AdvocateRow>(path) });
    }
  }

  return (
    <ConfirmDialog
      id={`remove-${advocate.id}`}
      title={eraseOnly ? `Erase everything about ${advocate.name}?` : `Remove ${advocate.name}’s access?`}
      confirm={eraseOnly ? 'Erase data' : erase ? 'Erase and remove access' : 'Remove access'}
      failure={`Couldn’t ${eraseOnly ? 'erase the data of' : 'remove'} ${advocate.name}`}
      onConfirm={remove}
      onClose={onClose}
    >
      {eraseOnly ? (
        <p>
          {advocate.access !== 'active' && ENDED[advocate.access]} {ERASE_HINT}
        </p>
      ) : (
        <>
          <p>
            Their Relay extension stops working at once: its live connection closes, and the next time it reaches the
            server it clears the saved posts from their browser and tells them their access was removed. {backIn}
          </p>
          <fieldset class="fieldset">
            <legend>Their data</legend>
            <div class="choices">
              <div class="checkbox">
                <input
                  type="radio"
                  id={`${ids}-keep`}
                  name="data"
                  checked={!erase}
                  onChange={() => setErase(false)}
                  aria-describedby={`${ids}-keep-hint`}
                />
                <label for={`${ids}-keep`}>Keep their shares, clicks and points</label>
                <p id={`${ids}-keep-hint`} class="field__hint checkbox__hint">
                  For your records and analytics. They leave the leaderboard and stay listed here as removed. Links they
                  already shared keep working.
                </p>
              </div>
              <div class="checkbox">
                <input
                  type="radio"
                  id={`${ids}-erase`}
                  name="data"
                  checked={erase}
                  onChange={() => setErase(true)}
                  aria-describedby={`${ids}-erase-hint`}
                />
                <label for={`${ids}-erase`}>Erase everything about them</label>
                <p id={`${ids}-erase-hint`} class="field__hint checkbox__hint">
                  {ERASE_HINT}
                </p>
              </div>
            </div>
          </fieldset>
        </>
      )}
    </ConfirmDialog>
  );
}
