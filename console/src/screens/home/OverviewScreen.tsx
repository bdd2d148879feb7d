/** The console's home once there is content: is the programme working? This week against last, the last 30 days, top posts, what is coming up. */
import { useMemo } from 'preact/hooks';
import type { Overview } from '../../../../lib/console-schemas';
import { TrendChart } from '../../components/TrendChart';
import { PageHeader } from '../../components/ui';
import { href } from '../../router';
import { seriesFor } from '../analytics/range';
import { ComingUp, TopPosts } from './PostLists';
import { WeekStats } from './WeekStats';

export function OverviewScreen({ overview }: { overview: Overview }) {
  const { perDay } = overview;
  const series = useMemo(() => seriesFor(perDay, perDay[0]?.date ?? '', overview.today), [overview]);
  const shares = perDay.reduce((sum, day) => sum + day.shares, 0);
  const clicks = perDay.reduce((sum, day) => sum + day.clicks, 0);
  return (
    <div class="home">
      <PageHeader
        title="Home"
        actions={
          <a class="button button--primary" href={href('/content/new')}>
            New post
          </a>
        }
      >
        <p>How your advocacy programme is doing. Days are UTC days.</p>
      </PageHeader>
      <WeekStats overview={overview} />
      <section class="card home__card" aria-labelledby="home-trend">
        <div class="section-head">
          <h2 id="home-trend">Shares and clicks, last 30 days</h2>
          <a href={href('/analytics')}>Open analytics</a>
        </div>
        {shares + clicks === 0 ? (
          <p class="muted">
            No shares or clicks in the last 30 days yet. When advocates share a post from the Relay extension, each
            day’s shares and the clicks on their links show here. <a href={href('/people')}>Invite advocates</a>
          </p>
        ) : (
          <>
            <p class="muted" data-testid="home-month">
              {shares.toLocaleString()} share{shares === 1 ? '' : 's'} and {clicks.toLocaleString()} click
              {clicks === 1 ? '' : 's'} in the last 30 days.
            </p>
            <TrendChart series={series} />
          </>
        )}
      </section>
      <div class="grid-2 grid-2--top home__grid">
        <TopPosts posts={overview.topPosts} />
        <ComingUp overview={overview} />
      </div>
    </div>
  );
}
