/** "For advocates and reports": the note advocates read, the campaign (utm_campaign), tags and language. */
import { InputField, TextareaField } from '../../components/fields';
import type { Errors } from '../../forms';
import { FORM, type Draft, type TextKey } from './draft';

const LANGUAGES = ['en', 'en-GB', 'en-US', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'ja'];

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: TextKey) => (value: string) => void;
}

export function DetailsSection({ draft, errors, set }: Props) {
  const field = (key: 'campaign' | 'tags' | 'language') => ({
    form: FORM,
    path: key,
    errors,
    type: 'text',
    value: draft[key],
    onValue: set(key),
  });
  return (
    <section class="card form-section" aria-labelledby="compose-details">
      <h2 id="compose-details">Details</h2>
      <TextareaField
        form={FORM}
        path="note"
        label="Note for advocates"
        errors={errors}
        hint="Optional: context, talking points, who it is for. Not part of the post."
        rows={3}
        value={draft.note}
        onValue={set('note')}
      />
      <div class="details-row">
        <InputField {...field('campaign')} label="Campaign" hint="utm_campaign; from the title if empty." />
        <InputField {...field('tags')} label="Tags" hint="Separated by commas: product, hiring." />
        <InputField
          {...field('language')}
          label="Language"
          hint="en, en-GB, de, fr…"
          list="compose-languages"
          autoComplete="off"
        />
        <datalist id="compose-languages">
          {LANGUAGES.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
    </section>
  );
}
