/** A modal "are you sure?" for one destructive action: what happens, the action's button and Cancel; the failure shown inside. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api';

interface Props {
  id: string;
  title: string;
  children: ComponentChildren;
  /** The confirming button's words ("Revoke token"). */
  confirm: string;
  /** "Couldn’t revoke the token" (the error follows). */
  failure: string;
  /** The other button's words; default "Cancel". */
  cancel?: string;
  /** Checks the dialog's own fields first: false keeps it open without confirming (the field says why). */
  validate?: () => boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ id, title, children, confirm, failure, cancel, validate, onConfirm, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `${id}-title`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || (validate && !validate())) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(describeError(caught));
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
      <form method="dialog" class="dialog__body" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div role="alert" class="notice-slot">
          {error && (
            <p class="notice notice--error">
              {failure}: {error}
            </p>
          )}
        </div>
        <div class="button-row">
          <button type="submit" class="button button--danger button--danger-solid" disabled={busy} aria-busy={busy}>
            {confirm}
          </button>
          <button type="button" class="button" onClick={onClose} disabled={busy}>
            {cancel ?? 'Cancel'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
