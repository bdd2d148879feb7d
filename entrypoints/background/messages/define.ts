/** What a background message is: its request schema, the contexts that may send it, its handler. */
import { z } from 'zod';
import type { BackgroundController } from '../controller';

/** Where a message comes from: a page of this extension (the popup) or a content script on a composer's site. */
export type SenderContext = 'popup' | 'content-script';

/** The sender as the browser reports it (the fields of runtime.MessageSender the dispatcher reads). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Loads a file of this build into a tab's frame (browser.scripting, from the background's entry). */
export type InjectFile = (tabId: number, frameId: number, file: string) => Promise<void>;

/** What a handler gets besides the request: the background, who sent it, and the browser's injection. */
export interface MessageContext {
  bg: BackgroundController;
  sender: MessageSender;
  inject: InjectFile;
}

export interface MessageDefinition<Schema extends z.ZodType = z.ZodType, Result = unknown> {
  /** What the sender may send; anything else never reaches the handler. */
  readonly request: Schema;
  /** The contexts allowed to send it. */
  readonly from: readonly SenderContext[];
  /**
   * The answer to a request that does not pass `request`, for messages whose senders show a
   * result; without it, such a request is answered with an error.
   */
  readonly invalid?: (error: z.ZodError) => Result;
  handle(request: z.output<Schema>, context: MessageContext): Result | Promise<Result>;
}

/** The request of a message that carries nothing. */
export const noRequest = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/** Declares a message (typed: the popup's and content scripts' client is derived from it). */
export function defineMessage<Schema extends z.ZodType, Result>(
  definition: MessageDefinition<Schema, Result>,
): MessageDefinition<Schema, Result> {
  return definition;
}

/** What a sender passes (null and an empty object, which the schemas tolerate, are not offered). */
export type RequestOf<D> =
  D extends MessageDefinition<infer Schema, unknown>
    ? [Exclude<z.input<Schema>, null>] extends [undefined | Record<string, never>]
      ? undefined
      : Exclude<z.input<Schema>, null>
    : never;

/** What the sender gets back. */
export type ResultOf<D> = D extends MessageDefinition<z.ZodType, infer Result> ? Result : never;
