/**
 * The organisation on the setup screen: its logo (only an http(s) URL, through safeHttpUrl) or a
 * monogram of its initials, and its name, else the server's host; Relay's mark before a server is known.
 */
import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../../lib/safe-url';
import { Logo } from '../shared/Logo';

/** The server's host ("relay.example.com"), or null when the URL can't be read. */
export function hostOf(serverUrl: string): string | null {
  const trimmed = serverUrl.trim();
  if (!trimmed) return null;
  try {
    return new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname || null;
  } catch {
    return null;
  }
}

/** Up to two initials: "Northwind Robotics" → "NR", "relay.example.com" → "RE". */
export function initials(name: string): string {
  const words = name.split(/[\s.\-_]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

export function OrgMark({ name, logoUrl }: { name: string | null; logoUrl: string | null | undefined }) {
  const [failed, setFailed] = useState(false);
  const src = safeHttpUrl(logoUrl ?? null);
  if (!name) return <Logo size={40} />;
  if (src && !failed)
    return (
      <img
        class="org-logo"
        src={src}
        alt=""
        width={40}
        height={40}
        referrerpolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  return (
    <span class="org-monogram" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
