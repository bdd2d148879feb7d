/** "Rules per language": banned terms added for text in a language, and that language's own disclosure instead of the global one. */
import { useState } from 'preact/hooks';
import { COMMON_LANGUAGES, languageName } from '../../../../lib/languages';
import { InputField, TextareaField } from '../../components/fields';
import { replaceAt, type SchemaForm } from '../../forms';
import { FORM, type Draft } from './draft';
import { newLanguage } from './language-draft';

export function LanguageRules({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  const unused = COMMON_LANGUAGES.filter(({ tag }) => !draft.languages.some((language) => language.tag === tag));
  const [adding, setAdding] = useState('');
  const add = () => {
    const tag = adding || unused[0]?.tag;
    if (!tag) return;
    // A disclosure added later here is required on the same networks as the one above.
    const networks = Object.entries(draft.disclosureNetworks)
      .filter(([, on]) => on)
      .map(([id]) => id);
    form.update('languages', (current) => ({
      ...current,
      languages: [...current.languages, newLanguage(tag, networks)],
    }));
    setAdding('');
  };
  const set = (index: number, change: Partial<Draft['languages'][number]>) =>
    form.update(`languages.${draft.languages[index]?.tag ?? ''}`, (current) => ({
      ...current,
      languages: replaceAt(current.languages, index, (language) => ({ ...language, ...change })),
    }));
  const remove = (index: number) =>
    form.update('languages', (current) => ({
      ...current,
      languages: current.languages.filter((_, at) => at !== index),
    }));

  return (
    <section class="card form-section" aria-labelledby="guidelines-languages">
      <h2 id="guidelines-languages">Rules per language</h2>
      <p class="field__hint">
        For posts in a language: its banned terms add to the ones above, and its disclosure replaces the one above. A
        language's rules also apply to its regional variants (German to Austrian German).
      </p>
      {draft.languages.length === 0 && <p class="muted">No rules for particular languages.</p>}
      {draft.languages.map((language, index) => (
        <fieldset key={language.key} class="fieldset">
          <legend>{languageName(language.tag)}</legend>
          <InputField
            form={FORM}
            path={`languages.${language.tag}.disclosure.text`}
            label="Disclosure in this language"
            hint="Empty: the disclosure above applies"
            errors={form.errors}
            type="text"
            maxLength={100}
            value={language.disclosureText}
            onValue={(disclosureText) => set(index, { disclosureText })}
          />
          <TextareaField
            form={FORM}
            path={`languages.${language.tag}.bannedTerms`}
            label="Banned terms in this language"
            hint="One a line: word or phrase | reason"
            errors={form.errors}
            rows={3}
            value={language.terms}
            onValue={(terms) => set(index, { terms })}
          />
          <button type="button" class="button button--quiet" onClick={() => remove(index)}>
            Remove {languageName(language.tag)}
          </button>
        </fieldset>
      ))}
      {unused.length > 0 && (
        <div class="field">
          <label for="guidelines-add-language" class="field__label">
            Add language
          </label>
          <select
            id="guidelines-add-language"
            value={adding || unused[0]?.tag}
            onChange={(event) => setAdding(event.currentTarget.value)}
          >
            {unused.map(({ tag, name }) => (
              <option key={tag} value={tag}>
                {name} ({tag})
              </option>
            ))}
          </select>
          <button type="button" class="button" onClick={add}>
            Add rules for this language
          </button>
        </div>
      )}
    </section>
  );
}
