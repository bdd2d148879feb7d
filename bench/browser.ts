/**
 * What the in-browser suites (popup, dexie) share: Debian's Chromium (never a downloaded browser)
 * with a throwaway on-disk profile, so IndexedDB is the real LevelDB-backed store rather than the
 * in-memory one of an incognito context, and small statistics over timed samples.
 *
 * BENCH_SAMPLES (default per suite) sets how many timed samples each side gets.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { SettingsError } from './suite';

/** CHROMIUM_PATH, else Debian's Chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Nothing outside the machine can be reached: every flag that would make Chromium try is off. */
const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only loopback resolves, so a stray request fails at once instead of waiting on the network.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export interface BenchBrowser {
  context: BrowserContext;
  /** Closes Chromium and deletes the profile. Safe to call twice. */
  close(): Promise<void>;
  /**
   * Closes Chromium and keeps its profile (extension storage, IndexedDB), for
   * `launchChromium({ profileFrom })`; the caller deletes it.
   */
  closeKeepingProfile(): Promise<string>;
}

/**
 * Headless Chromium on a fresh profile (a copy of `profileFrom` when given: a browser where an
 * advocate is enrolled, started anew); `extensionDir` loads an unpacked extension into it.
 */
export async function launchChromium(options: {
  extensionDir?: string;
  label: string;
  profileFrom?: string;
}): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `relay-bench-${options.label}-`));
  if (options.profileFrom) cpSync(options.profileFrom, profile, { recursive: true });
  const extensionArgs = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...extensionArgs, ...OFFLINE_ARGS],
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  let keepProfile = false;
  const close = () =>
    (closing ??= (async () => {
      try {
        await context.close();
      } finally {
        if (!keepProfile) rmSync(profile, { recursive: true, force: true });
      }
    })());
  const closeKeepingProfile = async () => {
    keepProfile = true;
    await close();
    return profile;
  };
  return { context, close, closeKeepingProfile };
}

/** BENCH_SAMPLES, else `fallback`. */
export function sampleCount(fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env.BENCH_SAMPLES;
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 3 || value > 500) {
    throw new SettingsError(`BENCH_SAMPLES must be a whole number from 3 to 500 (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** The p-th percentile (0–100) of `samples`, interpolating between the nearest two. */
export function quantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p / 100) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (at - low);
}

export const median = (samples: readonly number[]) => quantile(samples, 50);
export const p95 = (samples: readonly number[]) => quantile(samples, 95);

/** Runs `work`, failing with `what` when it takes longer than `ms`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
