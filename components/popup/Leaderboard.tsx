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
import { leaderboardRows, PERIOD_LABEL, rankText, unrankedReason } from './pointsText';
import { relativeTime } from './relativeTime';
import { Segmented } from './Segmented';
import { useNow } from './useNow';

const PERIOD_OPTIONS = (Object.keys(PERIOD_LABEL) as Period[]).map((value) => ({ value, label: PERIOD_LABEL[value] }));

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
          Leaderboard
        </h2>
        <Segmented
          name="leaderboard-period"
          legend="Leaderboard period"
          options={PERIOD_OPTIONS}
          value={period}
          onChange={setPeriod}
        />
      </div>
      {problem && (
        <p class="inline-note" role="status">
          {board && age ? `${problem} Showing the leaderboard from ${age}.` : problem}
        </p>
      )}
      {!board && !problem && <p class="muted">Loading the leaderboard…</p>}
      {board && !board.enabled && <p class="muted">Your organisation has turned the leaderboard off.</p>}
      {board?.enabled && rows.length === 0 && (
        <p class="muted">No one has points {PERIOD_LABEL[period].toLowerCase()} yet. Be the first to share!</p>
      )}
      {rows.length > 0 && (
        <ol class="board" aria-label={`Leaderboard, ${PERIOD_LABEL[period].toLowerCase()}`}>
          {rows.map((row) => (
            <li
              key={row.key}
              class={`board-row${row.you ? ' board-row--you' : ''}${row.separated ? ' board-row--separated' : ''}`}
              aria-current={row.you ? 'true' : undefined}
            >
              <span class="board-rank">{rankText(row.rank)}</span>
              <span class="board-name">
                {row.name}
                {row.you && <span class="board-you"> (you)</span>}
                {row.team && <span class="board-team">{row.team}</span>}
              </span>
              <span class="board-points">
                {row.points.toLocaleString('en')}
                <span class="visually-hidden"> points</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {reason && <p class="muted">{reason}</p>}
    </section>
  );
}
