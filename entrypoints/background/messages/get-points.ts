/** getPoints: the Points tab; `refresh` first asks the server for ranks, clicks and settings. */
import { z } from 'zod';
import type { PointsView } from '../../../components/shared/views';
import { pointsView, refreshMe } from '../points';
import { defineMessage } from './define';

export const getPoints = defineMessage({
  request: z.union([z.undefined(), z.null(), z.object({ refresh: z.boolean().optional() }).strict()]),
  from: ['popup'],
  async handle(request, { bg }): Promise<PointsView> {
    const client = await bg.client();
    // Clicks from the server count in the Posts tab's summary too: it hears of a change.
    if (client && request?.refresh && (await bg.track(refreshMe(bg.db, client)))) bg.port.broadcastChanged();
    return pointsView(bg.db);
  },
});
