/**
 * Stands in for `serialize-error` in the scripts that run in LinkedIn and X pages (wxt.config.ts
 * aliases it there). @webext-core/messaging needs it only to carry an error between contexts: the
 * content scripts just send messages, and an error the background answers with becomes an Error
 * whose name, message and stack they show in their one console warning. serialize-error's module
 * set-up (a table of every error constructor, DOMException included) would run on every page load.
 */

interface PlainError {
  name: string;
  message: string;
  stack?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function serializeError(error: unknown): PlainError | unknown {
  if (!(error instanceof Error)) return error;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

export function deserializeError(value: unknown): Error {
  if (value instanceof Error) return value;
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const message =
    text(fields.message) ?? (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
  const error = new Error(message);
  error.name = text(fields.name) ?? 'Error';
  const stack = text(fields.stack);
  if (stack) error.stack = stack;
  return error;
}
