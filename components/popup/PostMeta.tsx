/** The small line under a post's title: its source (the article's host), when it was published, when it expires. */
import type { PopupItem } from '../shared/messaging';
import { isJustNow, relativeTime } from './relativeTime';
import { t } from '../shared/i18n';

/** The article's host without "www.": the post's source. */
export function sourceOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function PostMeta({ item, now }: { item: PopupItem; now: number }) {
  const source = sourceOf(item.url);
  const published = relativeTime(item.publishAt ?? item.createdAt, now);
  const expires = item.expiresAt ? relativeTime(item.expiresAt, now) : null;
  return (
    <p class="post-meta">
      {source && <span class="post-source">{source}</span>}
      {published && <span>{published}</span>}
      {expires && item.expiresAt && (
        <span class="post-expires">
          {isJustNow(item.expiresAt, now) ? t('popup_expires_now') : t('popup_expires', { when: expires })}
        </span>
      )}
    </p>
  );
}
