/** Labelled inputs bound to one draft value: a Field (label, hint, error, aria) around an <input> or <textarea>. */
import type { ComponentChildren, InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'preact';
import type { Errors } from '../forms';
import { Field } from './ui';

interface Bound {
  form: string;
  path: string;
  label: ComponentChildren;
  errors?: Errors;
  hint?: ComponentChildren;
  /** Extra ids for aria-describedby (a counter, hints). */
  describedBy?: string[];
  after?: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
}

type Own = keyof Bound | 'id' | 'onInput' | 'children';

type InputProps = Bound & Omit<InputHTMLAttributes<HTMLInputElement>, Own> & { inputRef?: Ref<HTMLInputElement> };

export function InputField(props: InputProps) {
  const { form, path, label, errors, hint, describedBy, after, value, onValue, inputRef, ...input } = props;
  return (
    <Field form={form} path={path} label={label} errors={errors} hint={hint} describedBy={describedBy} after={after}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={inputRef}
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A whole number (the schema reports text that is not one). */
export function NumberField(props: Bound & { min?: number; max?: number }) {
  return <InputField type="number" inputMode="numeric" step={1} {...props} />;
}

export function TextareaField(props: Bound & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  const { form, path, label, errors, hint, describedBy, after, value, onValue, ...area } = props;
  return (
    <Field form={form} path={path} label={label} errors={errors} hint={hint} describedBy={describedBy} after={after}>
      {(control) => (
        <textarea {...area} {...control} value={value} onInput={(event) => onValue(event.currentTarget.value)} />
      )}
    </Field>
  );
}
