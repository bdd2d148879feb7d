/**
 * Server-sent URLs go into href/src attributes only after this check: absolute http(s) or nothing,
 * so a `javascript:` or `data:` URL can never become a link or an image (popup and console alike).
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
