/** First install: the setup screen opens in a tab, unless the organisation's policy sets the server (zero-touch). */
import type { ManagedPolicy } from './policy';

/** The popup's page, as a tab opens it. */
export const SETUP_PAGE = '/popup.html';

/**
 * Whether a new install should show the setup screen in a tab. Browsers tuck a new extension's
 * button away in their extensions menu, so a person who just installed Relay may not find where to
 * enter an invite code; an organisation that set the server by policy signs people in itself
 * (zero-touch), and a tab would only get in its way. Updates and browser updates open nothing.
 */
export function opensSetupOnInstall(reason: string, policy: ManagedPolicy): boolean {
  return reason === 'install' && policy.serverUrl === null;
}
