/**
 * The leaderboard for this week, this month or all time, from the server. When it cannot be
 * reached, the last board fetched stays with a note saying so. `refreshKey` changing (the Points
 * tab refreshed) fetches the board again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Period } from '../../lib/schemas';
import type { LeaderboardView } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { leaderboardRows, nobodyYet, periodLabel, PERIODS, rankText, unrankedReason } from './pointsText';
import { relativeTime } from './relativeTime';
import { Segmented } from './Segmented';
import { useNow } from './useNow';
import { formatNumber, t, tp } from '../shared/i18n';

export function Leaderboard({ refreshKey }: { refreshKey: string | null }) {
  const client = useClient();
  const now = useNow();
  const [period, setPeriod] = useState<Period>('week');
  const [view, setView] = useState<LeaderboardView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    client.getLeaderboard(period).then(
      (next) => {
        if (ticket !== latest.current) return;
        setView(next);
        setFailure(null);
      },
      (error: unknown) => {
        if (ticket === latest.current) setFailure(describeError(error));
      },
    );
  }, [client, period, refreshKey]);

  const shown = view?.period === period ? view : null;
  const board = shown?.board ?? null;
  const problem = failure ?? shown?.error ?? null;
  const rows = board ? leaderboardRows(board) : [];
  const reason = board ? unrankedReason(board) : null;
  const age = shown?.fetchedAt ? relativeTime(shown.fetchedAt, now) : null;

  return (
    <section class="card-section" aria-labelledby="leaderboard-title">
      <div class="section-head">
        <h2 id="leaderboard-title" class="section-title">
          {t('board_title')}
        </h2>
        <Segmented
          name="leaderboard-period"
          legend={t('board_period_legend')}
          options={PERIODS.map((value) => ({ value, label: periodLabel(value) }))}
          value={period}
          onChange={setPeriod}
        />
      </div>
      {problem && (
        <p class="inline-note" role="status">
          {board && age ? t('board_stale', { problem, when: age }) : problem}
        </p>
      )}
      {!board && !problem && <p class="muted">{t('board_loading')}</p>}
      {board && !board.enabled && <p class="muted">{t('board_off')}</p>}
      {board?.enabled && rows.length === 0 && <p class="muted">{nobodyYet(period)}</p>}
      {rows.length > 0 && (
        <ol class="board" aria-label={t('board_aria', { period: periodLabel(period) })}>
          {rows.map((row) => (
            <li
              key={row.key}
              class={`board-row${row.you ? ' board-row--you' : ''}${row.separated ? ' board-row--separated' : ''}`}
              aria-current={row.you ? 'true' : undefined}
            >
              <span class="board-rank">{rankText(row.rank)}</span>
              <span class="board-name">
                {row.name}
                {row.you && <span class="board-you">{` ${t('board_you')}`}</span>}
                {row.team && <span class="board-team">{row.team}</span>}
              </span>
              <span class="board-points">
                {formatNumber(row.points)}
                <span class="visually-hidden">{` ${tp('points_word', row.points)}`}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {reason && <p class="muted">{reason}</p>}
    </section>
  );
}
