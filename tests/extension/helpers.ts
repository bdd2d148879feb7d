/** Shared set-up for the background's unit tests: a real server, a fresh IndexedDB, a client. */
import { ApiClient, type Fetch } from '../../entrypoints/background/api-client';
import { openRelayDb, type RelayDexie } from '../../utils/db';
import type { TestServer } from '../helpers/server';

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

/** A fetch that records each answer's status, and can rewrite answers or fail on demand. */
export function recordingFetch(options: { rewrite?: (body: never) => unknown; failAfterResponse?: boolean } = {}) {
  const statuses: number[] = [];
  const impl: Fetch = async (input, init) => {
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
  return { impl, statuses };
}

export function clientFor(server: TestServer, token: string, fetchImpl?: Fetch): ApiClient {
  return new ApiClient(server.url, token, fetchImpl);
}

/** A URL nothing listens on (the server is "down"). */
export const DOWN_URL = 'http://127.0.0.1:9';
