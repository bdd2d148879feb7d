/**
 * The end of the rendered part of a long list: loads the next posts as it scrolls near (and on
 * click, for keyboards and when IntersectionObserver is missing).
 */
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { useNearEnd } from './useNearEnd';
import { t } from '../shared/i18n';

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
        {t('show_more')} <span class="muted">{t('show_more_remaining', { count: remaining })}</span>
      </button>
    </div>
  );
}
