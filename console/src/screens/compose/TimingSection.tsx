/** "Timing": when the post is published and when advocates stop seeing it, in the admin's time zone. */
import { InputField } from '../../components/fields';
import type { Errors } from '../../forms';
import { zoneName } from '../../time';
import { FORM, type Draft, type TextKey } from './draft';

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: TextKey) => (value: string) => void;
}

export function TimingSection({ draft, errors, set }: Props) {
  return (
    <section class="card form-section" aria-labelledby="compose-timing">
      <h2 id="compose-timing">Timing</h2>
      <p class="field__hint">
        Times are in your time zone ({zoneName()}). Leave both empty to publish when you press Publish.
      </p>
      <div class="grid-2">
        <InputField
          form={FORM}
          path="publishAt"
          label="Publish at"
          errors={errors}
          hint="A future time schedules the post."
          type="datetime-local"
          value={draft.publishAt}
          onValue={set('publishAt')}
        />
        <InputField
          form={FORM}
          path="expiresAt"
          label="Expires at"
          errors={errors}
          hint="Advocates stop seeing it then."
          type="datetime-local"
          value={draft.expiresAt}
          onValue={set('expiresAt')}
        />
      </div>
    </section>
  );
}
