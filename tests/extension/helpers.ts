/** Shared set-up for the background's unit tests: a real server, a fresh IndexedDB, a client. */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { ApiClient, type Fetch } from '../../entrypoints/background/api-client';
import type { BackgroundController, BrowserPort } from '../../entrypoints/background/controller';
import { MESSAGES, type MessageName, type Messages } from '../../entrypoints/background/messages';
import type { InjectFile, MessageSender, ResultOf, SenderContext } from '../../entrypoints/background/messages/define';
import { createDispatcher } from '../../entrypoints/background/messages/dispatch';
import { openRelayDb, type RelayDexie } from '../../entrypoints/background/db';
import type { TestServer } from '../helpers/server';
import type { ManagedPolicy } from '../../entrypoints/background/policy';
import type { IdentityPort } from '../../entrypoints/background/work-account';

/** Today's extension version: the manifest's, which WXT takes from package.json. */
export const EXTENSION_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

let counter = 0;
export function freshDb(): RelayDexie {
  return openRelayDb(`relay-test-${process.pid}-${Date.now()}-${counter++}`);
}

export async function publish(
  server: TestServer,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const response = await server.call('/v1/admin/content', {
    method: 'POST',
    token: await server.adminToken(),
    json: {
      title,
      url: `https://example.com/${encodeURIComponent(title)}`,
      variants: { linkedin: [`${title} on LinkedIn {link}`], x: [`${title} on X`] },
      publish: true,
      ...extra,
    },
  });
  if (response.status !== 201) throw new Error(`publish failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** A request the recording fetch passed on: method, path and JSON body as sent. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  at: number;
}

/**
 * The real fetch, watched: records each request as sent and each answer's status, and can rewrite
 * answers or fail on demand.
 */
export function recordingFetch(options: { rewrite?: (body: never) => unknown; failAfterResponse?: boolean } = {}) {
  const statuses: number[] = [];
  const requests: SentRequest[] = [];
  const impl: Fetch = async (input, init) => {
    requests.push({
      method: init?.method ?? 'GET',
      path: new URL(String(input)).pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      at: Date.now(),
    });
    const response = await fetch(input, init);
    statuses.push(response.status);
    if (options.failAfterResponse) {
      await response.arrayBuffer();
      throw new TypeError('network connection lost before the answer arrived');
    }
    if (options.rewrite && response.status === 200) {
      const body = options.rewrite((await response.json()) as never);
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    }
    return response;
  };
  return { impl, statuses, requests };
}

export function clientFor(server: TestServer, token: string, fetchImpl?: Fetch): ApiClient {
  return new ApiClient(server.url, token, fetchImpl);
}

/** A URL nothing listens on (the server is "down"). */
export const DOWN_URL = 'http://127.0.0.1:9';

/**
 * The browser as the controller sees it, recording what it was asked (badge, notifications, tabs,
 * alarms, "changed" broadcasts); WebSockets are the `ws` package's client (Node 20 has none).
 */
export function fakePort(
  options: {
    locked?: string | null;
    random?: () => number;
    WebSocketImpl?: unknown;
    clientVersion?: string;
    /** The organisation's policy (storage.managed); its serverUrl also locks the setup field. */
    policy?: Partial<ManagedPolicy>;
    identity?: IdentityPort;
  } = {},
) {
  const calls = {
    badge: [] as string[],
    notifications: [] as { id: string; title: string }[],
    tabs: [] as string[],
    alarms: [] as string[],
    /** Each alarm set, with when (epoch ms). */
    alarmsAt: [] as { name: string; when: number }[],
    changed: 0,
  };
  const policy: ManagedPolicy = { serverUrl: null, signIn: null, ...options.policy };
  const port: BrowserPort = {
    setBadge: async (text) => void calls.badge.push(text),
    notify: async (id, title) => void calls.notifications.push({ id, title }),
    openTab: async (url) => void calls.tabs.push(url),
    scheduleAlarm: async (name, when) => {
      calls.alarms.push(name);
      calls.alarmsAt.push({ name, when });
    },
    broadcastChanged: () => void calls.changed++,
    configuredServerUrl: async () => options.locked ?? policy.serverUrl ?? null,
    policy: async () => policy,
    identity: options.identity,
    clientVersion: options.clientVersion ?? EXTENSION_VERSION,
    WebSocketImpl: (options.WebSocketImpl ?? WebSocket) as typeof globalThis.WebSocket,
    random: options.random,
  };
  return { port, calls };
}

/** Resolves once `check` holds, polling every 25 ms; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The extension as the dispatcher sees it in these tests. */
export const TEST_EXTENSION = { id: 'relay-test-extension', baseUrl: 'chrome-extension://relay-test-extension/' };

/** A sender from each context, as the browser would describe it. */
export const SENDERS: Record<SenderContext, MessageSender> = {
  popup: { id: TEST_EXTENSION.id, url: `${TEST_EXTENSION.baseUrl}popup.html` },
  'content-script': { id: TEST_EXTENSION.id, url: 'https://x.com/home', tab: { id: 1 }, frameId: 0 },
};

const NO_INJECTION: InjectFile = async () => {
  throw new Error('nothing is injected in this test');
};

/**
 * Sends a message to `bg` through the real dispatcher (sender check, validation, handler), from
 * the first context allowed to send it unless `sender` says otherwise.
 */
export function ask<Name extends MessageName>(
  bg: BackgroundController,
  name: Name,
  request?: unknown,
  options: { sender?: MessageSender; inject?: InjectFile } = {},
): Promise<ResultOf<Messages[Name]>> {
  const dispatch = createDispatcher({ bg, self: TEST_EXTENSION, inject: options.inject ?? NO_INJECTION });
  const sender = options.sender ?? SENDERS[MESSAGES[name].from[0]!];
  return dispatch(name, request, sender) as Promise<ResultOf<Messages[Name]>>;
}
