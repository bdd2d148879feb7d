/**
 * Calls `onNear` when `target` comes within `margin` of the visible part of the scrolling `root`
 * (IntersectionObserver). The observer is recreated whenever `generation` changes, so it fires
 * again if the target is still in range after more posts were added.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export function useNearEnd(
  target: RefObject<Element>,
  root: RefObject<Element>,
  onNear: () => void,
  generation: number,
  margin = '600px',
): void {
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onNear();
      },
      { root: root.current, rootMargin: `0px 0px ${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, root, onNear, generation, margin]);
}
