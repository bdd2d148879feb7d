/** The header's bell: unread approval notifications (GET /v1/admin/notifications), polled every 30 s and on focus; links to the Approvals screen. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminNotifications } from '../../../lib/schemas';
import { api } from '../api';
import { href } from '../router';

const POLL_MS = 30_000;
/** Dispatched on window when notifications were read here, so the count refreshes at once. */
export const NOTIFICATIONS_CHANGED = 'relay:notifications-changed';

export function NotificationBell() {
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let controller: AbortController | null = null;
    const refresh = () => {
      controller?.abort();
      controller = new AbortController();
      api
        .get<AdminNotifications>('/v1/admin/notifications', { signal: controller.signal })
        .then((answer) => setUnread(answer.unread))
        // A failed poll keeps the last count; the next one tries again.
        .catch(() => undefined);
    };
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    return () => {
      controller?.abort();
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
    };
  }, []);

  const label =
    unread === 0
      ? 'Approvals: no new notifications'
      : `Approvals: ${unread} new notification${unread === 1 ? '' : 's'}`;
  return (
    <a class="bell" href={href('/approvals')} aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0" />
      </svg>
      {unread > 0 && (
        <span class="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  );
}
