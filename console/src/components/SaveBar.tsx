/** The sticky row under a settings form: what the last save did, and the save button. */
import { NoticeLine, type Notice } from './ui';

interface Props {
  label: string;
  notice: Notice;
  onDismiss: () => void;
  busy: boolean;
}

export function SaveBar({ label, notice, onDismiss, busy }: Props) {
  return (
    <div class="form-actions">
      <NoticeLine notice={notice} onDismiss={onDismiss} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
          {label}
        </button>
      </div>
    </div>
  );
}
