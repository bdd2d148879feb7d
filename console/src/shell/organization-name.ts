/** The organisation's name for the header (GET /v1/admin/organization), "Relay" until it is set; refreshed on a "relay-organization" event. */
import { useEffect, useState } from 'preact/hooks';
import type { Organization } from '../../../lib/schemas/organization';
import { api } from '../api';

export const FALLBACK_NAME = 'Relay';

/** Tells the header the organisation changed (the settings screen calls it after saving). */
export function announceOrganization(): void {
  window.dispatchEvent(new CustomEvent('relay-organization'));
}

export function useOrganizationName(): string {
  const [name, setName] = useState('');
  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      api
        .get<Organization>('/v1/admin/organization', { signal: controller.signal })
        .then((organization) => setName(organization.name.trim()))
        // The header is no place for an error: it keeps the fallback name.
        .catch(() => undefined);
    };
    load();
    window.addEventListener('relay-organization', load);
    return () => {
      controller.abort();
      window.removeEventListener('relay-organization', load);
    };
  }, []);
  return name || FALLBACK_NAME;
}
