/** A variant on a network with no preview of its own: its icon and name, the text, the link card. */
import { network, type Network } from '../../../../lib/networks';
import { BodyCard, type PreviewProps } from './card';
import { NetworkIcon } from './NetworkIcon';
import { RichText } from './RichText';

export function NetworkPreview({ id, text, marks, card, label }: PreviewProps & { id: Network }) {
  return (
    <figure class="preview preview--generic">
      <figcaption class="preview__caption">{label}</figcaption>
      <div class="preview__head">
        <NetworkIcon id={id} />
        <div>
          <p class="preview__name">Your Advocate</p>
          <p class="preview__meta">on {network(id).label} · now</p>
        </div>
      </div>
      <p class="preview__text">
        <RichText text={text} marks={marks} />
      </p>
      <BodyCard card={card} modifier="generic" />
    </figure>
  );
}
