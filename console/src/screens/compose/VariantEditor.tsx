/** One variant: its text, its length as the network counts it, the guideline checks, and its live preview. */
import { useMemo } from 'preact/hooks';
import { approvedText, checkPost, guidelineRule, type CompiledGuidelines, type Hint } from '../../../../lib/guidelines';
import { network, type TextNetwork } from '../../../../lib/networks';
import { TextareaField } from '../../components/fields';
import { PostPreview, type CardInfo } from '../../components/previews';
import { fieldId, type Errors } from '../../forms';
import { FORM } from './draft';
import { LengthCounter } from './LengthCounter';
import { SAMPLE_LINK } from './sample-link';
import { VariantChecks } from './VariantChecks';

/** What every variant editor of the form shares. */
export interface VariantContext {
  errors: Errors;
  compiled: CompiledGuidelines;
  /** The guidelines loaded, so "Meets the guidelines." means something. */
  checked: boolean;
  card: CardInfo;
  onChange: (index: number, text: string) => void;
  onRemove: (index: number) => void;
  onFix: (index: number, hint: Hint) => void;
}

interface Props extends VariantContext {
  id: TextNetwork;
  index: number;
  text: string;
  count: number;
}

/** Networks with room for this many characters or fewer get a short box and a short-post placeholder. */
const SHORT_POST = 500;

export function VariantEditor({ id, index, text, count, compiled, card, ...props }: Props) {
  const { label: name, length } = network(id);
  const path = `variants.${id}.${index}`;
  const fieldPath = fieldId(FORM, path);
  const label = `${name} variant ${index + 1}`;
  // As advocates will get it: with the disclosure added where it fits.
  const rendered = approvedText(text, id, compiled, SAMPLE_LINK);
  const hints = useMemo(
    () => (text.trim() ? checkPost(rendered, { network: id, guidelines: compiled }) : []),
    [compiled, rendered, id, text],
  );
  const marks = hints.flatMap((hint) => (hint.range && guidelineRule(hint.kind)?.marksWords ? [hint.range] : []));
  const counterId = `${fieldPath}-counter`;
  const checksId = `${fieldPath}-checks`;
  const short = length.max <= SHORT_POST;

  return (
    <li class="variant">
      <div class="variant__editor">
        <TextareaField
          form={FORM}
          path={path}
          label={label}
          errors={props.errors}
          describedBy={[counterId, checksId]}
          after={
            <>
              <LengthCounter id={counterId} network={id} text={rendered} />
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
        {count > 1 && (
          <button
            type="button"
            class="button button--small button--quiet"
            aria-label={`Remove ${label}`}
            onClick={() => props.onRemove(index)}
          >
            Remove
          </button>
        )}
      </div>
      <div class="variant__preview">
        <PostPreview id={id} index={index} text={rendered} marks={marks} card={card} />
      </div>
    </li>
  );
}
