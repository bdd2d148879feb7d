/**
 * The Points tab: total and level, streak, rank and clicks, points per week, badges and the
 * leaderboard. Points are counted in this browser, so a share shows at once, even offline; ranks
 * and clicks come from the server, and a note says how fresh they are.
 */
import { useClient } from './ClientContext';
import { BadgeList } from './BadgeList';
import { FirstPoints } from './FirstPoints';
import { Leaderboard } from './Leaderboard';
import { plural } from './plural';
import { PointsStats } from './PointsStats';
import { PointsSummary } from './PointsSummary';
import { relativeTime } from './relativeTime';
import { usePoints } from './usePoints';
import { useNow } from './useNow';
import { WeeklyChart } from './WeeklyChart';
import type { PointsView } from '../shared/messaging';
import { t } from '../shared/i18n';

function Freshness({ view, refreshing, onRetry }: { view: PointsView; refreshing: boolean; onRetry: () => void }) {
  const now = useNow();
  const age = view.fetchedAt ? relativeTime(view.fetchedAt, now) : null;
  const parts: string[] = [];
  if (view.error) {
    parts.push(view.error);
    parts.push(age ? t('points_ranks_from', { when: age }) : t('points_local_only'));
  } else if (refreshing && !age) {
    parts.push(t('points_getting_rank'));
  } else if (age) {
    parts.push(t('points_updated', { when: age }));
  }
  if (view.pendingShares > 0) parts.push(plural(view.pendingShares, 'points_pending'));
  return (
    <div class={`status status--${view.error ? 'warn' : 'ok'}`}>
      <p class="status-text" role="status">
        {parts.join(' ')}
      </p>
      {view.error && (
        <button type="button" class="button button--small" onClick={onRetry} disabled={refreshing}>
          {t('status_retry')}
        </button>
      )}
    </div>
  );
}

export function PointsScreen({ onShowPosts }: { onShowPosts: () => void }) {
  const client = useClient();
  const { view, error, refreshing, refresh } = usePoints(client);
  if (!view) {
    return error ? (
      <div class="empty" role="alert">
        <p>{t('points_load_failed', { error })}</p>
        <button type="button" class="button" onClick={() => void refresh()}>
          {t('popup_try_again')}
        </button>
      </div>
    ) : (
      <p class="empty" role="status">
        {t('points_loading')}
      </p>
    );
  }
  const score = view.score;
  if (!score) {
    return (
      <p class="empty" role="status">
        {t('points_after_sync')}
      </p>
    );
  }
  if (!score.enabled) {
    return (
      <div class="empty">
        <p>{t('points_off')}</p>
      </div>
    );
  }
  if (score.points === 0 && score.shares === 0 && view.pendingShares === 0) {
    return (
      <div class="points-screen">
        <FirstPoints earning={view.earning} onShare={onShowPosts} />
        <Leaderboard refreshKey={view.fetchedAt} />
      </div>
    );
  }
  return (
    <div class="points-screen">
      <PointsSummary summary={score} />
      <Freshness view={view} refreshing={refreshing} onRetry={() => void refresh()} />
      <PointsStats score={score} standing={view.standing} listed={view.settings?.leaderboard ?? null} />
      <WeeklyChart weeks={view.weeks} />
      <BadgeList badges={score.badges} />
      <Leaderboard refreshKey={view.fetchedAt} />
    </div>
  );
}
