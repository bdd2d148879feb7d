/**
 * Main-thread time spent in the extension's content scripts, from a Chromium performance trace:
 * the time of every top-level script task (evaluation, function calls, timers, observers) whose
 * script is one of the extension's, with nested events counted once. Two measures: wall time
 * (`dur`: what the main thread was held for, including while the OS ran something else on a busy
 * machine) and thread time (`tdur`: CPU time the main thread actually spent in those tasks).
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock start and duration, µs. */
  tts?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

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

export async function traceScriptTime<T>(
  cdp: CDPSession,
  prefix: string,
  work: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; result: T }> {
  const events: TraceEvent[] = [];
  const collect = (payload: { value: object[] }) => {
    events.push(...(payload.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  const result = await work();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const ours = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined && SCRIPT_EVENTS.has(event.name))
    .filter((event) => {
      const data = event.args?.data;
      const url = data?.url ?? data?.scriptName ?? data?.stackTrace?.[0]?.url ?? '';
      return url.startsWith(prefix);
    })
    .sort((a, b) => a.ts - b.ts);
  const wall = coveredOnce(ours.map((event) => ({ event, start: event.ts, length: event.dur! })));
  const cpu = coveredOnce(
    ours
      .filter((event) => event.tts !== undefined && event.tdur !== undefined)
      .map((event) => ({ event, start: event.tts!, length: event.tdur! })),
  );
  return { ms: wall / 1000, cpuMs: cpu / 1000, result };
}

/** Total µs of the spans, each stretch of a thread's clock counted once (nested events skipped). */
function coveredOnce(spans: { event: TraceEvent; start: number; length: number }[]): number {
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
