/** "Details": the campaign (utm_campaign), tags and language of a post. */
import { InputFields, type FieldSpec } from '../../components/fields';
import type { Errors } from '../../forms';
import { FORM, type Draft, type TextKey } from './draft';

const LANGUAGES = ['en', 'en-GB', 'en-US', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'ja'];

const FIELDS: FieldSpec<'campaign' | 'tags' | 'language'>[] = [
  { key: 'campaign', label: 'Campaign', hint: 'utm_campaign of every shared link; the title’s slug if empty.' },
  { key: 'tags', label: 'Tags', hint: 'Separated by commas, e.g. product, hiring.' },
  {
    key: 'language',
    label: 'Language',
    hint: 'A language tag: en, en-GB, de, fr…',
    input: { list: 'compose-languages', autoComplete: 'off' },
  },
];

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
        <InputFields form={FORM} errors={errors} type="text" fields={FIELDS} values={draft} set={set} />
        <datalist id="compose-languages">
          {LANGUAGES.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
    </section>
  );
}
