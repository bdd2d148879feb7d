/** GET /v1/me's answer: points, level, streak, badges, ranks and weekly points from the shared scoring module, and settings. */
import { clicksByPeriod, countedShares, toMeHistory } from '../../lib/history-summary';
import { LANGUAGE_SOURCES, type LanguageSource } from '../../lib/languages';
import { recentWeeks } from '../../lib/scoring';
import { PERIODS, type MeResponse, type Period } from '../../lib/schemas';
import type { AdvocatePrincipal, Deps } from '../context';
import { advocateSettings } from './advocate-settings';
import { readDocuments, scoringRulesOf } from './documents';
import { bucketFor, rankOf } from './leaderboard';
import { loadScoreInputs, scoreInputs } from './scores';

function languageSourceOf(value: string | null): LanguageSource | null {
  return (LANGUAGE_SOURCES as readonly string[]).includes(value ?? '') ? (value as LanguageSource) : null;
}

/** Weeks of points history in GET /v1/me, for the popup's chart. */
const CHART_WEEKS = 12;

/** Computed from the advocate's own events: the same numbers the popup computes. */
export async function readMe(deps: Deps, advocate: Pick<AdvocatePrincipal, 'id' | 'name'>): Promise<MeResponse> {
  const { db } = deps;
  const now = deps.now();
  const [documents, inputs, row] = await Promise.all([
    readDocuments(db),
    loadScoreInputs(db, [advocate.id], { shareIds: true }),
    advocateSettings(db, advocate.id),
  ]);
  const own = inputs.get(advocate.id)!;
  const score = scoreInputs(own, scoringRulesOf(documents), now);
  const listed = row.leaderboard === 1;
  const standing = async (period: Period) => {
    const bucket = bucketFor(period, now);
    const points =
      period === 'all' ? score.points : ((period === 'week' ? score.weeks : score.months)[bucket.key] ?? 0);
    const rank = score.enabled && listed ? await rankOf(db, { bucket: bucket.key }, points) : null;
    return [period, { points, rank }] as const;
  };
  const periods = Object.fromEntries(await Promise.all(PERIODS.map(standing))) as MeResponse['periods'];
  return {
    advocate: { id: advocate.id, name: row.name, team: row.team },
    enabled: score.enabled,
    points: score.points,
    level: score.level,
    streak: score.streak.current,
    bestStreak: score.streak.best,
    rank: periods.all.rank,
    periods,
    shares: score.shares,
    clicks: score.clicks,
    badges: score.badges,
    weeks: recentWeeks(score.weeks, now, CHART_WEEKS),
    settings: { clickTracking: row.click_tracking === 1, leaderboard: listed },
    // Summarised (lib/history-summary.ts): bounded by the content shared, however many events came in.
    history: toMeHistory(countedShares(own.shares), clicksByPeriod(own.clicks)),
    language: row.language,
    languageSource: languageSourceOf(row.language_source),
  };
}
