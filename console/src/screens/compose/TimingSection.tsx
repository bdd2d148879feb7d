/** "Timing": when the post goes live and when advocates stop seeing it, in the admin's zone, with quick choices. */
import { DateTimeField } from '../../components/DateTimeField';
import type { Errors } from '../../forms';
import { localToIso } from '../../time';
import { expiryChoices, publishChoices, zoneLabel } from '../../time-choices';
import { FORM, type Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: 'publishAt' | 'expiresAt') => (value: string) => void;
}

export function TimingSection({ draft, errors, set }: Props) {
  const now = new Date();
  const zone = zoneLabel(now);
  const publishIso = localToIso(draft.publishAt);
  return (
    <section class="card form-section" aria-labelledby="compose-timing">
      <h2 id="compose-timing">Timing</h2>
      <div class="timing">
        <DateTimeField
          form={FORM}
          path="publishAt"
          label="Publish at"
          zone={zone}
          hint="A future time schedules the post. Empty: it goes live when you press Publish now."
          errors={errors}
          value={draft.publishAt}
          choices={publishChoices(now)}
          onValue={set('publishAt')}
        />
        <DateTimeField
          form={FORM}
          path="expiresAt"
          label="Expires at"
          zone={zone}
          hint="Advocates stop seeing it then. Empty: it stays until you archive it."
          errors={errors}
          value={draft.expiresAt}
          choices={expiryChoices(now, publishIso ? new Date(publishIso) : null)}
          onValue={set('expiresAt')}
        />
      </div>
    </section>
  );
}
