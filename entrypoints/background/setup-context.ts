/**
 * The setup screen's context (locked server URL, policy) without making the popup wait: Chrome's
 * first read of storage.managed in a new profile takes seconds, so the popup's state does not wait
 * for it longer than QUICK_MS. Until it arrives, no policy is assumed; when it does and says
 * something else, `onLate` tells the popup to ask again. Enrolment always waits for the real policy.
 */
import { NO_POLICY, type ManagedPolicy } from './policy';

/** How long the popup's state waits for the organisation's policy before answering without it. */
export const QUICK_MS = 250;

export interface PolicyRead {
  locked: string | null;
  policy: ManagedPolicy;
}

const NONE: PolicyRead = { locked: null, policy: NO_POLICY };

const isNone = (read: PolicyRead) =>
  read.locked === null && read.policy.serverUrl === null && read.policy.signIn === null;

export async function quickPolicyRead(
  read: () => Promise<PolicyRead>,
  onLate: () => void,
  waitMs = QUICK_MS,
): Promise<PolicyRead> {
  const real = read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const first = await Promise.race([real, late]);
  clearTimeout(timer);
  if (first) return first;
  void real.then(
    (answer) => !isNone(answer) && onLate(),
    () => undefined,
  );
  return NONE;
}
