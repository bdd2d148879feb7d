/** "62 / 280": a post's length as its network counts it (from the registry), over the limit in red. */
import { network, type Network } from '../../../../lib/networks';
import { postLength } from '../../../../lib/guidelines';

export function LengthCounter({ id, network: on, text }: { id: string; network: Network; text: string }) {
  const { label, length } = network(on);
  const { length: count } = postLength(text, on); // the same count the guidelines check
  const weighted = length.counting === 'twitter-weighted';
  return (
    <p id={id} class={`counter${count > length.max ? ' counter--over' : ''}`}>
      <span class="visually-hidden">{weighted ? `${label} weighted length: ` : 'Characters: '}</span>
      {count.toLocaleString('en-US')} / {length.max.toLocaleString('en-US')}
      {weighted && <span class="muted"> (the link counts 23)</span>}
    </p>
  );
}
