/**
 * The rendering work (style, layout, pre-paint, paint, layerize, commit) the extension's content scripts cause in a
 * page, read from the same Chromium trace as their script time (composer-trace.ts).
 *
 * Work forced inside the extension's own script slices (a DOM read after a write) is already in their time. The rest
 * runs later, in the renderer's next frame, under no script. A frame's rendering is charged to the extension when
 * what made it necessary was: Chromium's invalidation tracking records every style and layout invalidation (a node
 * inserted, a class or style changed) as it happens, on the main thread, where one script runs at a time. One made
 * while the extension's script or one of its answers' continuations ran is the extension's; one made inside the
 * page's scripts is the page's (a JavaScript stack, when the trace has one, decides first); one made under no script
 * (the parser, a loaded image or font) has no known cause. Stacks are not asked for: capturing them costs the
 * measured scripts milliseconds. A frame whose invalidations since the previous frame include one of the extension's
 * is counted whole, and when others invalidated it too, that part is reported on its own (`sharedCpuUs`) so a frame
 * that is mostly the page's can be seen. Frames nobody in JavaScript invalidated, or only the page did, are the page's.
 *
 * Also for a cross-check by difference (same run, another browser): all rendering on the content script's thread
 * after its first script evaluation, whoever caused it (`afterStartCpuUs`); the same content scripts cut down to nothing
 * (the bench's floor) give the rendering the page does there anyway.
 */
import { median } from './browser';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock start and duration, µs. */
  tts?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: {
    data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] };
  };
}

/** The renderer's main-thread rendering phases (Chromium 12x–15x names). */
export const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'ParseAuthorStyleSheet',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'UpdateLayer',
  'Commit',
]);

/** Instant events that mark a change needing style or layout, with the stack that made it when JavaScript did. */
const CAUSE_EVENTS = new Set([
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
  'StyleRecalcInvalidationTracking',
  'ScheduleStyleInvalidationTracking',
  'StyleInvalidatorInvalidationTracking',
  'LayoutInvalidationTracking',
]);

/** Trace categories the rendering attribution needs, beside the timeline's. */
export const RENDER_CATEGORIES = [
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.frame',
];

/** The rendering phases as the phase table groups them. */
export const PHASES = [
  { label: 'style', names: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'] },
  { label: 'layout', names: ['Layout'] },
  { label: 'pre-paint', names: ['PrePaint'] },
  { label: 'paint', names: ['Paint'] },
  { label: 'layerize, commit', names: ['Layerize', 'UpdateLayer', 'Commit'] },
];
export const phaseMedian = (samples: Map<string, number>[], names: string[]) =>
  median(samples.map((phases) => names.reduce((sum, name) => sum + (phases.get(name) ?? 0), 0)));
const TASK = 'RunTask';

export interface Span {
  event: TraceEvent;
  start: number;
  length: number;
}

export interface RenderShare {
  /** Thread-clock µs of rendering in frames the extension invalidated (outside its own script slices). */
  cpuUs: number;
  /** Of `cpuUs`: frames that the page (or an unknown cause) invalidated too. */
  sharedCpuUs: number;
  /** The charged frames' rendering, by phase name (nested phases within their outer one). */
  byPhase: Map<string, number>;
  /** The charged rendering events, for adding to the script spans without counting anything twice. */
  spans: Span[];
  /** Thread-clock µs of all rendering (renderer main threads) after the extension's first script evaluation. */
  afterStartCpuUs: number;
  /** Thread-clock µs of all rendering in the trace, whoever caused it. */
  allCpuUs: number;
}

const threadOf = (event: TraceEvent) => `${event.pid}:${event.tid}`;
const within = (inner: TraceEvent, outer: TraceEvent) =>
  inner.ts >= outer.ts && inner.ts <= outer.ts + (outer.dur ?? 0) && threadOf(inner) === threadOf(outer);

function byThread(events: TraceEvent[]): Map<string, TraceEvent[]> {
  const map = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const list = map.get(threadOf(event));
    if (list) list.push(event);
    else map.set(threadOf(event), [event]);
  }
  for (const list of map.values()) list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  return map;
}

/** The outermost of `events` (one thread, sorted by start): those no other of them holds. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of events) {
    if (event.ts < end) continue;
    out.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return out;
}

/** Whether `at` falls in one of `slices` (one thread, outermost, sorted): binary search. */
function inSlices(slices: TraceEvent[], at: number): boolean {
  let low = 0;
  let high = slices.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const slice = slices[mid]!;
    if (at < slice.ts) high = mid - 1;
    else if (at > slice.ts + (slice.dur ?? 0)) low = mid + 1;
    else return true;
  }
  return false;
}

type Cause = 'ours' | 'page' | 'unknown';

function causeOf(event: TraceEvent, prefix: string, ours: TraceEvent[], page: TraceEvent[]): Cause {
  const stack = event.args?.data?.stackTrace;
  if (stack && stack.length > 0) {
    const url = stack.find((frame) => frame.url)?.url ?? '';
    return url.startsWith(prefix) ? 'ours' : 'page';
  }
  if (inSlices(ours, event.ts)) return 'ours';
  if (inSlices(page, event.ts)) return 'page';
  return 'unknown';
}

/**
 * The rendering the extension caused, from a trace's events. `ourSlices` are the extension's script slices (and the
 * promise continuations of its answers), `pageSlices` the page's script slices: both complete events.
 */
export function renderShare(
  events: TraceEvent[],
  prefix: string,
  ourSlices: TraceEvent[],
  pageSlices: TraceEvent[],
  /** When the extension's first script ran (trace clock, µs). */
  firstScript: number,
): RenderShare {
  const share: RenderShare = {
    cpuUs: 0,
    sharedCpuUs: 0,
    byPhase: new Map(),
    spans: [],
    afterStartCpuUs: 0,
    allCpuUs: 0,
  };
  const ourThreads = byThread(ourSlices);
  const pageThreads = byThread(pageSlices);
  // Renderer main threads: where the extension's scripts ran, or any rendering did.
  const threads = new Set(ourThreads.keys());
  for (const event of events) if (event.ph === 'X' && RENDER_EVENTS.has(event.name)) threads.add(threadOf(event));
  const relevant = events.filter(
    (event) =>
      threads.has(threadOf(event)) &&
      ((event.ph === 'X' && (RENDER_EVENTS.has(event.name) || event.name === TASK)) ||
        ((event.ph === 'I' || event.ph === 'i') && CAUSE_EVENTS.has(event.name))),
  );
  for (const [thread, list] of byThread(relevant)) {
    const ours = outermost(ourThreads.get(thread) ?? []);
    const page = outermost(pageThreads.get(thread) ?? []);
    const scripts = [...ours, ...page].sort((a, b) => a.ts - b.ts);
    const scriptSpans = outermost(scripts);
    // Rendering under no script: a frame's phases (forced work inside scripts belongs to the script).
    const phases = outermost(
      list.filter((event) => event.ph === 'X' && RENDER_EVENTS.has(event.name) && !inSlices(scriptSpans, event.ts)),
    );
    const tasks = outermost(list.filter((event) => event.name === TASK));
    const causes = list.filter((event) => event.ph !== 'X');
    // Frames: the phases one task ran; a phase outside any task is a frame of its own.
    const frames: TraceEvent[][] = [];
    let taskIndex = 0;
    let current: { task: TraceEvent | null; phases: TraceEvent[] } | null = null;
    for (const phase of phases) {
      while (taskIndex < tasks.length && tasks[taskIndex]!.ts + (tasks[taskIndex]!.dur ?? 0) < phase.ts) taskIndex++;
      const task = taskIndex < tasks.length && within(phase, tasks[taskIndex]!) ? tasks[taskIndex]! : null;
      if (current && task && current.task === task) current.phases.push(phase);
      else {
        current = { task, phases: [phase] };
        frames.push(current.phases);
      }
    }
    let causeIndex = 0;
    for (const frame of frames) {
      const start = frame[0]!.ts;
      const last = frame[frame.length - 1]!;
      const kinds = new Set<Cause>();
      // The invalidations since the previous frame, and those of this frame's task before its first phase.
      for (; causeIndex < causes.length && causes[causeIndex]!.ts < start; causeIndex++)
        kinds.add(causeOf(causes[causeIndex]!, prefix, ours, page));
      // Invalidations during the phases are their consequences: skipped.
      while (causeIndex < causes.length && causes[causeIndex]!.ts <= last.ts + (last.dur ?? 0)) causeIndex++;
      const cpu = frame.reduce((sum, phase) => sum + (phase.tdur ?? 0), 0);
      share.allCpuUs += cpu;
      if (start >= firstScript) share.afterStartCpuUs += cpu;
      if (!kinds.has('ours')) continue;
      share.cpuUs += cpu;
      if (kinds.size > 1) share.sharedCpuUs += cpu;
      for (const phase of frame) {
        share.byPhase.set(phase.name, (share.byPhase.get(phase.name) ?? 0) + (phase.tdur ?? 0));
        if (phase.tts !== undefined && phase.tdur !== undefined)
          share.spans.push({ event: phase, start: phase.tts, length: phase.tdur });
      }
    }
  }
  return share;
}
