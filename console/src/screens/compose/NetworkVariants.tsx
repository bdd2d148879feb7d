/** The tab panel of one text network: its variants and "Add a variant", or why it is off and a way to turn it on. */
import type { TextNetwork } from '../../../../lib/networks';
import { network } from '../../../../lib/networks';
import { fieldId } from '../../forms';
import { FORM, MAX_VARIANTS, type VariantDraft } from './draft';
import { VariantEditor, type VariantContext } from './VariantEditor';

interface Props extends VariantContext {
  id: TextNetwork;
  enabled: boolean;
  variants: VariantDraft[];
  /** The variant the preview shows. */
  selected: number;
  onAdd: () => void;
  onEnable: () => void;
}

export function NetworkVariants({ id, enabled, variants, selected, onAdd, onEnable, ...context }: Props) {
  const name = network(id).label;
  const listError = context.errors[`variants.${id}`];
  return (
    <div class="network-variants" role="tabpanel" id={`compose-panel-${id}`} aria-labelledby={`compose-tab-${id}`}>
      {!enabled && (
        <div class="network-variants__off">
          <p class="muted">{name} is off for this post. Text you wrote is kept.</p>
          <button type="button" class="button button--small" onClick={onEnable}>
            Share on {name} too
          </button>
        </div>
      )}
      {listError && <p class="field__error">{listError}</p>}
      {enabled && (
        <>
          <ol class="variants">
            {variants.map((entry, index) => (
              <VariantEditor
                key={entry.key}
                id={id}
                index={index}
                text={entry.text}
                count={variants.length}
                selected={index === selected}
                {...context}
              />
            ))}
          </ol>
          <div class="network-variants__add">
            <button
              type="button"
              id={fieldId(FORM, `variants.${id}`)}
              class="button button--small"
              disabled={variants.length >= MAX_VARIANTS}
              onClick={onAdd}
            >
              Add {name} variant
            </button>
            <p class="field__hint">Each advocate gets one variant, so fewer people post the same words.</p>
          </div>
        </>
      )}
    </div>
  );
}
