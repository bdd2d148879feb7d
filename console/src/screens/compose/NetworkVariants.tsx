/** One text network's variants: an editor and a preview for each, "Add {network} variant", or why it is off. */
import type { TextNetwork } from '../../../../lib/networks';
import { network } from '../../../../lib/networks';
import { fieldId } from '../../forms';
import { FORM, MAX_VARIANTS, type VariantDraft } from './draft';
import { VariantEditor, type VariantContext } from './VariantEditor';

interface Props extends VariantContext {
  id: TextNetwork;
  enabled: boolean;
  variants: VariantDraft[];
  onAdd: () => void;
}

export function NetworkVariants({ id, enabled, variants, onAdd, ...context }: Props) {
  const name = network(id).label;
  const headingId = `compose-${id}-heading`;
  const listError = context.errors[`variants.${id}`];
  return (
    <section class="network-variants" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} variants <span class="muted">({variants.length})</span>
      </h3>
      {!enabled && (
        <p class="muted">
          {name} is off for this post: turn it on under Networks to share there. Text you wrote is kept.
        </p>
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
                {...context}
              />
            ))}
          </ol>
          <button
            type="button"
            id={fieldId(FORM, `variants.${id}`)}
            class="button button--small"
            disabled={variants.length >= MAX_VARIANTS}
            onClick={onAdd}
          >
            Add {name} variant
          </button>
        </>
      )}
    </section>
  );
}
