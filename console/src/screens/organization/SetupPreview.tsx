/** How the extension's setup screen greets advocates: the organisation's logo (or initials) and name. For the eye only. */
import { safeHttpUrl } from '../../../../lib/safe-url';
import { initials } from './draft';

export function SetupPreview({ name, logoUrl, host }: { name: string; logoUrl: string; host: string }) {
  const logo = safeHttpUrl(logoUrl.trim());
  const shown = name.trim() || host;
  return (
    <figure class="setup-preview">
      <figcaption class="preview__caption">The extension’s setup screen</figcaption>
      <div class="setup-preview__popup" aria-hidden="true">
        <div class="setup-preview__intro">
          {logo ? (
            <img class="setup-preview__logo" src={logo} alt="" referrerpolicy="no-referrer" />
          ) : (
            <span class="setup-preview__logo setup-preview__logo--initials">{initials(shown) || '?'}</span>
          )}
          <div>
            <p class="setup-preview__title">Connect to {shown}</p>
            <p class="setup-preview__text">Share approved company news in your own words.</p>
          </div>
        </div>
        <p class="setup-preview__label">Invite code</p>
        <p class="setup-preview__input">XXXX-XXXX</p>
        <p class="setup-preview__button">Connect</p>
      </div>
      <p class="field__hint">
        Advocates see this when they install Relay{name.trim() ? '' : '; without a name, the server’s address'}.
      </p>
    </figure>
  );
}
