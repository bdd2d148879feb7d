/** The analytics range: two dates and "Show", or one of the quick ranges; kept in the URL. */
import { useEffect, useState } from 'preact/hooks';
import { href, navigate } from '../../router';
import { defaultRange, isDay } from './range';

const PRESETS = [7, 30, 90] as const;

export function RangeForm({ from, to }: { from: string; to: string }) {
  const [fromInput, setFromInput] = useState(from);
  const [toInput, setToInput] = useState(to);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFromInput(from);
    setToInput(to);
  }, [from, to]);

  function show(range: { from: string; to: string }) {
    setError(null);
    navigate(href('/analytics', range), { replace: true });
  }

  function apply(event: Event) {
    event.preventDefault();
    if (!isDay(fromInput) || !isDay(toInput)) setError('Enter both dates.');
    else if (fromInput > toInput) setError('“From” must be on or before “To”.');
    else show({ from: fromInput, to: toInput });
  }

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': 'analytics-range-error' } : {};
  return (
    <form class="toolbar range" onSubmit={apply} noValidate aria-label="Date range">
      {[
        {
          id: 'analytics-from',
          label: 'From',
          value: fromInput,
          set: setFromInput,
          bounds: { max: toInput || undefined },
        },
        { id: 'analytics-to', label: 'To', value: toInput, set: setToInput, bounds: { min: fromInput || undefined } },
      ].map((day) => (
        <div key={day.id} class="field field--inline">
          <label for={day.id}>{day.label}</label>
          <input
            id={day.id}
            type="date"
            value={day.value}
            {...day.bounds}
            {...invalid}
            onInput={(event) => day.set(event.currentTarget.value)}
          />
        </div>
      ))}
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
              onClick={() => show(range)}
            >
              Last {days} days
            </button>
          );
        })}
      </div>
      {error && (
        <p id="analytics-range-error" class="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
