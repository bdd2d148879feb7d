/**
 * The posts, newest first. Only the first FIRST_PAGE cards render at once (a little more than the
 * popup's 600 px show); PAGE_SIZE more follow each time the list scrolls near its end (or on
 * "Show more"), so opening the popup with 1,000 saved posts stays fast.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import type { PopupItem, SharePoints } from '../shared/messaging';
import { NoMatches, NoPosts } from './EmptyState';
import { FIRST_PAGE } from './firstPage';
import { PostCard } from './PostCard';
import { ShowMore } from './ShowMore';
import { useNow } from './useNow';

/** Cards on first render, and after the filters change. */
export { FIRST_PAGE };
/** Cards added each time the list nears its end. */
export const PAGE_SIZE = 30;
/** A performance mark made once per page, when the list (or its empty state) is first in the DOM. */
export const FIRST_RENDER_MARK = 'relay:first-render';
/** The Element Timing identifier of the first card's title (or the empty state): when the list is first painted. */
export const LIST_PAINT_TIMING = 'relay-list';

interface Props {
  /** The posts that pass the filters. */
  items: readonly PopupItem[];
  /** How many posts there are before filtering. */
  total: number;
  /** How many cards to render (FIRST_PAGE, then grows by PAGE_SIZE). */
  shown: number;
  onShowMore: (from: number, focus: boolean) => void;
  onClearFilters: () => void;
  newIds: ReadonlySet<string>;
  /** The card's first choice of network, in order (the Network filter, then the last one shared on). */
  preferred: readonly (Network | '' | null)[];
  onShared: (network: Network, points: SharePoints | null | undefined) => void;
  /** The post from a notification click: highlighted. */
  highlightId: string | null;
  /** The post to focus when it mounts (notification target, or first card "Show more" revealed). */
  focusId: string | null;
  scrollRoot: RefObject<HTMLElement>;
}

export function PostList(props: Props) {
  const { items, total, shown, onShowMore, newIds, preferred, highlightId, focusId, onShared } = props;
  const now = useNow(60_000);
  const target = focusId ? items.findIndex((item) => item.id === focusId) : -1;
  const count = total === 0 ? 0 : Math.min(items.length, Math.max(shown, target + 1));
  useLayoutEffect(() => {
    // bench/popup.ts reads it: time from navigation start to the first list in the DOM, and its cards.
    if (performance.getEntriesByName(FIRST_RENDER_MARK).length === 0)
      performance.mark(FIRST_RENDER_MARK, { detail: { cards: count } });
  }, []);
  if (total === 0) return <NoPosts timing={LIST_PAINT_TIMING} />;
  if (items.length === 0) return <NoMatches onClear={props.onClearFilters} />;
  return (
    <div class="post-list">
      {items.slice(0, count).map((item, index) => (
        <PostCard
          key={item.id}
          item={item}
          timing={index === 0 ? LIST_PAINT_TIMING : undefined}
          isNew={newIds.has(item.id)}
          preferred={preferred}
          onShared={onShared}
          now={now}
          highlighted={item.id === highlightId}
          focusOnMount={item.id === focusId}
        />
      ))}
      {count < items.length && (
        <ShowMore
          remaining={items.length - count}
          shown={count}
          scrollRoot={props.scrollRoot}
          onAuto={() => onShowMore(count, false)}
          onClick={() => onShowMore(count, true)}
        />
      )}
    </div>
  );
}
