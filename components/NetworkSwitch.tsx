/**
 * A small segmented control (native radio buttons, so arrow keys work) choosing which network's
 * suggested text a card shows.
 */
import type { TextNetwork } from '../lib/schemas';
import { NETWORK_LABEL } from './networks';

interface Props {
  name: string;
  options: readonly TextNetwork[];
  value: TextNetwork | null;
  onChange: (network: TextNetwork) => void;
}

export function NetworkSwitch({ name, options, value, onChange }: Props) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">Show suggested text for</legend>
      {options.map((network) => (
        <label key={network} class="segment">
          <input
            type="radio"
            name={name}
            value={network}
            checked={value === network}
            onChange={() => onChange(network)}
          />
          <span>{NETWORK_LABEL[network]}</span>
        </label>
      ))}
    </fieldset>
  );
}
