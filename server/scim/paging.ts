/** Pagination of SCIM lists (RFC 7644 §3.4.2.4): startIndex from 1, count up to MAX_RESULTS. */
import type SCIMMY from 'scimmy';
import type { ScimCall } from './context';
import { applyFilter, equalityOf } from './filter';

export const MAX_RESULTS = 200;
export const DEFAULT_COUNT = 100;

export interface Page {
  /** 0-based offset of the first resource. */
  offset: number;
  limit: number;
  startIndex: number;
}

export function pageOf(constraints: SCIMMY.Types.Resource['constraints']): Page {
  const start = Number.isInteger(constraints?.startIndex) ? Math.max(1, constraints!.startIndex!) : 1;
  const count = Number.isInteger(constraints?.count) ? constraints!.count! : DEFAULT_COUNT;
  return { offset: start - 1, limit: Math.min(MAX_RESULTS, Math.max(0, count)), startIndex: start };
}

// Handlers return the page itself; scimmy's ListResponse would slice it again by startIndex when the
// counts look off, so it is told the page starts at 1 and the route restores the real startIndex.
/** Tells scimmy the list it is about to make from `pageLength` resources, out of `total`. */
export function describePage(
  resource: SCIMMY.Types.Resource,
  ctx: ScimCall,
  page: Page,
  pageLength: number,
  total: number,
) {
  ctx.startIndex = page.startIndex;
  resource.constraints = { startIndex: 1, count: pageLength, totalResults: total } as never;
}

/** Where a list's rows come from: one page of all of them, or the candidates an equality filter narrows to. */
export interface ListSource<Row> {
  page(page: Page): Promise<{ rows: Row[]; total: number }>;
  where(equality: ReturnType<typeof equalityOf>): Promise<Row[]>;
}

/**
 * One page of a SCIM list (Users, Groups): unfiltered, the database's page; filtered, the
 * candidates filtered as SCIM resources (case-insensitively where SCIM says so), then paged.
 */
export async function listPage<Row, Out extends Record<string, unknown>>(
  resource: SCIMMY.Types.Resource,
  ctx: ScimCall,
  source: ListSource<Row>,
  toScim: (row: Row) => Out,
): Promise<Out[]> {
  const page = pageOf(resource.constraints);
  let items: Out[];
  let total: number;
  if (!resource.filter?.length) {
    const { rows, total: all } = await source.page(page);
    items = rows.map(toScim);
    total = all;
  } else {
    const candidates = await source.where(equalityOf(resource.filter));
    const matching = applyFilter(resource.filter, candidates.map(toScim));
    items = matching.slice(page.offset, page.offset + page.limit);
    total = matching.length;
  }
  describePage(resource, ctx, page, items.length, total);
  return items;
}

export function restoreStartIndex(list: unknown, ctx: ScimCall): void {
  if (ctx.startIndex !== undefined && list && typeof list === 'object' && 'startIndex' in list) {
    (list as { startIndex: number }).startIndex = ctx.startIndex;
  }
}
