/** The organisation's name for the header (GET /v1/admin/organization), "Relay" until it is set; reloaded when the document is saved. */
import { useEffect, useState } from 'preact/hooks';
import type { Organization } from '../../../lib/schemas/organization';
import { api } from '../api';

export const FALLBACK_NAME = 'Relay';
const PATH = '/v1/admin/organization';

/** `readable`: the role may read the organisation (settings.read); else the fallback name, with no call. */
export function useOrganizationName(readable = true): string {
  const [name, setName] = useState('');
  useEffect(() => {
    if (!readable) return;
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      api
        .get<Organization>(PATH, { signal: controller.signal })
        .then((organization) => setName(organization.name.trim()))
        // The header is no place for an error: it keeps the fallback name.
        .catch(() => undefined);
    };
    const onSaved = (event: Event) => {
      if ((event as CustomEvent<string>).detail === PATH) load();
    };
    load();
    window.addEventListener('relay-document-saved', onSaved);
    return () => {
      controller.abort();
      window.removeEventListener('relay-document-saved', onSaved);
    };
  }, [readable]);
  return name || FALLBACK_NAME;
}
