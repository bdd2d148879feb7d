/**
 * Typed messages from the popup (and content scripts) to the background, the only context that
 * touches the network and IndexedDB. Payloads are validated on arrival (lib/messages.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EnrollMessage, ShareMessage } from '../lib/messages';
import type { PointsSummary } from '../lib/points';
import type { AdvocateItem, Network } from '../lib/schemas';
import type { SyncStatus } from './db';

export interface PopupItem extends AdvocateItem {
  /** This advocate's suggested text per network, link included (Facebook: the link alone). */
  suggestions: Partial<Record<Network, string>>;
}

export interface PopupState {
  setup: { serverUrl: string; locked: boolean };
  enrollment: { serverUrl: string; advocate: { id: string; name: string } } | null;
  status: SyncStatus;
  /** Newest first. */
  content: PopupItem[];
  unseen: string[];
  points: PointsSummary | null;
  pendingShares: number;
}

export type EnrollResult =
  | { ok: true }
  | { ok: false; kind: 'invalid' | 'unreachable' | 'bad-code' | 'expired' | 'server'; message: string };

export type ShareResult = { ok: true; url: string; shareId: string } | { ok: false; message: string };

export interface ProtocolMap {
  getState(): PopupState;
  enroll(data: EnrollMessage): EnrollResult;
  signOut(): void;
  syncNow(): PopupState;
  share(data: ShareMessage): ShareResult;
  markSeen(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Port name the popup connects on; the background posts 'changed' on it when the state moves. */
export const POPUP_PORT = 'relay-popup';
