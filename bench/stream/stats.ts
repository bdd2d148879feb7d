/** The stream suite's small tools: machine load, percentiles, timeouts, its log line and sleep. */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface MachineLoad {
  /** 1-minute load average. */
  average: number;
  /** Share of the last 10 s in which some task waited for a CPU (/proc/pressure/cpu), percent. */
  cpuPressure: number;
}

export function machineLoad(): MachineLoad {
  let cpuPressure = Number.NaN;
  try {
    const some = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    if (some?.[1]) cpuPressure = Number(some[1]);
  } catch {
    // No pressure stall information on this kernel.
  }
  return { average: loadavg()[0] ?? Number.NaN, cpuPressure };
}

export const log = (message: string) => process.stderr.write(`[bench stream] ${message}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarize(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}
