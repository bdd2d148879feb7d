/** "Banned terms": words, phrases or patterns advocates must not post, each with the reason they see. */
import { InputField } from '../../components/fields';
import { Checkbox } from '../../components/ui';
import { RowList } from '../../components/RowList';
import { replaceAt, type SchemaForm } from '../../forms';
import { FORM, newTerm, type Draft, type TermDraft } from './draft';

const MAX_TERMS = 1000;

export function BannedTermsSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  function setTerm(index: number, change: Partial<TermDraft>) {
    form.update(`bannedTerms.${index}`, (current) => ({
      ...current,
      terms: replaceAt(current.terms, index, (term) => ({ ...term, ...change })),
    }));
  }

  return (
    <section class="card form-section" aria-labelledby="guidelines-terms">
      <h2 id="guidelines-terms">Banned terms</h2>
      <p class="field__hint">
        Words or phrases advocates must not post, matched as whole words in any case. Advocates see the reason you give.
      </p>
      <RowList
        form={form}
        formId={FORM}
        path="bannedTerms"
        rows={draft.terms}
        rowsOf={(current) => current.terms}
        withRows={(current, terms) => ({ ...current, terms })}
        newRow={newTerm}
        firstField="pattern"
        name="Banned term"
        rowClass="term-row"
        addId="guidelines-add-term"
        max={MAX_TERMS}
        empty={<p class="muted">No banned terms yet.</p>}
      >
        {(term, index) => (
          <>
            <InputField
              form={FORM}
              path={`bannedTerms.${index}.pattern`}
              label="Word or phrase"
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
              label="Match as a regular expression (for experts)"
              checked={term.regex}
              onChange={(regex) => setTerm(index, { regex })}
            />
          </>
        )}
      </RowList>
    </section>
  );
}
