/** The preview beside the form: the selected network's selected variant as it will look once posted, and a switch between its variants. */
import type { CompiledGuidelines } from '../../../../lib/guidelines';
import { languageName } from '../../../../lib/languages';
import { network, type TextNetwork } from '../../../../lib/networks';
import { PostPreview, type CardInfo } from '../../components/previews';
import type { VariantDraft } from './draft';
import { useVariantChecks } from './use-variant-checks';

interface Props {
  id: TextNetwork;
  enabled: boolean;
  variants: VariantDraft[];
  index: number;
  compiled: CompiledGuidelines;
  card: CardInfo;
  onSelect: (index: number) => void;
  /** The shown text's language tag ('' : not stated). */
  language?: string;
}

export function PreviewPanel({ id, enabled, variants, index, compiled, card, onSelect, language }: Props) {
  const text = variants[index]?.text ?? '';
  const { rendered, marks } = useVariantChecks(text, id, compiled);
  const name = network(id).label;
  return (
    <aside class="compose__preview" aria-labelledby="compose-preview-title">
      <div class="compose__preview-head">
        <h2 id="compose-preview-title">Preview{language && <span class="muted"> · {languageName(language)}</span>}</h2>
        {variants.length > 1 && (
          <div class="segmented segmented--small" role="group" aria-label={`${name} variant shown`}>
            {variants.map((entry, at) => (
              <button key={entry.key} type="button" aria-pressed={at === index} onClick={() => onSelect(at)}>
                <span class="visually-hidden">Variant </span>
                {at + 1}
              </button>
            ))}
          </div>
        )}
      </div>
      {enabled ? (
        <div lang={language || undefined}>
          <PostPreview id={id} index={index} text={rendered} marks={marks} card={card} />
        </div>
      ) : (
        <p class="muted compose__preview-off">{name} is off for this post.</p>
      )}
      <p class="field__hint">
        As advocates will post it on {name}, with their own tracked link; words the guidelines flag are marked.
      </p>
    </aside>
  );
}
