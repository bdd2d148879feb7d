/** The stream suite's HTTP calls and database seeding: admin requests, publishing, advocates with tokens. */
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase } from '../../server/db';
import { hashToken, newId, newToken, randomString } from '../../server/crypto';
import { REQUEST_TIMEOUT_MS, SEED_BATCH } from './config';

export async function call(url: string, path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(url + path, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

export async function expectJson<T>(response: Response, status: number, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`${what}: HTTP ${response.status} (expected ${status}): ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Migrates the fresh database and inserts `count` advocates; returns their tokens. */
export async function seedAdvocates(url: string, count: number): Promise<string[]> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const tokens = Array.from({ length: count }, () => newToken('advocate'));
    const now = Date.now();
    for (let start = 0; start < count; start += SEED_BATCH) {
      const rows = tokens.slice(start, start + SEED_BATCH).map((token, k) => {
        const id = newId();
        const advocate = {
          id,
          name: `Stream advocate ${start + k + 1}`,
          ref: randomString(10),
          token_hash: `none:${id}`,
          invite_id: null,
          created_at: now,
          last_sync_at: null,
        };
        return { advocate, token: { token_hash: hashToken(token), advocate_id: id, via: 'invite', created_at: now } };
      });
      await database.db
        .insertInto('advocates')
        .values(rows.map((row) => row.advocate))
        .execute();
      await database.db
        .insertInto('advocate_tokens')
        .values(rows.map((row) => row.token))
        .execute();
    }
    return tokens;
  } finally {
    await database.close();
  }
}

export async function publish(url: string, adminToken: string, title: string): Promise<void> {
  const response = await call(
    url,
    '/v1/admin/content',
    { title, url: 'https://example.com/news/stream-bench', variants: { x: [`${title}: worth a read`] }, publish: true },
    adminToken,
  );
  await expectJson(response, 201, `publish "${title}"`);
}
