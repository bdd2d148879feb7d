/**
 * Provisioning (SCIM): the base URL to paste into the identity provider, creating a token (shown
 * once), the tokens, and revoking one after a confirmation.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyValue } from '../../components/CopyValue';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, type Notice } from '../../components/ui';
import type { CreatedScimToken, ScimToken } from '../../types';
import { useFetched } from '../../use-fetched';
import { CreateScimToken } from './CreateScimToken';
import { ScimTokensTable, tokenName } from './ScimTokensTable';

/** Where the IdP sends SCIM requests. */
export function scimBaseUrl(): string {
  return `${location.origin}/scim/v2`;
}

export function ScimSection() {
  const loaded = useFetched<{ items: ScimToken[] }>('/v1/admin/scim-tokens');
  const tokens = loaded.data?.items ?? null;
  const setTokens = (change: (current: ScimToken[]) => ScimToken[]) =>
    loaded.setData((body) => ({ items: change(body?.items ?? []) }));
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  async function revoke(token: ScimToken) {
    const updated = await api.delete<ScimToken>(`/v1/admin/scim-tokens/${encodeURIComponent(token.id)}`);
    setTokens((current) =>
      current.map((entry) => (entry.id === token.id ? (updated ?? { ...entry, revoked: true }) : entry)),
    );
    if (created?.id === token.id) setCreated(null);
    setRevoking(null);
    setNotice({
      kind: 'success',
      text: `Token ${token.label ?? tokenName(token)} revoked: your identity provider can no longer use it.`,
    });
  }

  const name = revoking ? (revoking.label ? `“${revoking.label}”` : tokenName(revoking)) : '';
  return (
    <section class="card form-section" aria-labelledby="provisioning-scim">
      <h2 id="provisioning-scim">Provisioning (SCIM)</h2>
      <p class="muted section-intro">
        Your identity provider (Microsoft Entra ID, Okta, …) can add advocates, keep their names and teams up to date,
        and end their access the moment they leave. In its provisioning settings, paste the SCIM base URL and a token
        made here.
      </p>
      <CopyValue
        label="SCIM base URL"
        value={scimBaseUrl()}
        hint="Entra ID calls it the Tenant URL; Okta the SCIM connector base URL."
      />
      <h3>Tokens</h3>
      <CreateScimToken
        created={created}
        onCreated={(token) => {
          setNotice(null);
          setCreated(token);
          setTokens((current) => [
            {
              id: token.id,
              hint: token.hint,
              label: token.label,
              createdAt: token.createdAt,
              lastUsedAt: null,
              revoked: false,
            },
            ...current.filter((entry) => entry.id !== token.id),
          ]);
        }}
      />
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      <Loaded
        failure="Couldn't load the SCIM tokens"
        loading="Loading SCIM tokens…"
        from={loaded}
        ready={tokens !== null}
      >
        {() =>
          tokens?.length === 0 ? (
            <p class="muted">No SCIM tokens yet.</p>
          ) : (
            <ScimTokensTable
              tokens={tokens ?? []}
              createdId={created?.id}
              onRevoke={(token) => {
                setNotice(null);
                setRevoking(token);
              }}
            />
          )
        }
      </Loaded>
      {revoking && (
        <ConfirmDialog
          id={`revoke-${revoking.id}`}
          title={`Revoke the SCIM token ${name}?`}
          confirm="Revoke token"
          failure="Couldn’t revoke the token"
          onConfirm={() => revoke(revoking)}
          onClose={() => setRevoking(null)}
        >
          <p>
            Your identity provider can no longer provision with it: its next sync fails until you give it a new token.
            People it already added keep their access. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
