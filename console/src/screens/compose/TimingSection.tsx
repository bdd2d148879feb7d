/** "Timing": when the post is published and when advocates stop seeing it, in the admin's time zone. */
import { InputField } from '../../components/fields';
import type { Errors } from '../../forms';
import { zoneName } from '../../time';
import { FORM, type Draft } from './draft';

const FIELDS = [
  { key: 'publishAt', label: 'Publish at', hint: 'A future time schedules the post.' },
  { key: 'expiresAt', label: 'Expires at', hint: 'Advocates stop seeing it then.' },
] as const;

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: (typeof FIELDS)[number]['key']) => (value: string) => void;
}

export function TimingSection({ draft, errors, set }: Props) {
  return (
    <section class="card form-section" aria-labelledby="compose-timing">
      <h2 id="compose-timing">Timing</h2>
      <p class="field__hint">
        Times are in your time zone ({zoneName()}). Leave both empty to publish when you press Publish.
      </p>
      <div class="grid-2">
        {FIELDS.map(({ key, label, hint }) => (
          <InputField
            key={key}
            form={FORM}
            path={key}
            label={label}
            errors={errors}
            hint={hint}
            type="datetime-local"
            value={draft[key]}
            onValue={set(key)}
          />
        ))}
      </div>
    </section>
  );
}
