/** One table of the admin analytics as CSV, for GET /v1/admin/analytics.csv. */
import type { Analytics, ANALYTICS_TABLES } from '../../lib/console-schemas';
import { toCsv } from './analytics';

export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

export function analyticsCsv(data: Analytics, table: AnalyticsTable): string {
  switch (table) {
    case 'perDay':
      return toCsv(
        ['date', 'shares', 'clicks'],
        data.perDay.map((row) => [row.date, row.shares, row.clicks]),
      );
    case 'perNetwork':
      return toCsv(
        ['network', 'shares', 'clicks'],
        data.perNetwork.map((row) => [row.network, row.shares, row.clicks]),
      );
    case 'perContent':
      return toCsv(
        ['contentId', 'title', 'shares', 'clicks'],
        data.perContent.map((row) => [row.contentId, row.title, row.shares, row.clicks]),
      );
    case 'perAdvocate':
      return toCsv(
        ['advocateId', 'name', 'shares', 'clicks'],
        data.perAdvocate.map((row) => [row.advocateId, row.name, row.shares, row.clicks]),
      );
  }
}
