/**
 * Analytics for a date range: totals, shares and clicks over time (a uPlot chart, and the same
 * numbers as a table), per network, top content and top advocates, and CSV exports of each.
 */
import { useMemo, useState } from 'preact/hooks';
import { sharedNames, tellApart } from '../../advocate-names';
import { query } from '../../api';
import { Loaded } from '../../components/Loaded';
import { TrendChart, type Series } from '../../components/TrendChart';
import { PageHeader } from '../../components/ui';
import { contentHref } from '../../router';
import { formatDate } from '../../time';
import type { AdvocateRow, Analytics as AnalyticsData } from '../../types';
import { useFetched } from '../../use-fetched';
import { AnalyticsCard } from './AnalyticsCard';
import { AudienceFilter, CompareTable } from './AudienceFilter';
import { CountsTable } from './CountsTable';
import { defaultRange, isDay, seriesFor, utcDay } from './range';
import { RangeForm } from './RangeForm';
import { networkRows, top } from './rows';
import { usePermissions } from '../../permissions';
import { Totals } from './Totals';

export function Analytics(props: { from: string; to: string }) {
  const fallback = defaultRange();
  const from = isDay(props.from) ? props.from : fallback.from;
  const to = isDay(props.to) ? props.to : fallback.to;
  const [audience, setAudience] = useState('');
  const [compare, setCompare] = useState<string[]>([]);
  const params = useMemo(() => ({ from, to, audience }), [from, to, audience]);
  const compared = compare.join(',');
  const fetched = useFetched<AnalyticsData>(`/v1/admin/analytics${query({ ...params, compare: compared })}`, {
    keep: true,
  });
  // Who is who when two advocates share a name.
  const people = useFetched<{ items: AdvocateRow[] }>(
    usePermissions().can('people.manage') ? '/v1/admin/advocates' : null,
  );

  const series = useMemo(
    () => (fetched.data ? seriesFor(fetched.data.perDay, from, to) : null),
    [fetched.data, from, to],
  );
  const csv = (table = 'perDay') => `/v1/admin/analytics.csv${query({ ...params, table })}`;
  const rangeText = `${formatDate(`${from}T12:00:00Z`)} – ${formatDate(`${to}T12:00:00Z`)} (UTC days)`;

  function body(data: AnalyticsData, series: Series) {
    const perDay = series.days.map((day, index) => ({
      key: String(day),
      name: utcDay(day * 1000),
      shares: series.shares[index] ?? 0,
      clicks: series.clicks[index] ?? 0,
    }));
    const namesakes = sharedNames(data.perAdvocate);
    const advocates = top(data.perAdvocate).map((row) => {
      const known = namesakes.has(row.name) ? people.data?.items.find((entry) => entry.id === row.advocateId) : null;
      return {
        ...row,
        key: row.advocateId,
        name: known ? (
          <>
            {row.name} <span class="muted small namesake">({tellApart(known)})</span>
          </>
        ) : (
          row.name
        ),
      };
    });
    const posts = top(data.perContent).map((row) => ({
      ...row,
      key: row.contentId,
      name: <a href={contentHref(row.contentId)}>{row.title}</a>,
    }));
    return (
      <>
        <Totals totals={data.totals} />
        <CompareTable data={data} />
        <AnalyticsCard id="analytics-trend" title="Shares and clicks over time" csv={csv('perDay')} csvWhat="per day">
          <p class="field__hint">Per day (UTC). Hover the chart for a day’s numbers.</p>
          <TrendChart series={series} />
          <details class="details">
            <summary>Show the numbers per day</summary>
            <div class="table-wrap">
              <CountsTable head="Day" rows={perDay} caption="Shares and clicks per day" />
            </div>
          </details>
        </AnalyticsCard>
        <div class="grid-2 grid-2--top">
          <AnalyticsCard id="analytics-networks" title="Per network" csv={csv('perNetwork')} csvWhat="per network">
            <CountsTable head="Network" rows={networkRows(data.perNetwork)} withRate />
          </AnalyticsCard>
          <AnalyticsCard
            id="analytics-advocates"
            title="Top advocates"
            csv={csv('perAdvocate')}
            csvWhat="every advocate"
          >
            <CountsTable head="Advocate" rows={advocates} />
          </AnalyticsCard>
        </div>
        <AnalyticsCard id="analytics-content" title="Top content" csv={csv('perContent')} csvWhat="every post">
          <CountsTable head="Post" rows={posts} withRate />
        </AnalyticsCard>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Analytics"
        actions={
          <a class="button" href={csv()} download={`relay-perDay-${from}-to-${to}.csv`}>
            Export CSV
          </a>
        }
      >
        <p>Shares and clicks on tracked links, {rangeText}.</p>
      </PageHeader>
      <RangeForm from={from} to={to} />
      <AudienceFilter audience={audience} compare={compare} onAudience={setAudience} onCompare={setCompare} />
      <Loaded
        failure="Couldn't load the analytics"
        loading="Loading analytics…"
        from={fetched}
        ready={fetched.data !== null && series !== null}
      >
        {() => fetched.data && series && body(fetched.data, series)}
      </Loaded>
    </>
  );
}
