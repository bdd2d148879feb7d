/** SCIM's own error answers (RFC 7644 §3.12): every failure on /scim/v2 as a SCIM Error message, never problem+json. */
import type { MiddlewareHandler } from 'hono';
import SCIMMY from 'scimmy';
import type { AppEnv } from '../context';
import { databaseProblem } from '../db/problems';
import { ProblemError } from '../problem';

export const SCIM_MEDIA_TYPE = 'application/scim+json; charset=utf-8';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12 detail keywords. */
export type ScimType =
  | 'uniqueness'
  | 'tooMany'
  | 'invalidFilter'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** A refusal on a SCIM route: a ProblemError (so it is answered, not logged, as an error) with its SCIM keyword. */
export class ScimProblem extends ProblemError {
  readonly scimType?: ScimType;

  constructor(status: number, detail: string, scimType?: ScimType, headers?: Record<string, string>) {
    super(status, detail, { type: 'scim', headers });
    this.scimType = scimType;
  }
}

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: string;
  detail: string;
}

/** The SCIM Error message: scimmy's ErrorResponse where it knows the status, the same shape otherwise (415, 429, 503). */
export function scimErrorBody(status: number, detail: string, scimType?: string): ScimErrorBody {
  let message: { status: unknown; scimType?: unknown } = { status: String(status), scimType };
  try {
    message = new SCIMMY.Messages.ErrorResponse({ status, detail, scimType } as never);
  } catch {
    // A status or keyword pairing RFC 7644 does not list (415, 429, 503): the same message, built here.
  }
  const keyword = typeof message.scimType === 'string' ? message.scimType : undefined;
  return { schemas: [ERROR_SCHEMA], status: String(message.status), ...(keyword ? { scimType: keyword } : {}), detail };
}

/** What any failure on a SCIM route answers: its status, keyword and detail (never a stack). */
export function scimFailure(error: unknown): { status: number; scimType?: string; detail: string } {
  if (error instanceof ScimProblem) return { status: error.status, scimType: error.scimType, detail: error.message };
  if (error instanceof SCIMMY.Types.Error) {
    return { status: error.status, scimType: error.scimType ?? undefined, detail: error.message };
  }
  const problem = error instanceof ProblemError ? error : databaseProblem(error);
  if (problem) {
    const scimType = problem.status === 409 ? 'uniqueness' : problem.status === 400 ? 'invalidValue' : undefined;
    return { status: problem.status, scimType, detail: problem.message };
  }
  return { status: 500, detail: 'Something went wrong on the server. It has been logged.' };
}

export function scimErrorResponse(error: unknown): Response {
  const { status, scimType, detail } = scimFailure(error);
  return new Response(JSON.stringify(scimErrorBody(status, detail, scimType)), {
    status,
    headers: { ...(error instanceof ProblemError ? error.headers : {}), 'content-type': SCIM_MEDIA_TYPE },
  });
}

/**
 * First in a SCIM route's chain: whatever failed after it (auth, the rate limit, the handler, the
 * database) was already answered as problem+json by app.onError (and logged when unexpected); this
 * answers it again as a SCIM Error message, keeping the headers (WWW-Authenticate, Retry-After).
 */
export function scimErrors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.error) c.res = scimErrorResponse(c.error);
  };
}
