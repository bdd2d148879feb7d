/** "Limits and company": the hashtag limit, the daily share cap, and the company names that call for the disclosure. */
import { NumberField, TextareaField } from '../../components/fields';
import type { SchemaForm } from '../../forms';
import { FORM, type Draft } from './draft';

type Key = 'maxHashtags' | 'dailyShareCap' | 'companyNames';

const LIMITS = [
  {
    key: 'maxHashtags',
    label: 'Most hashtags per post',
    hint: "0–30; empty for no limit. The disclosure hashtag doesn't count.",
    min: 0,
    max: 30,
  },
  {
    key: 'dailyShareCap',
    label: 'Daily share cap',
    hint: 'Shares per advocate per day (UTC), 1–500; empty for no cap. Advocates are warned when they reach it, and shares past it that day earn no points.',
    min: 1,
    max: 500,
  },
] as const;

export function LimitsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  const set = (key: Key) => (value: string) => form.update(key, (current) => ({ ...current, [key]: value }));
  return (
    <section class="card form-section" aria-labelledby="guidelines-limits">
      <h2 id="guidelines-limits">Limits and company</h2>
      <div class="grid-2">
        {LIMITS.map(({ key, ...field }) => (
          <NumberField
            key={key}
            form={FORM}
            path={key}
            errors={form.errors}
            {...field}
            value={draft[key]}
            onValue={set(key)}
          />
        ))}
      </div>
      <TextareaField
        form={FORM}
        path="companyNames"
        label="Company names"
        errors={form.errors}
        hint="One per line. A post naming one of them is about the company and needs the disclosure."
        rows={3}
        value={draft.companyNames}
        onValue={set('companyNames')}
      />
    </section>
  );
}
