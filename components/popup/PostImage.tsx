/**
 * A post's picture in a fixed 1.91:1 box (the link-preview shape), so the list never jumps while
 * images load; decorative (alt=""), lazy, and removed if it fails to load.
 */
import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../../lib/safe-url';

export function PostImage({ url }: { url: string | null }) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpUrl(url);
  if (!src || failed) return null;
  return (
    <div class="post-media">
      <img
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    </div>
  );
}
