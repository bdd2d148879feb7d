/** This week against last: advocates who shared, shares, clicks, each with its change in words (never by colour alone). */
import type { Overview } from '../../../../lib/console-schemas';

function change(now: number, before: number): { text: string; trend: 'up' | 'down' | 'flat' } {
  if (now === 0 && before === 0) return { text: 'None last week either', trend: 'flat' };
  if (now === before) return { text: 'Same as last week', trend: 'flat' };
  const difference = Math.abs(now - before).toLocaleString();
  return now > before
    ? { text: `${difference} more than last week`, trend: 'up' }
    : { text: `${difference} fewer than last week`, trend: 'down' };
}

function Stat(props: { label: string; value: number; before: number; note?: string; testId: string }) {
  const { text, trend } = change(props.value, props.before);
  return (
    <div class="stat card">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value.toLocaleString()}</dd>
      {props.note && <dd class="stat__note">{props.note}</dd>}
      <dd class={`stat__change stat__change--${trend}`}>
        <span aria-hidden="true">{trend === 'up' ? '↑ ' : trend === 'down' ? '↓ ' : ''}</span>
        {text}
      </dd>
    </div>
  );
}

export function WeekStats({ overview }: { overview: Overview }) {
  const { thisWeek, lastWeek, advocates } = overview;
  return (
    <section aria-labelledby="home-week">
      <h2 id="home-week" class="home__section-title">
        This week <span class="muted">· the last 7 days</span>
      </h2>
      <dl class="stats home__stats">
        <Stat
          label="Advocates sharing"
          value={thisWeek.advocates}
          before={lastWeek.advocates}
          note={advocates === 0 ? 'No advocate has joined yet' : `of ${advocates.toLocaleString()} enrolled`}
          testId="home-active-advocates"
        />
        <Stat label="Shares" value={thisWeek.shares} before={lastWeek.shares} testId="home-week-shares" />
        <Stat label="Clicks" value={thisWeek.clicks} before={lastWeek.clicks} testId="home-week-clicks" />
      </dl>
    </section>
  );
}
