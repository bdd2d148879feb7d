/** One checkbox per network of the registry, in its order (a post's networks, the disclosure's networks). */
import { NETWORKS, network, type Network } from '../../../lib/networks';
import { Checkbox } from './ui';

interface Props {
  /** The checkbox's id; the first one's is the field's, for the error summary to focus. */
  idOf: (id: Network, index: number) => string;
  checked: Record<Network, boolean>;
  onChange: (id: Network, checked: boolean) => void;
}

export function NetworkChecks({ idOf, checked, onChange }: Props) {
  return (
    <div class="inline-options">
      {NETWORKS.map((id, index) => (
        <Checkbox
          key={id}
          id={idOf(id, index)}
          label={network(id).label}
          checked={checked[id]}
          onChange={(on) => onChange(id, on)}
        />
      ))}
    </div>
  );
}
