/**
 * Analytics for a date range: totals (shares, clicks, active installs), shares and clicks over time
 * (a uPlot chart, and the same numbers as a table), per network, top content and top advocates,
 * and a CSV export of the same range.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NETWORK_LABEL } from '../../../components/shared/networks';
import { api, describeError, query } from '../api';
import { Loading, LoadError, PageHeader } from '../components/ui';
import { TrendChart, type Series } from '../components/TrendChart';
import { contentHref, href, navigate } from '../router';
import { formatDate } from '../time';
import type { Analytics as AnalyticsData } from '../types';

const PRESETS = [7, 30, 90] as const;
const DAY = 86_400_000;
const TOP = 10;

const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The last `days` UTC days, today included: the days the server counts in. */
function defaultRange(days = 30): { from: string; to: string } {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return { from: utcDay(today - (days - 1) * DAY), to: utcDay(today) };
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && utcDay(Date.parse(`${value}T00:00:00Z`) || 0) === value;
}

/** One point per UTC day of the range, zero where the server listed none. */
function seriesFor(perDay: AnalyticsData['perDay'], from: string, to: string): Series {
  const byDay = new Map(perDay.map((point) => [point.date, point]));
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days: number[] = [];
  const shares: number[] = [];
  const clicks: number[] = [];
  if (Number.isFinite(start) && Number.isFinite(end) && end >= start && (end - start) / DAY <= 3660) {
    for (let time = start; time <= end; time += DAY) {
      const key = new Date(time).toISOString().slice(0, 10);
      const point = byDay.get(key);
      days.push(time / 1000);
      shares.push(point?.shares ?? 0);
      clicks.push(point?.clicks ?? 0);
    }
  }
  // Days the server counted outside the range we asked for (time zones): kept, in order.
  for (const point of perDay) {
    const time = Date.parse(`${point.date}T00:00:00Z`) / 1000;
    if (Number.isFinite(time) && !days.includes(time)) {
      const at = days.findIndex((day) => day > time);
      const index = at === -1 ? days.length : at;
      days.splice(index, 0, time);
      shares.splice(index, 0, point.shares);
      clicks.splice(index, 0, point.clicks);
    }
  }
  return { days, shares, clicks };
}

function rate(clicks: number, shares: number): string {
  return shares > 0 ? (clicks / shares).toLocaleString(undefined, { maximumFractionDigits: 1 }) : '—';
}

export function Analytics(props: { from: string; to: string }) {
  const fallback = defaultRange();
  const from = isDay(props.from) ? props.from : fallback.from;
  const to = isDay(props.to) ? props.to : fallback.to;
  const [fromInput, setFromInput] = useState(from);
  const [toInput, setToInput] = useState(to);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [data, setData] = useState<AnalyticsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setFromInput(from);
    setToInput(to);
  }, [from, to]);

  const params = useMemo(() => ({ from, to }), [from, to]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    setData(null);
    api
      .get<AnalyticsData>(`/v1/admin/analytics${query(params)}`, { signal: controller.signal })
      .then(setData)
      .catch((caught: unknown) => {
        if ((caught as Error).name !== 'AbortError') setError(describeError(caught));
      });
    return () => controller.abort();
  }, [params, attempt]);

  const series = useMemo(() => (data ? seriesFor(data.perDay, from, to) : null), [data, from, to]);

  function apply(event: Event) {
    event.preventDefault();
    if (!isDay(fromInput) || !isDay(toInput)) {
      setRangeError('Enter both dates.');
      return;
    }
    if (fromInput > toInput) {
      setRangeError('“From” must be on or before “To”.');
      return;
    }
    setRangeError(null);
    navigate(href('/analytics', { from: fromInput, to: toInput }), { replace: true });
  }

  function preset(days: number) {
    const range = defaultRange(days);
    setRangeError(null);
    navigate(href('/analytics', range), { replace: true });
  }

  const csv = (table = 'perDay') => `/v1/admin/analytics.csv${query({ ...params, table })}`;
  const rangeText = `${formatDate(`${from}T12:00:00Z`)} – ${formatDate(`${to}T12:00:00Z`)} (UTC days)`;
  const topContent = data
    ? [...data.perContent].sort((a, b) => b.shares - a.shares || b.clicks - a.clicks).slice(0, TOP)
    : [];
  const topAdvocates = data
    ? [...data.perAdvocate].sort((a, b) => b.shares - a.shares || b.clicks - a.clicks).slice(0, TOP)
    : [];

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

      <form class="toolbar range" onSubmit={apply} noValidate aria-label="Date range">
        <div class="field field--inline">
          <label for="analytics-from">From</label>
          <input
            id="analytics-from"
            type="date"
            value={fromInput}
            max={toInput || undefined}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'analytics-range-error' : undefined}
            onInput={(event) => setFromInput(event.currentTarget.value)}
          />
        </div>
        <div class="field field--inline">
          <label for="analytics-to">To</label>
          <input
            id="analytics-to"
            type="date"
            value={toInput}
            min={fromInput || undefined}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'analytics-range-error' : undefined}
            onInput={(event) => setToInput(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary">
          Show
        </button>
        <div class="segmented" role="group" aria-label="Quick ranges">
          {PRESETS.map((days) => {
            const range = defaultRange(days);
            return (
              <button
                key={days}
                type="button"
                aria-pressed={range.from === from && range.to === to}
                onClick={() => preset(days)}
              >
                Last {days} days
              </button>
            );
          })}
        </div>
        {rangeError && (
          <p id="analytics-range-error" class="field__error" role="alert">
            {rangeError}
          </p>
        )}
      </form>

      {error ? (
        <LoadError message={`Couldn't load the analytics: ${error}`} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !data || !series ? (
        <Loading label="Loading analytics…" />
      ) : (
        <>
          <section aria-labelledby="analytics-totals">
            <h2 id="analytics-totals" class="visually-hidden">
              Totals
            </h2>
            <dl class="stats">
              <div class="stat card">
                <dt>Shares</dt>
                <dd data-testid="total-shares">{data.totals.shares.toLocaleString()}</dd>
              </div>
              <div class="stat card">
                <dt>Clicks</dt>
                <dd data-testid="total-clicks">{data.totals.clicks.toLocaleString()}</dd>
              </div>
              <div class="stat card">
                <dt>Clicks per share</dt>
                <dd>{rate(data.totals.clicks, data.totals.shares)}</dd>
              </div>
              <div class="stat card">
                <dt>Active installs</dt>
                <dd data-testid="active-installs">{data.totals.activeInstalls.toLocaleString()}</dd>
                <dd class="stat__note">synced in the last 7 days</dd>
              </div>
            </dl>
          </section>

          <section class="card form-section" aria-labelledby="analytics-trend">
            <div class="section-head">
              <h2 id="analytics-trend">Shares and clicks over time</h2>
              <a class="small" href={csv('perDay')} download>
                Download CSV<span class="visually-hidden"> (per day)</span>
              </a>
            </div>
            <p class="field__hint">Per day (UTC). Hover the chart for a day’s numbers.</p>
            <TrendChart series={series} />
            <details class="details">
              <summary>Show the numbers per day</summary>
              <div class="table-wrap">
                <table class="table table--compact">
                  <caption class="visually-hidden">Shares and clicks per day</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col" class="numeric">
                        Shares
                      </th>
                      <th scope="col" class="numeric">
                        Clicks
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.days.map((day, index) => (
                      <tr key={day}>
                        <th scope="row">{new Date(day * 1000).toISOString().slice(0, 10)}</th>
                        <td class="numeric">{series.shares[index]}</td>
                        <td class="numeric">{series.clicks[index]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>

          <div class="grid-2 grid-2--top">
            <section class="card form-section" aria-labelledby="analytics-networks">
              <div class="section-head">
                <h2 id="analytics-networks">Per network</h2>
                <a class="small" href={csv('perNetwork')} download>
                  Download CSV<span class="visually-hidden"> (per network)</span>
                </a>
              </div>
              {data.perNetwork.length === 0 ? (
                <p class="muted">No shares in this range.</p>
              ) : (
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Network</th>
                      <th scope="col" class="numeric">
                        Shares
                      </th>
                      <th scope="col" class="numeric">
                        Clicks
                      </th>
                      <th scope="col" class="numeric">
                        Clicks per share
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.perNetwork.map((row) => (
                      <tr key={row.network}>
                        <th scope="row">{NETWORK_LABEL[row.network]}</th>
                        <td class="numeric">{row.shares}</td>
                        <td class="numeric">{row.clicks}</td>
                        <td class="numeric">{rate(row.clicks, row.shares)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section class="card form-section" aria-labelledby="analytics-advocates">
              <div class="section-head">
                <h2 id="analytics-advocates">Top advocates</h2>
                <a class="small" href={csv('perAdvocate')} download>
                  Download CSV<span class="visually-hidden"> (every advocate)</span>
                </a>
              </div>
              {topAdvocates.length === 0 ? (
                <p class="muted">No shares in this range.</p>
              ) : (
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Advocate</th>
                      <th scope="col" class="numeric">
                        Shares
                      </th>
                      <th scope="col" class="numeric">
                        Clicks
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {topAdvocates.map((row) => (
                      <tr key={row.advocateId}>
                        <th scope="row">{row.name}</th>
                        <td class="numeric">{row.shares}</td>
                        <td class="numeric">{row.clicks}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>

          <section class="card form-section" aria-labelledby="analytics-content">
            <div class="section-head">
              <h2 id="analytics-content">Top content</h2>
              <a class="small" href={csv('perContent')} download>
                Download CSV<span class="visually-hidden"> (every post)</span>
              </a>
            </div>
            {topContent.length === 0 ? (
              <p class="muted">No shares in this range.</p>
            ) : (
              <table class="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">Post</th>
                    <th scope="col" class="numeric">
                      Shares
                    </th>
                    <th scope="col" class="numeric">
                      Clicks
                    </th>
                    <th scope="col" class="numeric">
                      Clicks per share
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {topContent.map((row) => (
                    <tr key={row.contentId}>
                      <th scope="row">
                        <a href={contentHref(row.contentId)}>{row.title}</a>
                      </th>
                      <td class="numeric">{row.shares}</td>
                      <td class="numeric">{row.clicks}</td>
                      <td class="numeric">{rate(row.clicks, row.shares)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}
