/**
 * RFC 9457 problem details: every failure the API answers is one of these, as
 * application/problem+json, and never carries a stack trace.
 */
import type { Context } from 'hono';
import type { z } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const PROBLEM_BASE = 'https://relay.invalid/problems/';

export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;
  /** RFC 9457 extension members, e.g. why a token was revoked, or the rules a post breaks. */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    detail: string,
    options: {
      type?: string;
      title?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.type = options.type ? PROBLEM_BASE + options.type : 'about:blank';
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...this.extensions,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function problemResponse(c: Context, problem: ProblemError): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...problem.headers },
  });
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown field is reported at the field itself, one error per key, not at its parent.
    if (issue.code === 'unrecognized_keys') {
      // A schema may say where a retired field went (lib/schemas/scoring.ts): that message is kept.
      const said = issue.message.startsWith('Unrecognized key') ? 'is not a known field' : issue.message;
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: said }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

export function validationProblem(error: z.ZodError, what = 'request body'): ProblemError {
  const errors = fieldErrors(error);
  const first = errors[0];
  const summary = first ? `${first.path || what}: ${first.message}` : 'invalid';
  return new ProblemError(422, `The ${what} is not valid (${summary}).`, { type: 'validation', errors });
}
