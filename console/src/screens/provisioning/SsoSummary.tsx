/** Work-account sign-in as the server is set up (read-only): on or off, password sign-in, and the redirect URI to register at the IdP. */
import { CopyValue } from '../../components/CopyValue';
import { Loaded } from '../../components/Loaded';
import type { SignInOptions } from '../../types';
import { useFetched } from '../../use-fetched';

/** The one redirect URI Relay's OpenID client uses: the IdP must list it exactly. */
export function redirectUri(): string {
  return `${location.origin}/v1/sso/callback`;
}

function OnOff({ on }: { on: boolean }) {
  return <span class={`status ${on ? 'status--published' : 'status--archived'}`}>{on ? 'On' : 'Off'}</span>;
}

export function SsoSummary() {
  const loaded = useFetched<SignInOptions>('/v1/sign-in-options');
  const options = loaded.data;
  return (
    <section class="card form-section" aria-labelledby="provisioning-sso">
      <h2 id="provisioning-sso">Work-account sign-in</h2>
      <Loaded
        failure="Couldn't load the sign-in settings"
        loading="Loading the sign-in settings…"
        from={loaded}
        ready={options !== null}
      >
        {() =>
          options && (
            <>
              <dl class="facts">
                <div class="facts__row">
                  <dt>Sign in with your work account</dt>
                  <dd>
                    <OnOff on={options.sso} />
                  </dd>
                </div>
                <div class="facts__row">
                  <dt>Admins’ email and password sign-in</dt>
                  <dd>
                    <OnOff on={options.password} />
                  </dd>
                </div>
                <div class="facts__row">
                  <dt>Invite codes for advocates</dt>
                  <dd>
                    <OnOff on={options.invites} />
                  </dd>
                </div>
              </dl>
              <p class="muted">
                {options.sso
                  ? 'Members of your admin group sign in to this console with their work account; advocates sign in from ' +
                    'the Relay extension.'
                  : 'Work-account sign-in is off. Whoever runs your Relay server turns it on by connecting it to your ' +
                    'identity provider (Microsoft Entra ID, Google or Okta).'}
              </p>
              <details class="details">
                <summary>For whoever runs the server</summary>
                <p class="muted">
                  Single sign-on is set in the server’s environment: RELAY_OIDC_ISSUER, RELAY_OIDC_CLIENT_ID and
                  RELAY_OIDC_CLIENT_SECRET name your identity provider’s app, and RELAY_OIDC_ADMIN_GROUP the group whose
                  members are admins. Restart Relay after setting them; the README shows how for Entra ID, Google and
                  Okta.
                </p>
              </details>
              <CopyValue
                label="Redirect URI"
                value={redirectUri()}
                hint="Register this address in your identity provider’s app for Relay, exactly as shown."
              />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
