/**
 * Hands the PopupClient to the components that talk to the background (share buttons, forms)
 * without threading it through every level.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupClient } from './PopupClient';

export const ClientContext = createContext<PopupClient | null>(null);

export function useClient(): PopupClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext.Provider> above it');
  return client;
}
