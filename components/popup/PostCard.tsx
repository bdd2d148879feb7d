/**
 * One post, compact: thumbnail, title (a link to the article), source and age, its networks, the
 * "Shared on … · 2 minutes ago" mark, and one Share button that opens the share panel (the text
 * of the network it shares on, the network switch, Share and Copy). Server text is rendered as text.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import { networkLabel } from '../../lib/networks';
import { safeHttpUrl } from '../../lib/safe-url';
import type { PopupItem, SharePoints } from '../shared/messaging';
import { NetworkIcon } from '../shared/NetworkIcon';
import { PostMeta, sourceOf } from './PostMeta';
import { PostThumb } from './PostThumb';
import { SharePanel } from './SharePanel';
import { sharedMark } from './sharedMark';
import { shareOptions, shownNetwork } from './suggestionChoice';
import { t } from '../shared/i18n';

interface Props {
  item: PopupItem;
  isNew: boolean;
  /** The Network filter, then the network the advocate shares on most recently: the card's first choice. */
  preferred: readonly (Network | '' | null)[];
  now: number;
  /** The post a notification pointed at: highlighted, scrolled to and focused on mount. */
  highlighted?: boolean;
  /** Focus on mount (the first card "Show more" revealed). */
  focusOnMount?: boolean;
  onShared: (network: Network, points: SharePoints | null | undefined) => void;
  /** An Element Timing identifier for the title (the list's first card: when posts are first painted). */
  timing?: string;
}

export function PostCard({ item, isNew, preferred, now, highlighted, focusOnMount, onShared, timing }: Props) {
  const titleId = useId();
  const panelId = `${titleId}-share`;
  const ref = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Network | null>(null);
  const network = shownNetwork(item, chosen, ...preferred);
  const href = safeHttpUrl(item.url);

  useEffect(() => {
    const element = ref.current;
    if (!element || !(highlighted || focusOnMount)) return;
    if (highlighted) element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
    // Only on mount: later renders must not steal focus or scroll.
  }, []);

  return (
    <article
      ref={ref}
      class={`post${highlighted ? ' post--highlight' : ''}${open ? ' post--open' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div class="post-row">
        <PostThumb url={item.imageUrl} source={sourceOf(item.url)} />
        <div class="post-main">
          <div class="post-title-row">
            <h2 id={titleId} class="post-title" elementtiming={timing}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {item.title}
                </a>
              ) : (
                item.title
              )}
            </h2>
            {isNew && <span class="badge">{t('popup_new')}</span>}
          </div>
          <PostMeta item={item} now={now} />
        </div>
      </div>
      <div class="post-foot">
        <p class={item.lastShare ? 'post-shared' : 'post-networks'}>
          {item.lastShare ? (
            <>
              <span aria-hidden="true">✓ </span>
              {sharedMark(item.lastShare, now)}
            </>
          ) : (
            <>
              <span class="visually-hidden">{`${t('popup_for')} `}</span>
              {shareOptions(item).map((id) => (
                <span key={id} class="post-network" title={networkLabel(id)}>
                  <NetworkIcon network={id} />
                  <span class="visually-hidden">{networkLabel(id)} </span>
                </span>
              ))}
            </>
          )}
        </p>
        {network && (
          <button
            type="button"
            class={`button button--small ${open ? '' : 'button--primary'} share-toggle`}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            {item.lastShare ? t('popup_share_again') : t('popup_share')}
            <span class="chevron" aria-hidden="true">
              {open ? '▴' : '▾'}
            </span>
          </button>
        )}
      </div>
      {open && network && (
        <SharePanel id={panelId} item={item} network={network} onChoose={setChosen} onShared={onShared} />
      )}
    </article>
  );
}
