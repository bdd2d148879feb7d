/** The SCIM tokens, newest first: label, end, state, created, last used, and "Revoke" while they work. */
import { Table } from '../../components/Table';
import { formatDateTime, formatRelative } from '../../time';
import type { ScimToken } from '../../types';

/** How lists name a token: its last characters (the token itself is stored hashed). */
export function tokenName(token: Pick<ScimToken, 'hint'>): string {
  return `…${token.hint}`;
}

interface Props {
  tokens: ScimToken[];
  createdId: string | undefined;
  onRevoke: (token: ScimToken) => void;
}

export function ScimTokensTable({ tokens, createdId, onRevoke }: Props) {
  const now = Date.now();
  return (
    <Table
      class="table--actions table--stack"
      caption="SCIM tokens, newest first"
      columns={['Label', 'Ends with', 'State', 'Created', 'Last used']}
      actions
    >
      {[...tokens]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((token) => (
          <tr key={token.id} class={token.id === createdId ? 'is-new' : undefined}>
            <th scope="row">{token.label ?? <span class="muted">No label</span>}</th>
            <td data-label="Ends with">
              <code class="code">{tokenName(token)}</code>
            </td>
            <td data-label="State">
              <span class={`status ${token.revoked ? 'status--archived' : 'status--published'}`}>
                {token.revoked ? 'Revoked' : 'Active'}
              </span>
            </td>
            <td data-label="Created">{formatDateTime(token.createdAt)}</td>
            <td data-label="Last used">
              {token.lastUsedAt ? (
                <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>
                  {formatRelative(token.lastUsedAt, now)}
                </time>
              ) : (
                'Never'
              )}
            </td>
            <td>
              {!token.revoked && (
                <div class="row-actions">
                  <button
                    type="button"
                    class="button button--small button--danger"
                    aria-label={`Revoke token ${token.label ?? tokenName(token)}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
    </Table>
  );
}
