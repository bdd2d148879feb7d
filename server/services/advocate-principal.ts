/** An advocate's row (with their group ids) as the principal requests and pushes act for. */
import type { AdvocatePrincipal } from '../context';
import { audienceFromRow } from './audiences';

export interface AdvocatePrincipalRow {
  id: string;
  name: string;
  ref: string;
  click_tracking: number;
  leaderboard: number;
  last_sync_at: number | null;
  region: string | null;
  language: string | null;
  language_source: string | null;
  group_ids: string | null;
}

export function principalFromRow(row: AdvocatePrincipalRow): AdvocatePrincipal {
  return {
    id: row.id,
    name: row.name,
    ref: row.ref,
    clickTracking: row.click_tracking === 1,
    leaderboard: row.leaderboard === 1,
    lastSyncAt: row.last_sync_at,
    language: row.language,
    languageSource: row.language_source,
    audience: audienceFromRow(row),
  };
}
