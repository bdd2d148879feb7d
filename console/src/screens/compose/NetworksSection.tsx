/** The post's link, where it goes, then a tab per text network holding its variants: one card, so the text is in view at once. */
import type { ComponentChildren } from 'preact';
import {
  NETWORKS,
  TEXT_NETWORKS,
  network,
  perTextNetwork,
  type Network,
  type TextNetwork,
} from '../../../../lib/networks';
import { NetworkChecks } from '../../components/NetworkChecks';
import { errorAt, fieldId, type Errors } from '../../forms';
import { FORM, type Draft } from './draft';
import { VariantTabs } from './VariantTabs';

interface Props {
  draft: Draft;
  errors: Errors;
  guidelinesError: string | null;
  active: TextNetwork;
  onPick: (id: TextNetwork) => void;
  onNetwork: (id: Network, on: boolean) => void;
  /** The language tabs, above the networks' tabs. */
  languages?: ComponentChildren;
  /** The link's fields, above the networks. */
  link: ComponentChildren;
  /** The active network's panel (a NetworkVariants). */
  children: ComponentChildren;
}

/** "Facebook shares carry the link only: …", for each network that takes no prefilled text. */
const LINK_ONLY = NETWORKS.filter((id) => !network(id).carriesText).map((id) => {
  const { label } = network(id);
  return `${label} shares the link only (its policy forbids prefilled text).`;
});

export function NetworksSection(props: Props) {
  const { draft, errors, guidelinesError, active, onPick, onNetwork, link, languages, children } = props;
  const networksError = errorAt(errors, 'networks');
  const invalid = new Set(
    TEXT_NETWORKS.filter((id) => Object.keys(errors).some((path) => path.startsWith(`variants.${id}`))),
  );
  return (
    <section class="card form-section compose__post" aria-labelledby="compose-texts">
      <h2 id="compose-texts">Link and text</h2>
      {link}
      <fieldset
        class="fieldset networks-row"
        aria-describedby={networksError ? 'compose-networks-error' : 'compose-networks-hint'}
      >
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
        <p id="compose-networks-hint" class="field__hint">
          {LINK_ONLY.join(' ')}
        </p>
      </fieldset>
      {guidelinesError && (
        <p class="notice notice--info">Guideline checks are off: the guidelines didn’t load ({guidelinesError}).</p>
      )}
      {errors.variants && (
        <p class="field__error" id={fieldId(FORM, 'variants')} tabIndex={-1}>
          {errors.variants}
        </p>
      )}
      <div class="tabbed">
        {languages}
        <VariantTabs
          active={active}
          enabled={perTextNetwork((id) => draft.networks[id])}
          counts={perTextNetwork((id) => draft.variants[id].length)}
          invalid={invalid}
          onPick={onPick}
        />
        {children}
      </div>
    </section>
  );
}
