/** Which ways in the setup screen shows, from the organisation's sign-in mode and what the server offers. */
import type { SignInMode, SignInOptionsView } from '../shared/views';
import { t } from '../shared/i18n';

export interface WaysIn {
  /** "Sign in with your work account". */
  workAccount: boolean;
  /** The invite form. */
  invites: boolean;
  /** Neither: the mode allows invite codes only and the server takes none (RELAY_INVITES=off). */
  none: boolean;
}

/** What the setup screen says when the mode allows invite codes only and the server takes none. */
export const noInvites = () => t('setup_no_invites');

/**
 * sso: the button whatever the server says (it explains itself when pressed); both: the button once
 * the server offers it; invite and both: the invite form unless the server said it takes no codes.
 */
export function waysIn(signIn: SignInMode, options: SignInOptionsView): WaysIn {
  const workAccount = signIn === 'sso' || (signIn === 'both' && options.sso === true);
  const invites = signIn !== 'sso' && options.invites !== false;
  return { workAccount, invites, none: !workAccount && !invites };
}
