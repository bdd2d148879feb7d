/** One variant: its text, its length as the network counts it, and the guideline checks; focusing it shows it in the preview. */
import type { CompiledGuidelines, Hint } from '../../../../lib/guidelines';
import { network, type TextNetwork } from '../../../../lib/networks';
import { TextareaField } from '../../components/fields';
import { fieldId, type Errors } from '../../forms';
import { FORM } from './draft';
import { LengthCounter } from './LengthCounter';
import { useVariantChecks } from './use-variant-checks';
import { VariantChecks } from './VariantChecks';

/** What every variant editor of the form shares. */
export interface VariantContext {
  errors: Errors;
  compiled: CompiledGuidelines;
  /** The guidelines loaded, so "Meets the guidelines." means something. */
  checked: boolean;
  onChange: (index: number, text: string) => void;
  onRemove: (index: number) => void;
  onFix: (index: number, hint: Hint) => void;
  /** Shows this variant in the preview. */
  onSelect: (index: number) => void;
}

interface Props extends VariantContext {
  id: TextNetwork;
  index: number;
  text: string;
  count: number;
  /** The preview shows this one. */
  selected: boolean;
}

/** Networks with room for this many characters or fewer get a short box and a short-post placeholder. */
const SHORT_POST = 500;

export function VariantEditor({ id, index, text, count, compiled, selected, ...props }: Props) {
  const { label: name, length } = network(id);
  const path = `variants.${id}.${index}`;
  const fieldPath = fieldId(FORM, path);
  const label = `${name} variant ${index + 1}`;
  const { rendered, hints } = useVariantChecks(text, id, compiled);
  const counterId = `${fieldPath}-counter`;
  const checksId = `${fieldPath}-checks`;
  const short = length.max <= SHORT_POST;

  return (
    <li class={`variant${selected ? ' variant--selected' : ''}`} onFocusCapture={() => props.onSelect(index)}>
      <TextareaField
        form={FORM}
        path={path}
        label={label}
        errors={props.errors}
        describedBy={[counterId, checksId]}
        after={
          <>
            <div class="variant__meta">
              <LengthCounter id={counterId} network={id} text={rendered} />
              {selected && count > 1 && <span class="variant__previewed">Shown in the preview</span>}
              {count > 1 && (
                <button
                  type="button"
                  class="button button--small button--quiet variant__remove"
                  aria-label={`Remove ${label}`}
                  onClick={() => props.onRemove(index)}
                >
                  Remove
                </button>
              )}
            </div>
            <VariantChecks
              id={checksId}
              label={label}
              text={text}
              hints={hints}
              checked={props.checked}
              onFix={(hint) => props.onFix(index, hint)}
            />
          </>
        }
        rows={short ? 4 : 6}
        value={text}
        placeholder={
          short
            ? 'Short and personal. {link} marks where the link goes.'
            : 'What should colleagues say? {link} marks where the link goes; without it the link is added at the end.'
        }
        onValue={(value) => props.onChange(index, value)}
      />
    </li>
  );
}
