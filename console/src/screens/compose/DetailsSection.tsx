/** "Details": the campaign (utm_campaign), tags and language of a post. */
import { InputField } from '../../components/fields';
import type { Errors } from '../../forms';
import { FORM, type Draft, type TextKey } from './draft';

const LANGUAGES = ['en', 'en-GB', 'en-US', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'ja'];

interface Props {
  draft: Draft;
  errors: Errors;
  set: (key: TextKey) => (value: string) => void;
}

export function DetailsSection({ draft, errors, set }: Props) {
  return (
    <section class="card form-section" aria-labelledby="compose-details">
      <h2 id="compose-details">Details</h2>
      <div class="grid-3">
        <InputField
          form={FORM}
          path="campaign"
          label="Campaign"
          errors={errors}
          hint="utm_campaign of every shared link; the title’s slug if empty."
          type="text"
          value={draft.campaign}
          onValue={set('campaign')}
        />
        <InputField
          form={FORM}
          path="tags"
          label="Tags"
          errors={errors}
          hint="Separated by commas, e.g. product, hiring."
          type="text"
          value={draft.tags}
          onValue={set('tags')}
        />
        <InputField
          form={FORM}
          path="language"
          label="Language"
          errors={errors}
          hint="A language tag: en, en-GB, de, fr…"
          type="text"
          list="compose-languages"
          autoComplete="off"
          value={draft.language}
          onValue={set('language')}
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
