/**
 * Typed messages from the popup and content scripts to the background, the only context that
 * touches the network and IndexedDB. The protocol is derived from the background's message
 * definitions (entrypoints/background/messages/) by type only: none of their code is bundled here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageName, Messages } from '../../entrypoints/background/messages';
import type { RequestOf, ResultOf } from '../../entrypoints/background/messages/define';

export type * from './views';

/** Each message as @webext-core/messaging types it: what the sender passes, what it gets back. */
export type ProtocolMap = { [Name in MessageName]: (request: RequestOf<Messages[Name]>) => ResultOf<Messages[Name]> };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Port name the popup connects on; the background posts 'changed' on it when the state moves. */
export const POPUP_PORT = 'relay-popup';
