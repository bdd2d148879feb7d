/** getLeaderboard: a period's leaderboard from the server, or the last one kept when it cannot be reached. */
import { z } from 'zod';
import { periodSchema } from '../../../lib/schemas';
import type { LeaderboardView } from '../../../components/shared/views';
import { leaderboard } from '../points';
import { defineMessage } from './define';

export const getLeaderboardRequest = z.object({ period: periodSchema }).strict();
export type LeaderboardRequest = z.infer<typeof getLeaderboardRequest>;

export const getLeaderboard = defineMessage({
  request: getLeaderboardRequest,
  from: ['popup'],
  invalid: (): LeaderboardView => ({
    period: 'week',
    board: null,
    fetchedAt: null,
    error: 'That leaderboard request is not valid.',
  }),
  handle: async (request, { bg }): Promise<LeaderboardView> => bg.track(leaderboard(bg.db, await bg.client(), request)),
});
