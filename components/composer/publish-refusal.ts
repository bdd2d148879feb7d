/**
 * The site refusing a publish: after a Post click the sites disable their Post button while the
 * post goes out; when it fails they show an error and enable the button again, the composer still
 * open with its text. That second change is the site's word that nothing was published, so the
 * pending publish is dropped (else closing the composer afterwards would count as published).
 */
import { isDisabledButton } from './site-signals';

/** How long a Post button is watched after a click: as long as a publish may wait for its signal. */
const WATCH_MS = 30_000;

/**
 * Calls `onRefused` once when `button` goes disabled and then enabled again while `editor` is
 * still on the page. Returns the function that stops watching.
 */
export function watchRefusal(button: HTMLElement, editor: HTMLElement, onRefused: () => void): () => void {
  let sawDisabled = isDisabledButton(button);
  const observer = new MutationObserver(() => {
    if (isDisabledButton(button)) {
      sawDisabled = true;
      return;
    }
    if (!sawDisabled || !editor.isConnected || !button.isConnected) return;
    stop();
    onRefused();
  });
  const timer = setTimeout(() => stop(), WATCH_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(button, { attributes: true, attributeFilter: ['disabled', 'aria-disabled'] });
  return stop;
}
