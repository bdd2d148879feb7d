/**
 * A post's picture as a small square thumbnail (fixed size, so the list never jumps while images
 * load); decorative (alt=""), lazy, and the source's initial on a tile when there is none or it fails to load.
 */
import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../../lib/safe-url';

export function PostThumb({ url, source }: { url: string | null; source: string | null }) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpUrl(url);
  return (
    <div class="post-thumb" aria-hidden="true">
      {src && !failed ? (
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(true)}
        />
      ) : (
        <span class="post-thumb-initial">{(source ?? '').charAt(0).toUpperCase()}</span>
      )}
    </div>
  );
}
