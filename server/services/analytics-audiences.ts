/** Analytics by audience: counts limited to the advocates now in an audience, and one series per audience to compare. */
import type { Analytics } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { computeAnalytics, type DayRange } from './analytics';
import { advocatesIn } from './audiences';

export const MAX_COMPARED = 5;

/**
 * The analytics for `audience` (entries, or everyone when undefined), with a `compare` series per
 * entry of `compare`. Membership is today's: an audience counts the shares and clicks of the
 * advocates in it now.
 */
export async function analyticsFor(
  deps: Pick<Deps, 'db' | 'dialect' | 'now'>,
  range: DayRange,
  options: { top?: number; audience?: string[]; compare?: string[] },
): Promise<Analytics> {
  const advocates = options.audience?.length ? await advocatesIn(deps.db, options.audience) : undefined;
  const data = await computeAnalytics(deps, range, { top: options.top, advocates });
  if (options.audience?.length) data.audience = options.audience;
  const compare = options.compare ?? [];
  if (compare.length > MAX_COMPARED) {
    throw new ProblemError(400, `Compare at most ${MAX_COMPARED} audiences at once.`, {
      type: 'malformed-query',
      errors: [{ path: 'compare', message: `at most ${MAX_COMPARED} entries` }],
    });
  }
  if (compare.length > 0) {
    data.compare = [];
    for (const entry of compare) {
      const members = await advocatesIn(deps.db, [entry]);
      const series = await computeAnalytics(deps, range, { top: 0, advocates: members });
      data.compare.push({
        audience: entry,
        advocates: members.length,
        totals: { shares: series.totals.shares, clicks: series.totals.clicks },
        perDay: series.perDay,
      });
    }
  }
  return data;
}
