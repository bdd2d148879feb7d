/** The sticky row under the editor: what happened, and save, publish, schedule, archive, back. */
import type { ContentReview, ContentStatus } from '../../../../lib/schemas';
import { NoticeLine, type Notice } from '../../components/ui';
import { usePermissions } from '../../permissions';
import { href } from '../../router';

export type ComposeAction = 'save' | 'publish' | 'schedule' | 'archive' | 'submit';

interface Props {
  /** The post's status; undefined for a new post. */
  status: ContentStatus | undefined;
  notice: Notice;
  onDismiss: () => void;
  busy: string | null;
  /** "Publish at" is in the future. */
  scheduleReady: boolean;
  onAction: (action: Exclude<ComposeAction, 'save'>) => void;
  /** Approvals are on: a draft is submitted for approval instead of published. */
  approvals?: boolean;
  review?: ContentReview | null;
}

export function ComposeActions({ status, notice, onDismiss, busy, scheduleReady, onAction, approvals, review }: Props) {
  const live = status === 'published' || status === 'scheduled';
  const direct = !approvals && status !== 'pending';
  const publishes = usePermissions().can('content.publish');
  const button = (action: Exclude<ComposeAction, 'save'>, label: string, modifier: string, disabled = false) => (
    <button
      type="button"
      class={`button${modifier}`}
      disabled={busy !== null || disabled}
      aria-busy={busy === action}
      aria-describedby={action === 'schedule' && !scheduleReady ? 'compose-schedule-hint' : undefined}
      onClick={() => onAction(action)}
    >
      {label}
    </button>
  );
  return (
    <div class="form-actions">
      <NoticeLine notice={notice} onDismiss={onDismiss} />
      {status === 'draft' && review?.state === 'rejected' && (
        <p class="notice notice--error review-comment">
          Changes requested by {review.reviewedByName ?? 'an approver'}: {review.comment}
        </p>
      )}
      {status === 'pending' && (
        <p class="notice notice--info">Awaiting approval: advocates get it once an approver publishes it.</p>
      )}
      <div class="button-row">
        <button type="submit" class="button" disabled={busy !== null} aria-busy={busy === 'save'}>
          {!status || status === 'draft' ? 'Save draft' : 'Save changes'}
        </button>
        {direct && publishes && status !== 'published' && button('publish', 'Publish now', ' button--primary')}
        {direct && publishes && !live && button('schedule', 'Schedule', '', !scheduleReady)}
        {approvals && (!status || status === 'draft') && button('submit', 'Submit for approval', ' button--primary')}
        {publishes && status && status !== 'archived' && button('archive', 'Archive', ' button--danger')}
        <a class="button button--quiet" href={href('/content')}>
          Back to content
        </a>
        {direct && publishes && !live && !scheduleReady && (
          <p id="compose-schedule-hint" class="field__hint">
            To schedule, set “Publish at” to a future time.
          </p>
        )}
      </div>
    </div>
  );
}
