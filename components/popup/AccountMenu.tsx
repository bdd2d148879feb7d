/**
 * The header's quiet account menu: who is signed in and "Sign out" (kept out of the way of "Sync
 * now"). A disclosure button; Escape or leaving the menu closes it, and focus returns to the button.
 */
import { useId, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { LanguagePicker } from './LanguagePicker';

interface Props {
  name: string;
  signingOut: boolean;
  onSignOut: () => void;
}

export function AccountMenu({ name, signingOut, onSignOut }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  return (
    <div
      class="account"
      onKeyDown={(event) => event.key === 'Escape' && open && close(true)}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        class="button button--small button--quiet account-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('popup_account')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div id={id} class="account-menu">
          <p class="account-who">
            {t('popup_signed_in_as')} <strong>{name}</strong>
          </p>
          <LanguagePicker />
          <button type="button" class="account-item" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? t('popup_signing_out') : t('popup_sign_out')}
          </button>
        </div>
      )}
    </div>
  );
}
