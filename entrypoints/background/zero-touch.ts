/** Work-account sign-in as the background runs it: the interactive flow, and zero-touch's silent tries with their backoff and one notification. */
import type { WorkSignInFailureKind, WorkSignInResult } from '../../components/shared/views';
import type { BackgroundController } from './controller';
import { getMeta, setMeta } from './db';
import { NO_POLICY } from './policy';
import { offersWorkSignIn, signInWithWorkAccount } from './work-account';
import { t } from '../../components/shared/i18n';

export const SIGN_IN_ALARM = 'relay-sign-in';
export const SIGN_IN_NOTIFICATION = 'relay-sign-in';
/** Minutes before each silent retry after a failure; past the last, none until the next start-up. */
export const SILENT_BACKOFF_MINUTES: readonly number[] = [5, 15, 60];

/** What starts a silent attempt. */
export type SilentTrigger = 'install' | 'startup' | 'popup' | 'alarm' | 'policy';
/** Triggers that run on their own, without the person (they schedule the backoff and may notify). */
const UNATTENDED = new Set<SilentTrigger>(['install', 'startup', 'alarm', 'policy']);

/**
 * Zero-touch tries a silent sign-in (never a window) when the organisation's policy sets the server
 * and work-account sign-in applies, and this browser is not enrolled: on install, at browser
 * start-up, when the popup opens, and on a backoff alarm (5, 15, then 60 minutes; then not until
 * the next start-up). When it can't be silent, one notification, once per profile, invites the
 * person to sign in. After an access the company or an admin ended, only start-up and the backoff
 * try again. The popup's button and the notification start the interactive flow.
 */
export class WorkSignIn {
  /** The attempt under way (silent or interactive): one at a time. */
  private running: Promise<WorkSignInResult | null> | undefined;

  constructor(private readonly bg: BackgroundController) {}

  /** The interactive flow ("Sign in with your work account", or the notification): `serverUrl` when the person typed one. */
  async interactive(typedServerUrl?: string): Promise<WorkSignInResult> {
    while (this.running) await this.running.catch(() => undefined);
    return this.exclusive(async () => {
      await this.bg.accessEnding();
      if (await getMeta(this.bg.db, 'enrollment')) return { ok: true };
      const identity = this.bg.port.identity;
      if (!identity) return fail('sso-off', 'This browser cannot sign in with a work account. Use an invite code.');
      const policy = (await this.bg.port.policy?.()) ?? NO_POLICY;
      if (policy.signIn === 'invite') return fail('sso-off', 'Your organisation set Relay to use invite codes.');
      const serverUrl = (await this.bg.port.configuredServerUrl()) ?? typedServerUrl;
      if (!serverUrl) return fail('invalid', 'The server URL should look like https://relay.example.com.');
      const mode = policy.signIn ?? 'both';
      return this.enrolled(
        await signInWithWorkAccount(this.bg.db, { ...this.bg.transport, serverUrl, identity, interactive: true, mode }),
      );
    });
  }

  /** A silent attempt, when zero-touch applies; null when it does not (or another attempt is under way). */
  silent(trigger: SilentTrigger): Promise<WorkSignInResult | null> {
    if (this.running) return Promise.resolve(null);
    return this.exclusive(() => this.trySilently(trigger));
  }

  private async trySilently(trigger: SilentTrigger): Promise<WorkSignInResult | null> {
    const { db, port } = this.bg;
    const policy = (await port.policy?.()) ?? NO_POLICY;
    const mode = policy.signIn ?? 'both';
    const serverUrl = policy.serverUrl;
    const identity = port.identity;
    if (!serverUrl || mode === 'invite' || !identity) return null;
    await this.bg.accessEnding();
    if (await getMeta(db, 'enrollment')) return null;
    const ended = await getMeta(db, 'accessEnded');
    const removed = ended?.reason === 'revoked' || ended?.reason === 'deprovisioned';
    // After a removal, no loop: only start-up and the backoff try again.
    if (removed && trigger !== 'startup' && trigger !== 'alarm') return null;
    const state = (await getMeta(db, 'zeroTouch')) ?? { failures: 0 };
    if (trigger === 'startup') state.failures = 0;
    // "both": only when the server offers it (a server without it is no failure here).
    if (mode === 'both' && (await offersWorkSignIn(serverUrl, this.bg.transport)) === false) return null;
    const result = await this.enrolled(
      await signInWithWorkAccount(db, { ...this.bg.transport, serverUrl, identity, interactive: false, mode }),
    );
    if (result.ok) {
      await setMeta(db, 'zeroTouch', { ...state, failures: 0 });
      return result;
    }
    if (UNATTENDED.has(trigger)) {
      state.failures += 1;
      const wait = SILENT_BACKOFF_MINUTES[state.failures - 1];
      if (wait !== undefined) await port.scheduleAlarm(SIGN_IN_ALARM, Date.now() + wait * 60_000);
      if (result.kind === 'login-required' && !state.notifiedAt && !removed) {
        state.notifiedAt = new Date().toISOString();
        await port
          .notify(SIGN_IN_NOTIFICATION, t('notify_sign_in_title'), t('notify_sign_in_message'))
          .catch(() => undefined);
      }
    }
    await setMeta(db, 'zeroTouch', state);
    return result;
  }

  /** After a sign-in that enrolled: the popup is told, and the background syncs at once and connects the stream. */
  private async enrolled(result: WorkSignInResult): Promise<WorkSignInResult> {
    if (result.ok) {
      this.bg.port.broadcastChanged();
      await this.bg.wake();
    }
    return result;
  }

  /** Runs `work` as the one attempt under way (set before anything awaits, so two never overlap). */
  private exclusive<T extends WorkSignInResult | null>(work: () => Promise<T>): Promise<T> {
    const running = work();
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = undefined;
    };
    void running.then(clear, clear);
    return running;
  }
}

const fail = (kind: WorkSignInFailureKind, message: string): WorkSignInResult => ({ ok: false, kind, message });
