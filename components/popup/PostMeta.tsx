/** The small line under a post's title: when it was published, when it expires, its tags. */
import type { PopupItem } from '../shared/messaging';
import { relativeTime } from './relativeTime';

export function PostMeta({ item, now }: { item: PopupItem; now: number }) {
  const published = relativeTime(item.publishAt ?? item.createdAt, now);
  const expires = item.expiresAt ? relativeTime(item.expiresAt, now) : null;
  return (
    <p class="post-meta">
      {published && <span>Published {published}</span>}
      {expires && <span class="post-expires">Expires {expires === 'just now' ? 'now' : expires}</span>}
      {item.tags.length > 0 && (
        <span class="post-tags">
          {item.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </span>
      )}
    </p>
  );
}
