/** A value to paste elsewhere (a URL, a token): labelled, shown in full, with a Copy button that says whether it worked. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { copyText } from '../clipboard';

interface Props {
  /** The visible label, also naming the button ("Copy <label>"). */
  label: string;
  value: string;
  /** Larger type, for a secret shown once. */
  large?: boolean;
  hint?: string;
}

/** A URL may break after each slash on a narrow screen (anything else still breaks anywhere when it must). */
function breakable(value: string) {
  return value.split(/(?<=\/)/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

export function CopyValue({ label, value, large = false, hint }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = `copy-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  async function onCopy() {
    setState((await copyText(value)) ? 'copied' : 'failed');
  }
  return (
    <div class="copy-value">
      <span id={`${id}-label`} class="copy-value__label">
        {label}
      </span>
      {hint && <span class="copy-value__hint">{hint}</span>}
      <div class="copy-value__row">
        <code id={id} class={`copy-value__text${large ? ' copy-value__text--large' : ''}`}>
          {breakable(value)}
        </code>
        <button
          type="button"
          class="button button--small"
          aria-label={`Copy ${label.toLowerCase()}`}
          aria-describedby={`${id}-status`}
          onClick={() => void onCopy()}
        >
          Copy
        </button>
      </div>
      <span id={`${id}-status`} class="copy-value__status" role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'Couldn’t copy: select it and copy it yourself.'}
      </span>
    </div>
  );
}
