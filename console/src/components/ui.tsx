/** Small building blocks shared by every screen: headings with focus management, fields, messages. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { errorAt, fieldId, focusField, type Errors } from '../forms';

let focusNextHeading = false;

/** The next PageHeader to mount takes focus (set on every route change, so screen readers announce it). */
export function requestHeadingFocus(): void {
  focusNextHeading = true;
}

interface PageHeaderProps {
  title: string;
  /** Shown after the title in the document title ("Guidelines · Relay admin"). */
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

export function PageHeader({ title, children, actions }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Relay admin`;
  }, [title]);
  useEffect(() => {
    if (focusNextHeading && heading.current) {
      focusNextHeading = false;
      heading.current.focus({ preventScroll: false });
    }
  }, []);
  return (
    <header class="page-header">
      <div class="page-header__text">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children && <div class="page-header__intro">{children}</div>}
      </div>
      {actions && <div class="page-header__actions">{actions}</div>}
    </header>
  );
}

type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

interface FieldProps {
  form: string;
  path: string;
  label: ComponentChildren;
  errors?: Errors;
  /** An error of this field alone (instead of looking it up in `errors`). */
  error?: string;
  hint?: ComponentChildren;
  /** Extra ids for aria-describedby (a counter, hints). */
  describedBy?: string[];
  class?: string;
  children: (props: FieldControlProps) => JSX.Element;
  after?: ComponentChildren;
}

/** A label, the control, an optional hint and the field's error, wired with ids and aria. */
export function Field({
  form,
  path,
  label,
  errors,
  error,
  hint,
  describedBy = [],
  children,
  after,
  ...rest
}: FieldProps) {
  const id = fieldId(form, path);
  const message = error ?? (errors ? errorAt(errors, path) : undefined);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const described = [hintId, errorId, ...describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${message ? ' field--invalid' : ''}${rest.class ? ` ${rest.class}` : ''}`}>
      <label for={id} class="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': described, 'aria-invalid': message ? true : undefined })}
      {message && (
        <p id={errorId} class="field__error">
          <span class="visually-hidden">Error: </span>
          {message}
        </p>
      )}
      {after}
    </div>
  );
}

/** A checkbox with its label to the right. */
export function Checkbox(props: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ComponentChildren;
  disabled?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="checkbox">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={hintId}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} class="field__hint checkbox__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

interface SummaryProps {
  form: string;
  errors: Errors;
  /** A readable name for a path ("variants.x.1" → "X variant 2"). */
  labelFor: (path: string) => string;
  title?: string;
  /** Changes whenever a new submit failed: the summary takes focus again. */
  attempt: number;
  /** Shows the field of a path first (opens its tab); focus moves once the screen has re-rendered. */
  reveal?: (path: string) => void;
}

/** "Fix these before saving": every error, each a button that moves to its field. Takes focus when shown. */
export function ErrorSummary({ form, errors, labelFor, title, attempt, reveal }: SummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (attempt > 0 && entries.length) box.current?.focus();
    // Only when a submit failed, not on every keystroke that changes the errors.
  }, [attempt]);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={`${form}-summary-title`}>
      <h2 id={`${form}-summary-title`} class="error-summary__title">
        {title ??
          (entries.length === 1 ? 'Fix this before saving' : `Fix these ${entries.length} problems before saving`)}
      </h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <button
              type="button"
              class="link-button"
              onClick={() => {
                if (!reveal) return focusField(form, path);
                reveal(path);
                window.setTimeout(() => focusField(form, path), 0);
              }}
            >
              {labelFor(path)}: {message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export type Notice = { kind: 'success' | 'error' | 'info'; text: string } | null;

/** A status line: errors are alerts, the rest polite status updates. */
export function NoticeLine({ notice, onDismiss }: { notice: Notice; onDismiss?: () => void }) {
  return (
    <div class="notice-slot" role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && (
        <p class={`notice notice--${notice.kind}`}>
          <span>{notice.text}</span>
          {onDismiss && (
            <button type="button" class="notice__dismiss" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </p>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="load-error" role="alert">
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** Skip link: moves focus to the main landmark without touching the hash (the router owns it). */
export function SkipLink() {
  return (
    <a
      class="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}
