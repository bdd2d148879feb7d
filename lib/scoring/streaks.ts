/** Streaks: runs of consecutive ISO weeks (UTC) with a counted share. */

/**
 * Runs of consecutive week indices: the longest, and the one reaching `current` or the week before.
 * A week that is not a number (a share whose time did not parse) belongs to no run.
 */
export function streaks(all: Set<number>, current: number | undefined): { current: number; best: number } {
  const weeks = new Set([...all].filter((week) => Number.isFinite(week)));
  if (weeks.size === 0) return { current: 0, best: 0 };
  const sorted = [...weeks].sort((a, b) => a - b);
  let best = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  const latest = sorted[sorted.length - 1]!;
  const judgedAt = current !== undefined && Number.isFinite(current) ? current : latest;
  let end = weeks.has(judgedAt) ? judgedAt : weeks.has(judgedAt - 1) ? judgedAt - 1 : undefined;
  let now = 0;
  while (end !== undefined && weeks.has(end)) {
    now++;
    end--;
  }
  return { current: now, best };
}
