/** The range's totals: shares, clicks, clicks per share, and installs that synced in the last 7 days. */
import type { Analytics } from '../../types';
import { rate } from './range';

export function Totals({ totals }: { totals: Analytics['totals'] }) {
  return (
    <section aria-labelledby="analytics-totals">
      <h2 id="analytics-totals" class="visually-hidden">
        Totals
      </h2>
      <dl class="stats">
        <div class="stat card">
          <dt>Shares</dt>
          <dd data-testid="total-shares">{totals.shares.toLocaleString()}</dd>
        </div>
        <div class="stat card">
          <dt>Clicks</dt>
          <dd data-testid="total-clicks">{totals.clicks.toLocaleString()}</dd>
        </div>
        <div class="stat card">
          <dt>Clicks per share</dt>
          <dd>{rate(totals.clicks, totals.shares)}</dd>
        </div>
        <div class="stat card">
          <dt>Active installs</dt>
          <dd data-testid="active-installs">{totals.activeInstalls.toLocaleString()}</dd>
          <dd class="stat__note">synced in the last 7 days</dd>
        </div>
      </dl>
    </section>
  );
}
