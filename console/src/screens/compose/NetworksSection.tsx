/** "Networks and text variants": which networks the post goes to, and its variants for each text network. */
import type { ComponentChildren } from 'preact';
import { NETWORKS, TEXT_NETWORKS, network, type Network, type TextNetwork } from '../../../../lib/networks';
import { NetworkChecks } from '../../components/NetworkChecks';
import { errorAt, fieldId, type Errors } from '../../forms';
import { FORM, type Draft } from './draft';

interface Props {
  draft: Draft;
  errors: Errors;
  guidelinesError: string | null;
  onNetwork: (id: Network, on: boolean) => void;
  /** The variants of one network (a NetworkVariants). */
  children: (id: TextNetwork) => ComponentChildren;
}

/** "Facebook shares carry the link only: …", for each network that takes no prefilled text. */
const LINK_ONLY = NETWORKS.filter((id) => !network(id).carriesText).map((id) => {
  const { label } = network(id);
  return `${label} shares carry the link only: ${label}’s policy forbids prefilled text.`;
});

export function NetworksSection({ draft, errors, guidelinesError, onNetwork, children }: Props) {
  const networksError = errorAt(errors, 'networks');
  return (
    <section class="card form-section" aria-labelledby="compose-texts">
      <h2 id="compose-texts">Networks and text variants</h2>
      <fieldset class="fieldset" aria-describedby={networksError ? 'compose-networks-error' : undefined}>
        <legend>Networks</legend>
        <NetworkChecks
          idOf={(id, index) => (index === 0 ? fieldId(FORM, 'networks') : fieldId(FORM, `networks-${id}`))}
          checked={draft.networks}
          onChange={onNetwork}
        />
        {networksError && (
          <p id="compose-networks-error" class="field__error">
            {networksError}
          </p>
        )}
        {LINK_ONLY.map((hint) => (
          <p key={hint} class="field__hint">
            {hint}
          </p>
        ))}
      </fieldset>
      {guidelinesError && (
        <p class="notice notice--info">Guideline checks are off: the guidelines didn’t load ({guidelinesError}).</p>
      )}
      {errors.variants && (
        <p class="field__error" id={fieldId(FORM, 'variants')} tabIndex={-1}>
          {errors.variants}
        </p>
      )}
      {TEXT_NETWORKS.map((id) => children(id))}
    </section>
  );
}
