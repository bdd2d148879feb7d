/** A labelled text input with an optional hint and error under it (both tied to the input by aria-describedby). */
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | null;
  readOnly?: boolean;
  invalid?: boolean;
  /** What is wrong with the value (shown under it; marks the field invalid). */
  error?: string | null;
  autoComplete?: string;
  inputMode?: 'text' | 'url';
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
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
        aria-invalid={props.invalid || !!props.error || undefined}
        aria-describedby={described || undefined}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellcheck={false}
      />
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
