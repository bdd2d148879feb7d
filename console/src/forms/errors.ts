/**
 * Field errors: zod issues and the server's problem+json `errors[]` both become one map from a
 * dotted path ("variants.linkedin.0") to a sentence, shown beside the field with that path.
 */
import type { z } from 'zod';
import type { FieldError } from '../api';

export type Errors = Record<string, string>;

function sentence(message: string): string {
  const text = message.trim();
  if (!text) return 'Not valid.';
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** zod's default wording (a schema's own messages, such as "a title is required", are kept as they are). */
const DEFAULT_MESSAGE = /^(Invalid input|Too small|Too big|Invalid (string|number|option|element|key|value)|Expected )/;

/** zod's own wording, made friendlier for a person filling a form. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return sentence(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a number.';
      if (issue.input === undefined) return 'Required.';
      return sentence(issue.message);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Required.' : `At least ${min} characters.`;
      if (issue.origin === 'array') return min <= 1 ? 'Add at least one.' : `Add at least ${min}.`;
      if (issue.origin === 'number' || issue.origin === 'int') return `Must be at least ${min}.`;
      return sentence(issue.message);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `At most ${max.toLocaleString('en-US')} characters.`;
      if (issue.origin === 'array') return `At most ${max} allowed.`;
      if (issue.origin === 'number' || issue.origin === 'int') return `Must be at most ${max.toLocaleString('en-US')}.`;
      return sentence(issue.message);
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return 'Enter a date and time.';
      if (issue.format === 'email') return 'Enter an email address.';
      return sentence(issue.message);
    default:
      return sentence(issue.message);
  }
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One message per path (the first), from a failed safeParse. */
export function zodErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const key = pathKey(issue.path);
    errors[key] ??= issueMessage(issue);
  }
  return errors;
}

/** The server's problem+json errors[]; a path given as "/a/b" (JSON pointer) works too. */
export function serverErrors(fields: readonly FieldError[]): Errors {
  const errors: Errors = {};
  for (const field of fields) {
    const key = field.path.replace(/^\//, '').replace(/\//g, '.');
    errors[key] ??= sentence(field.message);
  }
  return errors;
}

/** The error for a field: exactly its path, or the first one nested under it. */
export function errorAt(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [key, message] of Object.entries(errors)) if (key.startsWith(prefix)) return message;
  return undefined;
}
