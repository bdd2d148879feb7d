/** "Timing": when the post is published and when advocates stop seeing it, in the admin's time zone. */
import { InputFields, type FieldSpec } from '../../components/fields';
import type { Errors } from '../../forms';
import { zoneName } from '../../time';
import { FORM, type Draft } from './draft';

const FIELDS: FieldSpec<'publishAt' | 'expiresAt'>[] = [
  { key: 'publishAt', label: 'Publish at', hint: 'A future time schedules the post.' },
  { key: 'expiresAt', label: 'Expires at', hint: 'Advocates stop seeing it then.' },
];

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: 'publishAt' | 'expiresAt') => (value: string) => void;
}

export function TimingSection({ draft, errors, set }: Props) {
  return (
    <section class="card form-section" aria-labelledby="compose-timing">
      <h2 id="compose-timing">Timing</h2>
      <p class="field__hint">
        Times are in your time zone ({zoneName()}). Leave both empty to publish when you press Publish.
      </p>
      <div class="grid-2">
        <InputFields form={FORM} errors={errors} type="datetime-local" fields={FIELDS} values={draft} set={set} />
      </div>
    </section>
  );
}
