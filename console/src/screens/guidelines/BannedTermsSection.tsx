/** "Banned terms": words, phrases or patterns advocates must not post, each with the reason they see. */
import { InputField } from '../../components/fields';
import { Checkbox } from '../../components/ui';
import { fieldId, removeAt, replaceAt, rowAfterRemoval, type SchemaForm } from '../../forms';
import { FORM, newTerm, type Draft, type TermDraft } from './draft';

const MAX_TERMS = 1000;
const ADD_ID = 'guidelines-add-term';

export function BannedTermsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  function setTerm(index: number, change: Partial<TermDraft>) {
    form.update(`bannedTerms.${index}`, (current) => ({
      ...current,
      terms: replaceAt(current.terms, index, (term) => ({ ...term, ...change })),
    }));
  }

  function addTerm() {
    form.update('bannedTerms', (current) => ({ ...current, terms: [...current.terms, newTerm()] }));
    form.focusLater(fieldId(FORM, `bannedTerms.${draft.terms.length}.pattern`));
  }

  function removeTerm(index: number) {
    form.update('bannedTerms', (current) => ({ ...current, terms: removeAt(current.terms, index) }));
    // Errors of later rows would point at the wrong row now.
    form.dropServerErrors();
    const idOfRow = (i: number) => fieldId(FORM, `bannedTerms.${i}.pattern`);
    form.focusLater(rowAfterRemoval(draft.terms.length - 1, index, idOfRow, ADD_ID));
  }

  return (
    <section class="card form-section" aria-labelledby="guidelines-terms">
      <h2 id="guidelines-terms">Banned terms</h2>
      <p class="field__hint">
        Words, phrases or regular expressions advocates must not post (matched whole-word, any case). The reason is what
        advocates see.
      </p>
      {draft.terms.length === 0 ? (
        <p class="muted">No banned terms yet.</p>
      ) : (
        <ol class="rows">
          {draft.terms.map((term, index) => (
            <li key={term.key} class="row-item">
              <fieldset class="fieldset row-fieldset">
                <legend>Banned term {index + 1}</legend>
                <div class="term-row">
                  <InputField
                    form={FORM}
                    path={`bannedTerms.${index}.pattern`}
                    label="Pattern"
                    errors={form.errors}
                    type="text"
                    maxLength={200}
                    class={term.regex ? 'mono' : undefined}
                    value={term.pattern}
                    onValue={(pattern) => setTerm(index, { pattern })}
                  />
                  <InputField
                    form={FORM}
                    path={`bannedTerms.${index}.reason`}
                    label="Reason"
                    errors={form.errors}
                    type="text"
                    maxLength={300}
                    value={term.reason}
                    onValue={(reason) => setTerm(index, { reason })}
                  />
                  <Checkbox
                    id={`guidelines-term-${term.key}-regex`}
                    label="Regular expression"
                    checked={term.regex}
                    onChange={(regex) => setTerm(index, { regex })}
                  />
                  <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label={`Remove banned term ${index + 1}`}
                    onClick={() => removeTerm(index)}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        id={ADD_ID}
        class="button button--small"
        disabled={draft.terms.length >= MAX_TERMS}
        onClick={addTerm}
      >
        Add banned term
      </button>
    </section>
  );
}
