/**
 * Integration health counting in the page: what happened to this site's composers (found, not
 * recognised, insertions and publishes confirmed or not, selector overrides refused), as counts
 * only, sent to the background a couple of seconds after the first one and when the page goes.
 * The state is the isolated world's, so the content script and the UI script count together.
 */
import type { HealthCounter } from '../../lib/schemas/health';
import type { ComposerNetwork } from './types';

export type { HealthCounter };

/** A report as the composerHealth message carries it. */
export interface HealthReport {
  network: ComposerNetwork;
  counts: Partial<Record<HealthCounter, number>>;
}

const REPORT_AFTER_MS = 2_000;
const STATE_KEY = '__relayHealth';

interface HealthState {
  network: ComposerNetwork | null;
  /** Sends a report to the background (the content script's messaging). */
  send: ((report: HealthReport) => Promise<unknown>) | null;
  pending: Partial<Record<HealthCounter, number>>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

function state(): HealthState {
  const world = globalThis as { [STATE_KEY]?: HealthState };
  return (world[STATE_KEY] ??= { network: null, send: null, pending: {}, timer: undefined });
}

/** Names the site counted on this page and how reports go (the content script, at start); reports when the page goes. */
export function countHealthOn(network: ComposerNetwork, send: (report: HealthReport) => Promise<unknown>): void {
  Object.assign(state(), { network, send });
  addEventListener('pagehide', reportHealth);
}

/** Counts one (or `n`) of `counter` on this page's site. */
export function countHealth(counter: HealthCounter, n = 1): void {
  const current = state();
  if (!current.network || n <= 0) return;
  current.pending[counter] = (current.pending[counter] ?? 0) + n;
  current.timer ??= setTimeout(reportHealth, REPORT_AFTER_MS);
}

/** Sends what was counted since the last report (nothing when nothing was). */
export function reportHealth(): void {
  const current = state();
  if (current.timer !== undefined) clearTimeout(current.timer);
  current.timer = undefined;
  const counts = current.pending;
  current.pending = {};
  if (!current.network || !current.send || Object.keys(counts).length === 0) return;
  void current.send({ network: current.network, counts }).catch(() => undefined);
}
