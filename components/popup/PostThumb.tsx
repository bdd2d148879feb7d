/**
 * A post's picture as a small square thumbnail (fixed size, so the list never jumps while images
 * load); decorative (alt=""), lazy, and a plain tile when there is none or it fails to load.
 */
import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../../lib/safe-url';

export function PostThumb({ url }: { url: string | null }) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpUrl(url);
  return (
    <div class="post-thumb" aria-hidden="true">
      {src && !failed && (
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(true)}
        />
      )}
    </div>
  );
}
