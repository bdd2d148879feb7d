/** "Copy": puts the suggested text on the clipboard and says "Copied" (role=status) for a moment. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

const FEEDBACK_MS = 2500;

export function CopyButton({ text }: { text: string | null }) {
  const [feedback, setFeedback] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    if (text === null) return;
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setFeedback('copied');
      timer.current = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    } catch {
      setFeedback('failed');
    }
  }

  return (
    <>
      <button type="button" class="button button--small" onClick={copy} disabled={text === null}>
        {t('copy')}
      </button>
      {feedback && (
        <span class={feedback === 'copied' ? 'copy-feedback' : 'copy-feedback copy-feedback--error'} role="status">
          {feedback === 'copied' ? t('copied') : t('copy_failed')}
        </span>
      )}
    </>
  );
}
