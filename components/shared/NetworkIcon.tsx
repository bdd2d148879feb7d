/** A network's icon from the registry (lib/networks.ts): its glyph, white on its colour, in a rounded square. */
import { network as definition, type Network } from '../../lib/networks';

export function NetworkIcon({ network, size = 16 }: { network: Network; size?: number }) {
  const { glyph, color } = definition(network).icon;
  return (
    <svg
      class="network-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      data-network={network}
    >
      {/* The faint light edge keeps a near-black brand colour (X, Threads) visible on a dark button. */}
      <rect x="0.5" y="0.5" width="15" height="15" rx="3" fill={color} stroke="rgb(255 255 255 / 0.35)" />
      <text
        x="8"
        y="8"
        dy="0.35em"
        text-anchor="middle"
        fill="#fff"
        font-family="system-ui, sans-serif"
        font-size={glyph.length > 1 ? 8.5 : 11}
        font-weight="700"
      >
        {glyph}
      </text>
    </svg>
  );
}
