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

export interface FieldSpec<K extends string> {
  key: K;
  label: string;
  hint: string;
  /** More attributes of its <input> (a datalist, autocomplete). */
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, Own>;
}

/** One InputField per spec, each bound to the draft value of its key (the key is also its path). */
export function InputFields<K extends string>(props: {
  form: string;
  errors: Errors;
  type: string;
  fields: readonly FieldSpec<K>[];
  values: Record<K, string>;
  set: (key: K) => (value: string) => void;
}) {
  const { form, errors, type, values, set } = props;
  return (
    <>
      {props.fields.map(({ key, label, hint, input }) => (
        <InputField
          key={key}
          form={form}
          path={key}
          label={label}
          errors={errors}
          hint={hint}
          type={type}
          {...input}
          value={values[key]}
          onValue={set(key)}
        />
      ))}
    </>
  );
}
