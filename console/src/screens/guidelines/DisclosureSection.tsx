/** "Disclosure": whether every post must say the advocate works for the company, with what text, on which networks. */
import { InputField } from '../../components/fields';
import { NetworkChecks } from '../../components/NetworkChecks';
import { Checkbox } from '../../components/ui';
import { errorAt, fieldId, type SchemaForm } from '../../forms';
import { FORM, type Draft } from './draft';

export function DisclosureSection({ form, draft }: { form: SchemaForm<Draft>; draft: Draft }) {
  const networksError = errorAt(form.errors, 'disclosure.networks');
  return (
    <section class="card form-section" aria-labelledby="guidelines-disclosure">
      <h2 id="guidelines-disclosure">Disclosure</h2>
      <p class="field__hint">
        The FTC expects employees to disclose their connection to the company, e.g. with #employee or “I work at …”.
      </p>
      <Checkbox
        id="guidelines-disclosure-on"
        label="Require a disclosure in every post"
        checked={draft.disclosureOn}
        onChange={(on) => form.update('disclosure', (current) => ({ ...current, disclosureOn: on }))}
      />
      {draft.disclosureOn && (
        <>
          <InputField
            form={FORM}
            path="disclosure.text"
            label="Disclosure text"
            errors={form.errors}
            hint='e.g. "#employee"'
            type="text"
            maxLength={100}
            value={draft.disclosureText}
            onValue={(value) => form.update('disclosure.text', (current) => ({ ...current, disclosureText: value }))}
          />
          <fieldset class="fieldset">
            <legend>Required on</legend>
            <NetworkChecks
              idOf={(id, index) => (index === 0 ? fieldId(FORM, 'disclosure.networks') : `guidelines-disclosure-${id}`)}
              checked={draft.disclosureNetworks}
              onChange={(id, on) =>
                form.update('disclosure.networks', (current) => ({
                  ...current,
                  disclosureNetworks: { ...current.disclosureNetworks, [id]: on },
                }))
              }
            />
            {networksError && <p class="field__error">{networksError}</p>}
          </fieldset>
        </>
      )}
    </section>
  );
}
