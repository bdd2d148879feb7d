/** Relay's mark: a teal rounded square (lib/brand.ts) with a white forward arrow, the same as the toolbar icon and the composer's button. */
import { BRAND_COLOR } from '../../lib/brand';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={BRAND_COLOR} />
      <path d="M7 13.6h10.2V8.5L26 16l-8.8 7.5v-5.1H7z" fill="#fff" />
    </svg>
  );
}
