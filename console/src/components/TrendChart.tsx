/**
 * Shares and clicks per day, drawn by uPlot on a canvas. Its default stylesheet is imported (Vite
 * bundles it as a CSS file: the console's CSP allows no inline styles). The chart is for the eye;
 * the same numbers are in a table beside it for everyone else.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cssColor, withAlpha } from '../theme';

export interface Series {
  /** Day starts, Unix seconds (UTC midnight). */
  days: number[];
  shares: number[];
  clicks: number[];
}

function options(width: number): uPlot.Options {
  const text = cssColor('--muted', '#4f5b69');
  const grid = cssColor('--border', '#d3d9e1');
  const shares = cssColor('--chart-shares', '#0a66c2');
  const clicks = cssColor('--chart-clicks', '#c2410c');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: 280,
    // The days are UTC days, as the server counts them.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (_self, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    axes: [
      { ...axis, space: 60 },
      { ...axis, size: 48, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] },
    ],
    series: [
      { value: '{YYYY}-{MM}-{DD}' },
      {
        label: 'Shares',
        stroke: shares,
        width: 2,
        fill: withAlpha(shares, 0x22 / 255),
        points: { show: true, size: 5 },
      },
      { label: 'Clicks', stroke: clicks, width: 2, dash: [6, 4], points: { show: true, size: 5 } },
    ],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
  };
}

export function TrendChart({ series }: { series: Series }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    let chart: uPlot | null = null;
    const draw = () => {
      chart?.destroy();
      chart = new uPlot(
        options(Math.max(280, element.clientWidth)),
        [series.days, series.shares, series.clicks],
        element,
      );
    };
    draw();
    const resize = new ResizeObserver(() => {
      if (chart && Math.abs(chart.width - element.clientWidth) > 4) {
        chart.setSize({ width: Math.max(280, element.clientWidth), height: 280 });
      }
    });
    resize.observe(element);
    // Colours come from the theme: redraw when it changes.
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', draw);
    window.addEventListener('relay-theme', draw);
    return () => {
      resize.disconnect();
      media.removeEventListener('change', draw);
      window.removeEventListener('relay-theme', draw);
      chart?.destroy();
    };
  }, [series]);

  return <div class="chart" ref={box} aria-hidden="true" />;
}
