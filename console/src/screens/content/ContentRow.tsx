/** One post in the content list: title, host, campaign and variant count, any publish override, status, networks, shares and clicks, times, quick actions. */
import type { ContentListItem } from '../../../../lib/console-schemas';
import { OverrideNote } from '../../components/OverrideNote';
import { hostOf, STATUS_LABEL } from '../../content';
import { allVariants, labelsOf } from '../../networks';
import { usePermissions } from '../../permissions';
import { contentHref } from '../../router';
import { formatDateTime, formatRelative } from '../../time';

export function ContentRow({
  item,
  busy,
  onAct,
}: {
  item: ContentListItem;
  busy: boolean;
  onAct: (action: 'publish' | 'archive') => void;
}) {
  const publishes = usePermissions().can('content.publish');
  const canPublish = publishes && (item.status === 'draft' || item.status === 'archived');
  const schedules = canPublish && item.publishAt !== null && Date.parse(item.publishAt) > Date.now();
  const variantCount = allVariants(item.variants).length;
  return (
    <tr>
      <th scope="row" class="content-table__title">
        <a href={contentHref(item.id)}>{item.title}</a>
        <span class="muted small">
          {hostOf(item.url)}
          {item.campaign ? ` · ${item.campaign}` : ''} · {variantCount} variant{variantCount === 1 ? '' : 's'}
        </span>
        {item.override && <OverrideNote override={item.override} compact />}
      </th>
      <td data-label="Status">
        <span class={`status status--${item.status}`}>{STATUS_LABEL[item.status]}</span>
      </td>
      <td data-label="Networks">{labelsOf(item.networks)}</td>
      <td class="numeric" data-label="Shares">
        {item.shares.toLocaleString()}
      </td>
      <td class="numeric" data-label="Clicks">
        {item.clicks.toLocaleString()}
      </td>
      <td class="small" data-label="Publish">
        {item.publishAt ? formatDateTime(item.publishAt) : '—'}
        {item.expiresAt && (
          <>
            <br />
            <span class="muted">until {formatDateTime(item.expiresAt)}</span>
          </>
        )}
      </td>
      <td class="small" data-label="Changed">
        <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt)}>
          {formatRelative(item.updatedAt)}
        </time>
      </td>
      <td>
        <div class="row-actions">
          <a class="button button--small" href={contentHref(item.id)} aria-label={`Edit “${item.title}”`}>
            Edit
          </a>
          {canPublish && (
            <button
              type="button"
              class="button button--small button--primary"
              disabled={busy}
              aria-label={`${schedules ? 'Schedule' : 'Publish'} “${item.title}”`}
              onClick={() => onAct('publish')}
            >
              {schedules ? 'Schedule' : 'Publish'}
            </button>
          )}
          {publishes && item.status !== 'archived' && (
            <button
              type="button"
              class="button button--small"
              disabled={busy}
              aria-label={`Archive “${item.title}”`}
              onClick={() => onAct('archive')}
            >
              Archive
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
