/** What the organisation set by enterprise policy (storage.managed, public/managed-schema.json), read tolerantly. */
import { browser } from 'wxt/browser';
import { normalizeServerUrl } from '../../lib/server-url';
import type { SignInMode } from '../../components/shared/views';

export type { SignInMode };

export const SIGN_IN_MODES: readonly SignInMode[] = ['sso', 'invite', 'both'];

export interface ManagedPolicy {
  /** The server the organisation set, normalised; null when unset or not a URL. */
  serverUrl: string | null;
  /** How people may sign in; null when unset or a value this version does not know. */
  signIn: SignInMode | null;
}

export const NO_POLICY: ManagedPolicy = { serverUrl: null, signIn: null };

/** The policy from storage.managed's raw values: anything unknown or malformed is ignored. */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  const values = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const serverUrl = typeof values.serverUrl === 'string' ? normalizeServerUrl(values.serverUrl) : null;
  const signIn =
    typeof values.signIn === 'string' && (SIGN_IN_MODES as readonly string[]).includes(values.signIn.trim())
      ? (values.signIn.trim() as SignInMode)
      : null;
  return { serverUrl, signIn };
}

/** The managed policy of this browser; none where there is no policy store (e.g. Firefox without a policy). */
export async function managedPolicy(): Promise<ManagedPolicy> {
  try {
    return readManagedPolicy(await browser.storage.managed.get(['serverUrl', 'signIn']));
  } catch {
    return NO_POLICY;
  }
}
