/** The code just made, shown this once (only its hash is kept), with buttons to copy it or a ready-to-send invitation. */
import { formatDate } from '../../time';
import type { CreatedInvite } from '../../types';
import { isCompanyCode } from './invite-draft';

/** How lists name an invite: its code's first group (the code itself is stored hashed). */
export function inviteLabel(invite: Pick<CreatedInvite, 'hint'>): string {
  return `${invite.hint}-…`;
}

/** The invitation an admin sends: what to type in the extension's setup screen, under its own labels. */
export function inviteText(code: string): string {
  return `Open the Relay browser extension and connect with:\nServer URL: ${location.origin}\nInvite code: ${code}`;
}

interface Props {
  created: CreatedInvite;
  /** Copies `text`; `what` names it in the notice ("code", "invitation"). */
  onCopy: (text: string, what: string) => void;
}

export function NewInvite({ created, onCopy }: Props) {
  const company = isCompanyCode(created);
  return (
    <div class="new-invite">
      <p>
        <span class="new-invite__label">{company ? 'New company code' : 'New invite code'}</span>
        <br />
        <code class="code code--large">{created.code}</code>
      </p>
      {company && (
        <p>
          Everyone who has this code can join{' '}
          {created.expiresAt ? `until ${formatDate(created.expiresAt)}` : 'with no end date'}, however many people use
          it. Revoke it in the list below when it has done its job.
        </p>
      )}
      <p>
        <strong>Copy it now: this code will not be shown again.</strong> Relay does not keep it: the list below names
        this invite by its start, <code class="code">{inviteLabel(created)}</code>.
      </p>
      <p class="muted">
        {company ? 'Post this where your colleagues will see it:' : 'Send advocates this invitation:'}
      </p>
      <p class="invite-text">{inviteText(created.code)}</p>
      <div class="button-row">
        <button type="button" class="button button--small" onClick={() => onCopy(created.code, 'code')}>
          Copy code
        </button>
        <button
          type="button"
          class="button button--small"
          onClick={() => onCopy(inviteText(created.code), 'invitation')}
        >
          Copy invitation
        </button>
      </div>
    </div>
  );
}
