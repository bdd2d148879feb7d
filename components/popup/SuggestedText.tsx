/**
 * The suggested words for the chosen network (as plain text), the switch between its text networks
 * when the post has several, and a nudge to make it personal.
 */
import { useId } from 'preact/hooks';
import type { Network, TextNetwork } from '../../lib/schemas';
import { isTextNetwork, networkLabel } from '../../lib/networks';
import { NetworkSwitch } from './NetworkSwitch';

interface Props {
  text: string | null;
  shown: Network | null;
  options: readonly TextNetwork[];
  onChoose: (network: TextNetwork) => void;
}

export function SuggestedText({ text, shown, options, onChoose }: Props) {
  const name = useId();
  if (text === null || shown === null) return null;
  const label = options.length > 1 ? 'Suggested text' : `Suggested text for ${networkLabel(shown)}`;
  const linkOnly = !isTextNetwork(shown);
  return (
    <div class="suggestion">
      <div class="suggestion-head">
        <p class="suggestion-label">{linkOnly ? `${networkLabel(shown)} shares the link only` : label}</p>
        {options.length > 1 && (
          <NetworkSwitch name={name} options={options} value={linkOnly ? null : shown} onChange={onChoose} />
        )}
      </div>
      <p class="suggestion-text">{text}</p>
      <p class="hint">
        {linkOnly
          ? `Add a few words of your own when ${networkLabel(shown)} opens.`
          : 'Make it yours: a line in your own words reaches further.'}
      </p>
    </div>
  );
}
