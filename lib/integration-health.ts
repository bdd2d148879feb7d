/**
 * What the console says about each composer site's integration, in plain words, from the daily
 * counts the extensions report: healthy, failing since a day (and what fails), or no data.
 */
import { HEALTH_COUNTERS, zeroCounts, type HealthCounts, type HealthDayRow, type HealthSite } from './schemas/health';

export type HealthProblem = 'composers' | 'insertions' | 'publishes' | 'overrides';

export interface SiteStatus {
  site: HealthSite;
  state: 'healthy' | 'failing' | 'no-data';
  /** The first day of the failing run (state 'failing'). */
  since?: string;
  /** What fails on the latest day with data. */
  problems: HealthProblem[];
  /** e.g. "LinkedIn: insertions failing since Tue 1 Dec". */
  line: string;
}

const SITE_NAMES: Record<HealthSite, string> = { linkedin: 'LinkedIn', x: 'X' };
const PROBLEM_WORDS: Record<HealthProblem, string> = {
  composers: 'composers not recognised',
  insertions: 'insertions failing',
  publishes: 'publishes not confirmed',
  overrides: 'selector overrides refused',
};
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A UTC day as people say it: "Tue 1 Dec". */
export function dayWords(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** The UTC day of `ms`, YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Counts added together. */
export function addCounts(a: HealthCounts, b: HealthCounts): HealthCounts {
  const sum = zeroCounts();
  for (const name of HEALTH_COUNTERS) sum[name] = a[name] + b[name];
  return sum;
}

/**
 * What failed on a day, by its counts: something was attempted and nothing of that kind worked
 * (a person who abandons a post now and then is no failure, a site whose every insertion fails is).
 */
export function problemsOf(counts: HealthCounts): HealthProblem[] {
  const problems: HealthProblem[] = [];
  if (counts.composersUnmatched > 0 && counts.composersSeen === 0) problems.push('composers');
  if (counts.insertionsFailed > 0 && counts.insertionsConfirmed === 0) problems.push('insertions');
  if (counts.publishesUnconfirmed > 0 && counts.publishesConfirmed === 0) problems.push('publishes');
  if (counts.overridesRefused > 0) problems.push('overrides');
  return problems;
}

/** Each site's counts per day (every version added together), days in order. */
export function dailyTotals(rows: readonly HealthDayRow[], site: HealthSite): [string, HealthCounts][] {
  const byDay = new Map<string, HealthCounts>();
  for (const row of rows) {
    if (row.site !== site) continue;
    byDay.set(row.day, addCounts(byDay.get(row.day) ?? zeroCounts(), row.counts));
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b));
}

/** `site`'s status from its rows: the latest day with data decides; a failing run reaches back over the days that failed. */
export function siteStatus(rows: readonly HealthDayRow[], site: HealthSite): SiteStatus {
  const name = SITE_NAMES[site];
  const days = dailyTotals(rows, site);
  const latest = days.at(-1);
  if (!latest) return { site, state: 'no-data', problems: [], line: `${name}: no data` };
  const problems = problemsOf(latest[1]);
  if (problems.length === 0) return { site, state: 'healthy', problems, line: `${name}: healthy` };
  let since = latest[0];
  for (let i = days.length - 2; i >= 0 && problemsOf(days[i]![1]).length > 0; i--) since = days[i]![0];
  const what = problems.map((problem) => PROBLEM_WORDS[problem]).join(', ');
  return { site, state: 'failing', since, problems, line: `${name}: ${what} since ${dayWords(since)}` };
}
