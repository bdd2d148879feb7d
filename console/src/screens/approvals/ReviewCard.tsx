/** One post in the approval queue: what advocates would get (title, link, every variant), who submitted it, and Approve / Reject. */
import { useState } from 'preact/hooks';
import { networkLabels } from '../../../../lib/networks';
import type { ContentItem, Network } from '../../../../lib/schemas';
import { api, describeError } from '../../api';
import { MustFixDialog } from '../../components/MustFixDialog';
import { NoticeLine, type Notice } from '../../components/ui';
import { STATUS_LABEL } from '../../content';
import { mustFixOf, type MustFixFailure } from '../../must-fix';
import { contentHref } from '../../router';
import { formatDateTime } from '../../time';
import { RejectDialog } from './RejectDialog';

interface Props {
  item: ContentItem;
  /** Reviewers get Approve and Reject; the submitter sees the state and any comment. */
  reviewing: boolean;
  onChanged: (item: ContentItem) => void;
}

const publishPath = (id: string) => `/v1/admin/content/${encodeURIComponent(id)}/publish`;

export function ReviewCard({ item, reviewing, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [rejecting, setRejecting] = useState(false);
  const [mustFix, setMustFix] = useState<MustFixFailure[] | null>(null);
  const review = item.review;
  const headingId = `review-${item.id}`;

  async function approve(overrideReason?: string) {
    setBusy(true);
    setNotice(null);
    try {
      onChanged(await api.post<ContentItem>(publishPath(item.id), overrideReason ? { overrideReason } : {}));
      setMustFix(null);
    } catch (error) {
      const failures = mustFixOf(error);
      if (failures && !overrideReason) setMustFix(failures);
      else if (overrideReason) throw error;
      else setNotice({ kind: 'error', text: `Couldn't approve: ${describeError(error)}` });
    } finally {
      setBusy(false);
    }
  }

  const variants = Object.entries(item.variants) as [Network, string[] | undefined][];
  return (
    <li class="card review-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={contentHref(item.id)}>{item.title}</a>{' '}
        <span class={`status status--${item.status}`}>{STATUS_LABEL[item.status]}</span>
      </h3>
      <p class="review-card__meta">
        {review?.submittedAt
          ? `Submitted by ${review.submittedByName ?? 'someone no longer an admin'} ${formatDateTime(review.submittedAt)}`
          : ''}
        {item.publishAt ? ` · goes out ${formatDateTime(item.publishAt)}` : ''}
        {` · ${networkLabels(item.networks, 'and')}`}
      </p>
      <p class="review-card__link">{item.url}</p>
      {review?.note && <p class="review-comment">Note: {review.note}</p>}
      <div class="review-card__variants">
        {variants.flatMap(([network, texts]) =>
          (texts ?? []).map((text, index) => (
            <p key={`${network}-${index}`} class="review-card__variant">
              <span class="visually-hidden">
                {networkLabels([network], 'and')} variant {index + 1}:{' '}
              </span>
              {text}
            </p>
          )),
        )}
      </div>
      {review?.state === 'rejected' && (
        <p class="notice notice--error review-comment">
          Changes requested by {review.reviewedByName ?? 'an approver'}: {review.comment}
        </p>
      )}
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {reviewing && (
        <div class="button-row">
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void approve()}
          >
            Approve and publish
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => setRejecting(true)}>
            Reject…
          </button>
        </div>
      )}
      {rejecting && (
        <RejectDialog
          item={item}
          onRejected={(rejected) => {
            setRejecting(false);
            onChanged(rejected);
          }}
          onClose={() => setRejecting(false)}
        />
      )}
      {mustFix && (
        <MustFixDialog
          failures={mustFix}
          verb="Publish"
          onPublish={(reason) => approve(reason)}
          onClose={() => setMustFix(null)}
        />
      )}
    </li>
  );
}
