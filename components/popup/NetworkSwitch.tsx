/** Which network's suggested text a card shows: a segmented control of the card's networks. */
import type { TextNetwork } from '../../lib/schemas';
import { networkLabel } from '../../lib/networks';
import { Segmented } from './Segmented';

interface Props {
  name: string;
  options: readonly TextNetwork[];
  value: TextNetwork | null;
  onChange: (network: TextNetwork) => void;
}

export function NetworkSwitch({ name, options, value, onChange }: Props) {
  return (
    <Segmented
      name={name}
      legend="Show suggested text for"
      options={options.map((network) => ({ value: network, label: networkLabel(network) }))}
      value={value}
      onChange={onChange}
    />
  );
}
