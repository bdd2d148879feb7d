/**
 * How bench/popup.ts opens the popup: stops the extension's service worker first (over the Chrome
 * DevTools Protocol, checked: the worker's target goes away, and opening the popup starts a new
 * one), forgets the popup's kept copy when asked (its localStorage, cleared before the popup's
 * scripts run), and reads when the list was first rendered and painted.
 *
 * Paint is read with Element Timing: the list's first card title (or the empty state) carries the
 * identifier LIST_PAINT_TIMING, and its entry's renderTime is when Chromium first painted it.
 */
import type { CDPSession } from '@playwright/test';
import { FIRST_RENDER_MARK, FIRST_PAGE, LIST_PAINT_TIMING } from '../components/popup/PostList';
import { FIRST_ANSWER_MARK } from '../components/popup/usePopupState';
import type { Advocate } from './advocate';

/** Between two opens, so the background's work for the last popup (port, messages) has settled. */
const SETTLE_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How the popup is opened: with its service worker stopped or running, with or without its kept copy. */
export interface OpenKind {
  workerStopped: boolean;
  keptCopy: boolean;
}

/** Milliseconds from the popup's navigation start. */
export interface Open {
  painted: number;
  firstRender: number;
  firstAnswer: number;
  domContentLoaded: number;
}

/** An advocate's browser and a DevTools session on the browser itself, which sees the extension's worker. */
export interface Opener {
  advocate: Advocate;
  session: CDPSession;
}

export async function opener(advocate: Advocate): Promise<Opener> {
  const browser = advocate.browser.context.browser();
  if (!browser)
    throw new Error(`${advocate.label}: Playwright gives no browser for this context (no DevTools session)`);
  return { advocate, session: await browser.newBrowserCDPSession() };
}

/** The extension's service-worker targets, as the browser lists them (Playwright's own list lags behind). */
async function workerTargets({ advocate, session }: Opener): Promise<string[]> {
  // `new URL().origin` is "null" for chrome-extension: URLs; the extension's root is not.
  const root = new URL('/', advocate.popupUrl).href;
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos
    .filter((info) => info.type === 'service_worker' && info.url.startsWith(root))
    .map((info) => info.targetId);
}

/** Polls `check` every 20 ms until it holds; throws `failure` after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, failure: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await sleep(20);
  }
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s idle: Target.closeTarget on its
 * target (as Chrome's extension docs test a worker's termination), then waits until the browser
 * lists no worker of the extension; throws when it still does (the figures would be a running
 * worker's). Returns the ids of the targets stopped.
 */
export async function stopWorker(target: Opener): Promise<string[]> {
  const stopped = await workerTargets(target);
  for (const targetId of stopped) await target.session.send('Target.closeTarget', { targetId });
  await until(
    async () => {
      const now = await workerTargets(target);
      return now.length === 0;
    },
    10_000,
    `${target.advocate.label}: the extension's service worker still runs 10 s after Target.closeTarget`,
  );
  return stopped;
}

/** Throws unless the extension's service worker runs (a "running" opening must find it so). */
async function checkRunning(target: Opener): Promise<void> {
  if ((await workerTargets(target)).length === 0)
    throw new Error(`${target.advocate.label}: the extension's service worker is not running before a warm opening`);
}

/** Opens the popup in a fresh tab, `kind` set up first, and reads when its list was first rendered and painted. */
export async function openPopup(target: Opener, kind: OpenKind): Promise<Open> {
  const { advocate } = target;
  const { context } = advocate.browser;
  const page = await context.newPage();
  try {
    // Before any script of the popup runs (clearing the origin's storage over the protocol was seen
    // to leave the copy readable to the next popup): its localStorage holds nothing but that copy
    // and the filters chosen, which this bench never sets.
    if (!kind.keptCopy) await page.addInitScript(() => localStorage.clear());
    // Last before navigating, so nothing (an alarm) can start the worker in between.
    const stopped = kind.workerStopped ? await stopWorker(target) : null;
    if (!stopped) await checkRunning(target);
    await page.goto(advocate.popupUrl, { waitUntil: 'commit' });
    await page.waitForFunction(
      ([render, answer]) =>
        performance.getEntriesByName(render).length > 0 && performance.getEntriesByName(answer).length > 0,
      [FIRST_RENDER_MARK, FIRST_ANSWER_MARK] as const,
      { timeout: 15_000, polling: 16 },
    );
    const seen = await page.evaluate(
      async ([render, answer, timing]) => {
        // Element Timing entries are only handed to an observer (buffered ones included).
        const painted = await new Promise<number>((resolve) => {
          const timer = setTimeout(() => resolve(Number.NaN), 5_000);
          new PerformanceObserver((list, observer) => {
            const entry = list
              .getEntries()
              .find((candidate) => (candidate as PerformanceEntry & { identifier?: string }).identifier === timing);
            if (!entry) return;
            clearTimeout(timer);
            observer.disconnect();
            resolve((entry as PerformanceEntry & { renderTime: number }).renderTime);
          }).observe({ type: 'element', buffered: true });
        });
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const rendered = performance.getEntriesByName(render)[0] as PerformanceMark | undefined;
        return {
          painted,
          firstRender: rendered?.startTime ?? Number.NaN,
          cards: (rendered?.detail as { cards?: unknown } | null)?.cards,
          firstAnswer: performance.getEntriesByName(answer)[0]?.startTime ?? Number.NaN,
          domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
          empty: document.querySelector('.empty') !== null,
        };
      },
      [FIRST_RENDER_MARK, FIRST_ANSWER_MARK, LIST_PAINT_TIMING] as const,
    );
    const what = `${advocate.label} (${kind.workerStopped ? 'worker stopped' : 'worker running'}, ${kind.keptCopy ? 'kept copy' : 'no kept copy'})`;
    const expectedCards = Math.min(advocate.posts, FIRST_PAGE);
    if (seen.cards !== expectedCards || seen.empty !== (advocate.posts === 0))
      throw new Error(
        `${what}: the list first rendered ${String(seen.cards)} cards${seen.empty ? ' and the empty state' : ''}, expected ${expectedCards}`,
      );
    if (!Number.isFinite(seen.painted) || seen.painted <= 0)
      throw new Error(`${what}: no Element Timing entry "${LIST_PAINT_TIMING}": the list was never painted`);
    if (seen.painted < seen.firstRender)
      throw new Error(
        `${what}: the list was painted (${seen.painted} ms) before it was rendered (${seen.firstRender} ms)`,
      );
    if (!kind.keptCopy && seen.firstRender < seen.firstAnswer)
      throw new Error(`${what}: the list rendered before the background answered, with the kept copy forgotten`);
    if (kind.keptCopy && seen.firstRender > seen.firstAnswer)
      throw new Error(`${what}: the list waited for the background's answer: the kept copy was not drawn`);
    // The opening itself started the worker again (its target keeps its id across restarts).
    if (stopped)
      await until(
        async () => (await workerTargets(target)).length > 0,
        5_000,
        `${what}: opening the popup did not start the extension's service worker`,
      );
    return {
      painted: seen.painted,
      firstRender: seen.firstRender,
      firstAnswer: seen.firstAnswer,
      domContentLoaded: seen.domContentLoaded,
    };
  } finally {
    await page.close();
    await sleep(SETTLE_MS);
  }
}
