/** "Publish anyway?": the must-fix rules a post breaks, in words, and the reason the admin must give to publish it regardless. */
import { useRef, useState } from 'preact/hooks';
import { SEVERITY_LABELS } from '../../../lib/guidelines';
import { mustFixCount, variantName, type MustFixFailure } from '../must-fix';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  failures: MustFixFailure[];
  /** "Publish" or "Schedule": what the admin was doing. */
  verb: 'Publish' | 'Schedule';
  onPublish: (reason: string) => Promise<void>;
  onClose: () => void;
}

const MAX_REASON = 500;

export function MustFixDialog({ failures, verb, onPublish, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = 'must-fix';

  function validate(): boolean {
    const text = reason.trim();
    const problem = text === '' ? 'Say why it should go out anyway: it is recorded with the post.' : null;
    setError(problem);
    if (problem) input.current?.focus();
    return problem === null;
  }

  return (
    <ConfirmDialog
      id={id}
      title={`This post breaks ${mustFixCount(failures.length)}`}
      confirm={`${verb} anyway`}
      cancel="Go back and fix"
      failure={`Couldn’t ${verb.toLowerCase()} the post`}
      validate={validate}
      onConfirm={() => onPublish(reason.trim())}
      onClose={onClose}
    >
      <p>Advocates would share these words as they are. Fix them, or say why they should go out anyway.</p>
      <ul class="must-fix__list" aria-label="Rules this post breaks">
        {failures.map((failure, index) => (
          <li key={index} class="check check--error">
            <strong>{SEVERITY_LABELS.error}</strong> · {failure.label}, {variantName(failure)}: {failure.message}
          </li>
        ))}
      </ul>
      <div class="field">
        <label for={`${id}-reason`}>Why publish it anyway?</label>
        <p id={`${id}-reason-hint`} class="field__hint">
          Recorded with the post, your name and the time, and shown wherever the post is listed.
        </p>
        <input
          ref={input}
          id={`${id}-reason`}
          type="text"
          value={reason}
          maxLength={MAX_REASON}
          aria-required="true"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-reason-hint ${id}-reason-error` : `${id}-reason-hint`}
          onInput={(event) => {
            setReason(event.currentTarget.value.replace(/[\r\n]+/gu, ' '));
            if (error) setError(null);
          }}
        />
        {error && (
          <p id={`${id}-reason-error`} class="field__error">
            {error}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
