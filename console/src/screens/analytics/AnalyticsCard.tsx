/** A card of analytics: its heading with a CSV download of the same numbers, then its body. */
import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  title: string;
  /** The CSV's address, and what it holds ("per network", "every post"). */
  csv: string;
  csvWhat: string;
  children: ComponentChildren;
}

export function AnalyticsCard({ id, title, csv, csvWhat, children }: Props) {
  return (
    <section class="card form-section" aria-labelledby={id}>
      <div class="section-head">
        <h2 id={id}>{title}</h2>
        <a class="small" href={csv} download>
          Download CSV<span class="visually-hidden"> ({csvWhat})</span>
        </a>
      </div>
      {children}
    </section>
  );
}
