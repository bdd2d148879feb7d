/** A labelled text input with an optional hint under it (tied to the input by aria-describedby). */
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | null;
  readOnly?: boolean;
  invalid?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'url';
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type="text"
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        readOnly={props.readOnly}
        required
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.hint ? hintId : undefined}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellcheck={false}
      />
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
