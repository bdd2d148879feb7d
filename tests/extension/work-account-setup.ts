/** identity.launchWebAuthFlow for the background's tests: the sso helpers' cookie-keeping browser through the real server and IdP. */
import type { IdentityPort } from '../../entrypoints/background/work-account';
import { CHROME_REDIRECT } from '../helpers/sso';
import { follow, isExtensionRedirect, SsoBrowser, type IdpCredentials } from '../helpers/sso-client';

/** Who is at the browser when the IdP shows its login page. */
export type Person = IdpCredentials | 'closes-the-window' | null;

/**
 * Follows redirects as a browser does and answers as Chrome does: the redirect URL once reached,
 * "User interaction required." when a silent flow meets a page, "The user did not approve access."
 * when the person closes the window; a person who signs in fills the IdP's login form.
 */
export class FakeIdentity implements IdentityPort {
  /** The browser profile: the IdP's session cookie outlives one flow, as in a real profile. */
  browser = new SsoBrowser();
  /** Flows started: the URL and whether each could show a window. */
  readonly flows: { url: string; interactive: boolean }[] = [];
  person: Person = null;

  constructor(readonly redirectBase = CHROME_REDIRECT) {}

  getRedirectURL(path = ''): string {
    return this.redirectBase + path;
  }

  /** A fresh profile: no IdP session. */
  forgetSessions(): void {
    this.browser = new SsoBrowser();
  }

  async launchWebAuthFlow({ url, interactive }: { url: string; interactive: boolean }): Promise<string> {
    this.flows.push({ url, interactive });
    const person = this.person;
    // Silent flows never fill a form: a page means the person is needed.
    const end = await follow(this.browser, url, {
      stop: isExtensionRedirect,
      credentials: interactive && person !== null && person !== 'closes-the-window' ? person : undefined,
    }).catch((error: Error) => {
      // Nothing answered (Chrome's words).
      if (error.name === 'TypeError') throw new Error('Authorization page could not be loaded.');
      throw error;
    });
    if ('stoppedAt' in end) return end.stoppedAt;
    await end.page.body?.cancel();
    if (!interactive) throw new Error('User interaction required.');
    if (person === 'closes-the-window') throw new Error('The user did not approve access.');
    throw new Error(`The flow stopped at a page nobody filled: ${end.page.status} ${end.url}`);
  }
}
