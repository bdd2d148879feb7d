/** "Bonuses and clicks": the early-share and own-words bonuses, click points and their cap; the daily cap lives in the guidelines. */
import { NumberField } from '../../components/fields';
import { href } from '../../router';
import type { SchemaForm } from '../../forms';
import { FORM, LABELS, NUMBER_FIELDS, type Draft, type NumberKey } from './draft';

const FIELDS: { key: NumberKey; hint: string; min?: number; max: number }[] = [
  { key: 'earlyPoints', hint: 'For sharing soon after publishing.', max: 10_000 },
  { key: 'earlyWithinHours', hint: 'Hours after publishing, 1–720.', min: 1, max: 720 },
  { key: 'personalizedBonus', hint: 'When the advocate changed the suggested text.', max: 10_000 },
  { key: 'pointsPerClick', hint: 'For each human click on a tracked link.', max: 10_000 },
  { key: 'maxClickPointsPerShare', hint: 'Click points one share can earn at most.', max: 10_000 },
];

export function BonusesSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  return (
    <fieldset class="card form-section fieldset--card" disabled={!draft.enabled}>
      <legend>Bonuses and clicks</legend>
      <div class="grid-3">
        {FIELDS.map(({ key, hint, min = 0, max }) => {
          const path = NUMBER_FIELDS[key];
          return (
            <NumberField
              key={key}
              form={FORM}
              path={path}
              label={LABELS[path]}
              errors={form.errors}
              hint={hint}
              min={min}
              max={max}
              value={draft[key]}
              onValue={(value) => form.update(path, (current) => ({ ...current, [key]: value }))}
            />
          );
        })}
      </div>
      <p class="field__hint">
        The daily share cap is set once, in <a href={href('/guidelines')}>Guidelines</a>.
      </p>
    </fieldset>
  );
}
