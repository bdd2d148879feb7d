/** What a SCIM request hands scimmy's ingress, egress and degress handlers (their `ctx`), and how their failures get out. */
import SCIMMY from 'scimmy';
import type { Deps } from '../context';

export type ScimDeps = Pick<Deps, 'db' | 'dialect' | 'changes' | 'now' | 'config'>;

export interface ScimCall {
  deps: ScimDeps;
  /** POST creates; PUT replaces what it names; PATCH writes back the representation its operations changed. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * A failure that is not a SCIM error (the database, a refusal of ours): scimmy answers anything
   * else a handler throws as 404, so it is kept here and the route throws it instead.
   */
  failure?: unknown;
  /** The page a list asked for (1-based), which scimmy's ListResponse is not told: see paging.ts. */
  startIndex?: number;
  /** A group's members as read for a PATCH, before its operations (groups.ts). */
  members?: string[];
  /** A user as read for a PATCH, before its operations (users.ts). */
  user?: Record<string, unknown>;
}

/** Runs a handler's work, keeping any failure scimmy would misreport (anything but its own errors). */
export async function keepFailure<T>(ctx: ScimCall, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SCIMMY.Types.Error)) ctx.failure ??= error;
    throw error;
  }
}

/** A SCIM error for scimmy to answer as is. */
export function scimError(status: number, scimType: string | null, detail: string): Error {
  return new SCIMMY.Types.Error(status, scimType as string, detail);
}
