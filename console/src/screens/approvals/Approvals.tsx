/**
 * The Approvals screen: posts waiting for the caller's review (others' submissions, oldest first),
 * the caller's own pending and rejected submissions, and for owners the approvals setting.
 * Opening it marks the caller's notifications read.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApprovalSettings, ApprovalsQueue, ContentItem } from '../../../../lib/schemas';
import { api } from '../../api';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/ui';
import { href } from '../../router';
import { NOTIFICATIONS_CHANGED } from '../../shell/NotificationBell';
import { useFetched } from '../../use-fetched';
import { ApprovalSettingsForm } from './ApprovalSettingsForm';
import { ReviewCard } from './ReviewCard';
import { APPROVAL_SETTINGS_PATH } from './use-approvals';

interface Props {
  /** The owner manages the setting (settings.manage). */
  canManage: boolean;
}

export function Approvals({ canManage }: Props) {
  const queue = useFetched<ApprovalsQueue>('/v1/admin/approvals');
  const settings = useFetched<ApprovalSettings>(APPROVAL_SETTINGS_PATH);
  const [done, setDone] = useState<ContentItem[]>([]);

  useEffect(() => {
    void api
      .post('/v1/admin/notifications/read', {})
      .then(() => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)))
      .catch(() => undefined);
  }, []);

  const changed = (item: ContentItem) => {
    setDone((list) => [item, ...list.filter((other) => other.id !== item.id)]);
    queue.setData((current) => current && { ...current, toReview: current.toReview.filter((x) => x.id !== item.id) });
  };

  return (
    <>
      <PageHeader title="Approvals">
        <p>Posts submitted for approval reach advocates only once someone else publishes them.</p>
      </PageHeader>
      <Loaded
        failure="Couldn't load the approval queue"
        loading="Loading the approval queue…"
        from={queue}
        ready={queue.data !== null}
      >
        {() => {
          const data = queue.data!;
          return (
            <>
              {!data.enabled && <p class="notice notice--info">Approvals are off: editors publish posts directly.</p>}
              <section class="approvals__section" aria-labelledby="approvals-review">
                <h2 id="approvals-review">Waiting for your review</h2>
                {data.toReview.length === 0 ? (
                  <p>Nothing waits for your review.</p>
                ) : (
                  <ul class="approvals__list">
                    {data.toReview.map((item) => (
                      <ReviewCard key={item.id} item={item} reviewing onChanged={changed} />
                    ))}
                  </ul>
                )}
                {done.length > 0 && (
                  <p role="status">
                    {done.map(
                      (item) => `${item.review?.state === 'rejected' ? 'Rejected' : 'Approved'}: ${item.title}. `,
                    )}
                  </p>
                )}
              </section>
              <section class="approvals__section" aria-labelledby="approvals-mine">
                <h2 id="approvals-mine">Your submissions</h2>
                {data.mine.length === 0 ? (
                  <p>
                    None pending or rejected. <a href={href('/content/new')}>Write a post</a>.
                  </p>
                ) : (
                  <ul class="approvals__list">
                    {data.mine.map((item) => (
                      <ReviewCard key={item.id} item={item} reviewing={false} onChanged={changed} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
      {canManage && settings.data && (
        <ApprovalSettingsForm
          settings={settings.data}
          onSaved={(saved) => {
            settings.setData(saved);
            queue.retry();
          }}
        />
      )}
    </>
  );
}
