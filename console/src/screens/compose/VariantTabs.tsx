/** One tab per text network (its name, how many variants, off or needing a fix); arrow keys move between them. */
import { TEXT_NETWORKS, network, type TextNetwork } from '../../../../lib/networks';
import { NetworkIcon } from '../../components/previews/NetworkIcon';

interface Props {
  active: TextNetwork;
  enabled: Record<TextNetwork, boolean>;
  counts: Record<TextNetwork, number>;
  /** Networks with an error in their variants. */
  invalid: ReadonlySet<TextNetwork>;
  onPick: (id: TextNetwork) => void;
}

export function VariantTabs({ active, enabled, counts, invalid, onPick }: Props) {
  function onKeyDown(event: KeyboardEvent) {
    const at = TEXT_NETWORKS.indexOf(active);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: TEXT_NETWORKS.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = TEXT_NETWORKS[(to + TEXT_NETWORKS.length) % TEXT_NETWORKS.length]!;
    onPick(next);
    document.getElementById(`compose-tab-${next}`)?.focus();
  }
  return (
    <div class="tabs" role="tablist" aria-label="Text for each network" onKeyDown={onKeyDown}>
      {TEXT_NETWORKS.map((id) => {
        const on = enabled[id];
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={`compose-tab-${id}`}
            class={`tab${on ? '' : ' tab--off'}`}
            aria-selected={id === active}
            aria-controls={`compose-panel-${id}`}
            tabIndex={id === active ? 0 : -1}
            onClick={() => onPick(id)}
          >
            <NetworkIcon id={id} />
            <span>{network(id).label}</span>{' '}
            <span class="tab__count">
              {on ? counts[id] : 'off'}
              <span class="visually-hidden">{on ? (counts[id] === 1 ? ' variant' : ' variants') : ''}</span>
            </span>
            {invalid.has(id) && (
              <span class="tab__alert">
                !<span class="visually-hidden"> needs a fix</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
