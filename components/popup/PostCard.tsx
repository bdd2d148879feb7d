/**
 * One post: picture, title (a link to the article), "New" badge, the comms team's note, the
 * suggested text with its network switch, and the share/copy buttons. Everything from the server
 * is rendered as text.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import type { PopupItem } from '../shared/messaging';
import { PostImage } from './PostImage';
import { PostMeta } from './PostMeta';
import { safeHttpUrl } from '../../lib/safe-url';
import { ShareButtons } from './ShareButtons';
import { SuggestedText } from './SuggestedText';
import { shownNetwork, textOptions } from './suggestionChoice';

interface Props {
  item: PopupItem;
  isNew: boolean;
  /** The Network filter: the default text to show. */
  preferredNetwork: Network | '';
  now: number;
  /** The post a notification pointed at: highlighted, scrolled to and focused on mount. */
  highlighted?: boolean;
  /** Focus on mount (the first card "Show more" revealed). */
  focusOnMount?: boolean;
}

export function PostCard({ item, isNew, preferredNetwork, now, highlighted, focusOnMount }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const [chosen, setChosen] = useState<Network | null>(null);
  const shown = shownNetwork(item, chosen, preferredNetwork);
  const text = shown ? (item.suggestions[shown] ?? null) : null;
  const href = safeHttpUrl(item.url);

  useEffect(() => {
    const element = ref.current;
    if (!element || !(highlighted || focusOnMount)) return;
    if (highlighted) element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
    // Only on mount: later renders must not steal focus or scroll.
  }, []);

  return (
    <article ref={ref} class={highlighted ? 'post post--highlight' : 'post'} aria-labelledby={titleId} tabIndex={-1}>
      <PostImage url={item.imageUrl} />
      <div class="post-body">
        <div class="post-title-row">
          <h2 id={titleId} class="post-title">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {item.title}
              </a>
            ) : (
              item.title
            )}
          </h2>
          {isNew && <span class="badge">New</span>}
        </div>
        <PostMeta item={item} now={now} />
        {item.note && (
          <div class="note">
            <p class="note-label">Note from your comms team</p>
            <p class="note-text">{item.note}</p>
          </div>
        )}
        <SuggestedText text={text} shown={shown} options={textOptions(item)} onChoose={setChosen} />
        <ShareButtons contentId={item.id} networks={item.networks} text={text} />
      </div>
    </article>
  );
}
