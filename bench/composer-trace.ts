/**
 * Main-thread time spent in the extension's content scripts, from a Chromium performance trace:
 * the time of every top-level script task (evaluation, function calls, timers, observers) whose
 * script is one of the extension's, with nested events counted once. Two measures: wall time
 * (`dur`: what the main thread was held for, including while the OS ran something else on a busy
 * machine) and thread time (`tdur`: CPU time the main thread actually spent in those tasks).
 *
 * Chromium names no script for the promise continuations that run when an answer from the
 * extension's background arrives (a task that receives an IPC message, then runs its microtasks),
 * yet that is the content script's work too: reading the answer, mounting its button. Those
 * microtask checkpoints are counted as the extension's when their task ran none of the page's
 * scripts (`messageCpuMs` says how much that added). The same rule applied to the page alone
 * finds nothing (the composer bench checks it), so it takes none of the page's time.
 *
 * The rendering those scripts cause in later frames (style, layout, pre-paint, paint) is read from the same trace
 * by composer-render.ts and added, each stretch of the thread clock once (`totalCpuMs`).
 */
import type { CDPSession } from '@playwright/test';
import { RENDER_CATEGORIES, renderShare, type Span, type TraceEvent } from './composer-render';

/** Where a task starts; the task that received a message; where it ran its promise continuations. */
const TASK = 'RunTask';
const MESSAGE = 'Receive mojo message';
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'TimerFire',
  'FireAnimationFrame',
  'v8.callFunction',
  'EventDispatch',
]);

export interface TracedTime<T> {
  /** Wall-clock ms of the extension's script tasks (old rule: scripts and answers only). */
  ms: number;
  /** Thread-clock ms of the extension's scripts and the continuations of its answers (old rule). */
  cpuMs: number;
  /** Of `cpuMs`: the continuations of the background's answers. */
  messageCpuMs: number;
  /** Thread-clock ms of rendering in frames the extension's changes invalidated (composer-render.ts). */
  renderCpuMs: number;
  /** Of `renderCpuMs`: frames the page (or an unknown cause) invalidated too. */
  sharedRenderCpuMs: number;
  /** `cpuMs` and `renderCpuMs` together, each stretch of the thread clock once: what the targets are judged on. */
  totalCpuMs: number;
  /** The charged rendering by phase (ms). */
  renderByPhase: Map<string, number>;
  /** All rendering on the extension's thread after its first script event, whoever caused it (ms). */
  renderAfterStartCpuMs: number;
  /** All rendering in the trace, whoever caused it (ms). */
  renderAllCpuMs: number;
  result: T;
}

export async function traceScriptTime<T>(
  cdp: CDPSession,
  prefix: string,
  work: () => Promise<T>,
): Promise<TracedTime<T>> {
  const events: TraceEvent[] = [];
  const collect = (payload: { value: object[] }) => {
    events.push(...(payload.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'v8',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'mojom',
        ...RENDER_CATEGORIES,
      ],
    },
    transferMode: 'ReportEvents',
  });
  const result = await work();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return { ...analyseTrace(events, prefix), result };
}

/** The extension's share of a trace's main-thread time, by the rules above. */
export function analyseTrace(events: TraceEvent[], prefix: string): Omit<TracedTime<never>, 'result'> {
  const complete = events.filter((event) => event.ph === 'X' && event.dur !== undefined);
  const scripts = complete.filter((event) => SCRIPT_EVENTS.has(event.name) && scriptUrl(event) !== '');
  const ours = scripts.filter((event) => scriptUrl(event).startsWith(prefix));
  const page = scripts.filter((event) => !scriptUrl(event).startsWith(prefix));
  const answers = messageContinuations(complete, page);
  const spans = (list: TraceEvent[]) => ({
    wall: list.map((event) => ({ event, start: event.ts, length: event.dur! })),
    cpu: list
      .filter((event) => event.tts !== undefined && event.tdur !== undefined)
      .map((event) => ({ event, start: event.tts!, length: event.tdur! })),
  });
  const own = spans(ours);
  const extra = spans(answers);
  const wall = coveredOnce([...own.wall, ...extra.wall]);
  const scriptCpu = coveredOnce(own.cpu);
  const cpu = coveredOnce([...own.cpu, ...extra.cpu]);
  const render = renderShare(
    complete.concat(events.filter((event) => event.ph === 'I' || event.ph === 'i')),
    prefix,
    [...ours, ...answers],
    page,
    Math.min(...ours.map((event) => event.ts)),
  );
  const total = coveredOnce([...own.cpu, ...extra.cpu, ...render.spans]);
  return {
    ms: wall / 1000,
    cpuMs: cpu / 1000,
    messageCpuMs: (cpu - scriptCpu) / 1000,
    renderCpuMs: render.cpuUs / 1000,
    sharedRenderCpuMs: render.sharedCpuUs / 1000,
    totalCpuMs: total / 1000,
    renderByPhase: new Map([...render.byPhase].map(([phase, us]) => [phase, us / 1000])),
    renderAfterStartCpuMs: render.afterStartCpuUs / 1000,
    renderAllCpuMs: render.allCpuUs / 1000,
  };
}

function scriptUrl(event: TraceEvent): string {
  const data = event.args?.data;
  return data?.url ?? data?.scriptName ?? data?.stackTrace?.[0]?.url ?? '';
}

/**
 * The microtask checkpoints of tasks that received an IPC message and ran none of the page's
 * scripts: promise continuations of an answer to the content script.
 */
function messageContinuations(complete: TraceEvent[], page: TraceEvent[]): TraceEvent[] {
  const pageEvents = new Set(page);
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of complete) {
    const key = `${event.pid}:${event.tid}`;
    const list = byThread.get(key);
    if (list) list.push(event);
    else byThread.set(key, [event]);
  }
  const found: TraceEvent[] = [];
  for (const list of byThread.values()) {
    // Outer events before the events they hold.
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    for (let i = 0; i < list.length; i++) {
      const task = list[i]!;
      if (task.name !== TASK) continue;
      const end = task.ts + task.dur!;
      let j = i + 1;
      let message = false;
      let pageScript = false;
      const checkpoints: TraceEvent[] = [];
      for (; j < list.length && list[j]!.ts < end; j++) {
        const event = list[j]!;
        if (event.name === MESSAGE) message = true;
        else if (event.name === MICROTASKS) checkpoints.push(event);
        else if (pageEvents.has(event)) pageScript = true;
      }
      if (message && !pageScript) found.push(...checkpoints);
      // The next top-level task starts after this one.
      i = j - 1;
    }
  }
  return found;
}

/** Total µs of the spans, each stretch of a thread's clock counted once (nested events skipped). */
function coveredOnce(spans: Span[]): number {
  let total = 0;
  const endByThread = new Map<string, number>();
  for (const { event, start, length } of spans.sort((a, b) => a.start - b.start)) {
    const key = `${event.pid}:${event.tid}`;
    const end = start + length;
    const covered = endByThread.get(key) ?? 0;
    if (start >= covered) {
      total += length;
      endByThread.set(key, end);
    } else if (end > covered) {
      total += end - covered;
      endByThread.set(key, end);
    }
  }
  return total;
}
