/** Relay's mark: a teal rounded square (lib/brand.ts) with a white forward arrow, the same as the toolbar icon and the composer's button. */
import { BRAND_COLOR, MARK_ARROW_PATH } from '../../lib/brand';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={BRAND_COLOR} />
      <path d={MARK_ARROW_PATH} fill="#fff" />
    </svg>
  );
}
