/**
 * The end of the rendered part of a long list: loads the next posts as it scrolls near (and on
 * click, for keyboards and when IntersectionObserver is missing).
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { plural } from './plural';
import { useNearEnd } from './useNearEnd';

interface Props {
  remaining: number;
  shown: number;
  scrollRoot: RefObject<HTMLElement>;
  onAuto: () => void;
  onClick: () => void;
}

export function ShowMore({ remaining, shown, scrollRoot, onAuto, onClick }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useNearEnd(ref, scrollRoot, onAuto, shown);
  return (
    <div class="show-more">
      <button ref={ref} type="button" class="button" onClick={onClick}>
        Show more posts <span class="muted">({plural(remaining, 'more', 'more')})</span>
      </button>
    </div>
  );
}
