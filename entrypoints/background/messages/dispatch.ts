/**
 * The one way into the background: a message is answered only when it is one of MESSAGES, comes
 * from a context allowed to send it, and its request passes its schema; otherwise its handler
 * never runs, so nothing changes.
 */
import { z } from 'zod';
import type { BackgroundController } from '../controller';
import type { InjectFile, MessageDefinition, MessageSender, SenderContext } from './define';
import { MESSAGES } from './index';
import { senderContext, type ExtensionIdentity } from './sender';

/** A message refused before its handler ran (unknown, from a context not allowed, or not valid). */
export class RefusedMessage extends Error {
  override readonly name = 'RefusedMessage';
}

const CONTEXT_NAMES: Record<SenderContext, string> = { popup: 'the popup', 'content-script': 'a content script' };

export interface DispatcherOptions {
  bg: BackgroundController;
  self: ExtensionIdentity;
  inject: InjectFile;
  /** The messages answered (tests may pass the same list with recording handlers). */
  messages?: Readonly<Record<string, MessageDefinition>>;
}

export type Dispatch = (name: string, request: unknown, sender: MessageSender) => Promise<unknown>;

export function createDispatcher({ bg, self, inject, messages = MESSAGES }: DispatcherOptions): Dispatch {
  return async (name, request, sender) => {
    const definition = Object.hasOwn(messages, name) ? messages[name] : undefined;
    if (!definition) throw new RefusedMessage(`Relay has no "${name}" message.`);
    // A request that is not valid gets the same answer whoever sent it; a valid one runs only for an allowed sender.
    const parsed = definition.request.safeParse(request);
    if (!parsed.success) {
      if (definition.invalid) return definition.invalid(parsed.error);
      throw new RefusedMessage(`That "${name}" request is not valid: ${z.prettifyError(parsed.error)}`);
    }
    const from = senderContext(sender, self);
    if (!from || !definition.from.includes(from))
      throw new RefusedMessage(`"${name}" can't be sent from ${from ? CONTEXT_NAMES[from] : sender.url || 'there'}.`);
    return definition.handle(parsed.data, { bg, sender, inject });
  };
}
