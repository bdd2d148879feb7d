/**
 * Admin endpoints the console needs beyond content, invites and documents: the advocate list,
 * analytics (JSON and CSV) and link previews for the content editor.
 */
import {
  adminAdvocatesSchema,
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_MAX_DAYS,
  analyticsCsvQuerySchema,
  analyticsQuerySchema,
  analyticsSchema,
  linkPreviewRequestSchema,
  linkPreviewSchema,
  overviewSchema,
} from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import { advocateRows } from '../services/advocate-list';
import { DAY_MS, type DayRange } from '../services/analytics';
import { analyticsFor } from '../services/analytics-audiences';
import { analyticsCsv } from '../services/analytics-csv';
import { LinkPreviewer } from '../services/link-preview/fetch';
import { computeOverview } from '../services/overview';
import { defineRoute, type Route } from './define';
import { audienceList } from './groups';

function badRange(path: string, message: string): ProblemError {
  return new ProblemError(400, `The query is not valid (${path}: ${message}).`, {
    type: 'malformed-query',
    errors: [{ path, message }],
  });
}

/** from/to (UTC days, both included): default the last 30 days up to today; at most 366 days. */
function dayRange(query: { from?: number; to?: number }, now: number): DayRange {
  const toDay = query.to ?? Math.floor(now / DAY_MS);
  const fromDay = query.from ?? toDay - (ANALYTICS_DEFAULT_DAYS - 1);
  if (fromDay > toDay) throw badRange('from', 'must not be after to');
  if (toDay - fromDay + 1 > ANALYTICS_MAX_DAYS)
    throw badRange('from', `the range may span at most ${ANALYTICS_MAX_DAYS} days`);
  return { fromDay, toDay };
}

export function consoleApiRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/advocates',
      summary: 'Every enrolled advocate: last sync, shares, clicks, privacy choices and access (active, removed, …)',
      tag: 'admin',
      auth: 'admin',
      permission: 'people.manage',
      responses: { 200: { description: 'Advocates, by name', schema: adminAdvocatesSchema } },
      handler: async (c) => {
        c.header('cache-control', 'no-store');
        return c.json({ items: await advocateRows(deps) });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/analytics',
      summary: 'Shares and clicks for a range of UTC days: totals, per day, network, content and advocate',
      tag: 'analytics',
      auth: 'admin',
      permission: 'analytics.read',
      query: analyticsQuerySchema,
      responses: {
        200: { description: 'Analytics (perContent and perAdvocate: the top 20)', schema: analyticsSchema },
        400: { description: 'A bad date, from after to, more than 366 days, or a bad audience entry' },
      },
      handler: async (c, { query }) => {
        const range = dayRange(query, deps.now());
        c.header('cache-control', 'no-store');
        const audience = audienceList(query.audience, 'audience');
        const compare = audienceList(query.compare, 'compare');
        return c.json(await analyticsFor(deps, range, { top: 20, audience, compare }));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/overview',
      summary:
        'The console home: the last 30 days per day, this week against last, top posts, posts going live or expiring soon',
      tag: 'analytics',
      auth: 'admin',
      permission: 'analytics.read',
      responses: { 200: { description: 'The overview', schema: overviewSchema } },
      handler: async (c) => {
        c.header('cache-control', 'no-store');
        return c.json(await computeOverview(deps));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/analytics.csv',
      summary:
        'One analytics table as CSV (RFC 4180): perDay (default), perNetwork, perContent or perAdvocate, every row',
      tag: 'analytics',
      auth: 'admin',
      permission: 'analytics.read',
      query: analyticsCsvQuerySchema,
      responses: {
        200: { description: 'text/csv, a header row first' },
        400: { description: 'A bad date, from after to, more than 366 days, or an unknown table' },
      },
      handler: async (c, { query }) => {
        const audience = audienceList(query.audience, 'audience');
        const data = await analyticsFor(deps, dayRange(query, deps.now()), { audience });
        c.header('content-type', 'text/csv; charset=utf-8; header=present');
        c.header('content-disposition', `attachment; filename="relay-${query.table}-${data.from}-to-${data.to}.csv"`);
        c.header('cache-control', 'no-store');
        return c.body(analyticsCsv(data, query.table));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/admin/link-preview',
      summary: "A page's title, description, image and site name (OpenGraph), for the content editor",
      tag: 'content',
      auth: 'admin',
      permission: 'content.write',
      body: linkPreviewRequestSchema,
      responses: {
        200: { description: 'The preview; fields the page lacks are null', schema: linkPreviewSchema },
        400: { description: 'Malformed JSON' },
        422: {
          description:
            'Not an http(s) URL, not a public address ("Relay only fetches public addresses"), or not an HTML page',
        },
        502: { description: 'The page could not be reached, answered an error, or took longer than 5 s' },
      },
      handler: async (c, { body: { url } }) => {
        const previewer = (deps.linkPreview ??= new LinkPreviewer());
        const preview = await previewer.preview(url);
        c.header('cache-control', 'no-store');
        return c.json(preview);
      },
    }),
  ];
}
