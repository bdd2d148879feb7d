/**
 * Points per week as a small bar chart (uPlot, loaded when the Points tab first opens, so the
 * post list never waits for it), with the same numbers in a table for screen readers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import type { WeekPoints } from '../../lib/scoring';
import { t, tp, uiLanguage } from '../shared/i18n';

const HEIGHT = 120;

/** "Nov 3": the Monday a week starts on. */
export function weekLabel(startsAt: string): string {
  return new Date(startsAt).toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** The top of the y scale: at least 10, else the highest week with some headroom, rounded. */
export function scaleTop(max: number): number {
  if (!(max > 8)) return 10;
  const padded = max * 1.15;
  const step = 10 ** Math.floor(Math.log10(padded)) / 5;
  return Math.ceil(padded / step) * step;
}

/** Follows the light/dark theme, so the chart is redrawn in the new colours. */
function useColorScheme(): string {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const update = () => setDark(list.matches);
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, []);
  return dark ? 'dark' : 'light';
}

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

export function WeeklyChart({ weeks }: { weeks: readonly WeekPoints[] }) {
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const labels = weeks.map((week) => weekLabel(week.startsAt));
  const data: uPlot.AlignedData = [weeks.map((_, index) => index), weeks.map((week) => week.points)];
  const latest = useRef({ labels, data });
  latest.current = { labels, data };
  const scheme = useColorScheme();

  useEffect(() => {
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      const element = holder.current;
      if (cancelled || !element) return;
      const accent = cssVar(element, '--accent', '#0a66c2');
      const muted = cssVar(element, '--muted', '#4f5b69');
      const grid = cssVar(element, '--border', '#d3d9e1');
      const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { show: false }, font: '11px system-ui' };
      chart.current = new UPlot(
        {
          width: element.clientWidth || 320,
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: {
            x: { time: false, range: (_u, _min, max) => [-0.6, max + 0.6] },
            y: { range: (_u, _min, max) => [0, scaleTop(max)] },
          },
          axes: [
            {
              ...axis,
              grid: { show: false },
              size: 22,
              incrs: [1, 2, 3, 4, 6],
              space: 52,
              values: (_u, splits) => splits.map((split) => latest.current.labels[split] ?? ''),
            },
            { ...axis, size: 36, incrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000] },
          ],
          series: [
            {},
            {
              label: t('popup_tab_points'),
              stroke: accent,
              fill: accent,
              width: 0,
              paths: UPlot.paths.bars!({ size: [0.6, 24] }),
              points: { show: false },
            },
          ],
        },
        latest.current.data,
        element,
      );
    });
    return () => {
      cancelled = true;
      chart.current?.destroy();
      chart.current = null;
    };
  }, [scheme]);

  const key = weeks.map((week) => `${week.week}:${week.points}`).join(',');
  useEffect(() => {
    chart.current?.setData(latest.current.data);
  }, [key]);

  return (
    <figure class="chart">
      <figcaption class="section-title">{t('chart_title')}</figcaption>
      <div class="chart-canvas" ref={holder} aria-hidden="true" style={{ height: `${HEIGHT}px` }} />
      <table class="visually-hidden">
        <caption>{tp('chart_caption', weeks.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart_week_of')}</th>
            <th scope="col">{t('popup_tab_points')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={week.week}>
              <th scope="row">{labels[index]}</th>
              <td>{week.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
