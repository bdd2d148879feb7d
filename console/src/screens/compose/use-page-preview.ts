/** The preview of the page behind the post's URL, fetched by the server when the URL field is left. */
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../../api';
import { safeHttpUrl } from '../../../../lib/safe-url';
import type { LinkPreview } from '../../types';

export type PagePreview =
  | { state: 'idle' }
  | { state: 'loading'; url: string }
  | { state: 'ready'; url: string; preview: LinkPreview }
  | { state: 'failed'; url: string; message: string };

/** The preview, and `fetch(url)`, which calls `found` with what it found (to fill an empty title). */
export function usePagePreview(found: (preview: LinkPreview) => void) {
  const [preview, setPreview] = useState<PagePreview>({ state: 'idle' });
  const latest = useRef(0);

  async function fetchPreview(url: string) {
    const target = url.trim();
    if (!safeHttpUrl(target)) {
      setPreview({ state: 'idle' });
      return;
    }
    if ((preview.state === 'ready' || preview.state === 'loading') && preview.url === target) return;
    const request = ++latest.current;
    setPreview({ state: 'loading', url: target });
    try {
      const page = await api.post<LinkPreview>('/v1/admin/link-preview', { url: target });
      if (request !== latest.current) return;
      setPreview({ state: 'ready', url: target, preview: page });
      found(page);
    } catch (error) {
      if (request !== latest.current) return;
      const reason = (
        error instanceof ApiError && error.status === 0 ? 'the server is unreachable' : describeError(error)
      ).replace(/\.$/, '');
      setPreview({ state: 'failed', url: target, message: reason });
    }
  }

  return { preview, fetchPreview };
}
