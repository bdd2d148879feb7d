/** The 503 answers for a database that is unreachable, cannot write, or is busy: no driver detail leaks. */
import { ProblemError } from '../problem';
import { RETRY_AFTER } from './availability';
import { failureKind, type FailureKind } from './failures';

const DETAIL = {
  unreachable: 'The database cannot be reached right now. Try again in a few seconds.',
  storage: 'The server cannot save data right now. Try again later.',
  busy: 'The database is busy. Try again in a moment.',
} as const;

/** The 503 problem, with Retry-After, for a database that is away in this way. */
export function unavailableProblem(kind: FailureKind): ProblemError {
  return new ProblemError(503, DETAIL[kind], {
    type: 'unavailable',
    headers: { 'retry-after': String(RETRY_AFTER[kind]) },
  });
}

/** The 503 problem for a database failure that heals by itself, or undefined. */
export function databaseProblem(error: unknown): ProblemError | undefined {
  const kind = failureKind(error);
  return kind ? unavailableProblem(kind) : undefined;
}
