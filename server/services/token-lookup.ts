/** Advocate tokens looked up together: the lookups asked for in one turn of the event loop go to the database as one query. */
import { sql, type CompiledQuery, type InferResult, type Kysely } from 'kysely';
import type { DialectName } from '../db';
import { nameStatement } from '../db/pg-named';
import type { Database } from '../db/schema';
import { groupIdsColumn } from './audiences';

/** Tokens per query at most; more in one turn make several queries. */
const MAX_BATCH = 200;

/** The lookup of a list of token hashes, as one statement whatever the list's length: one parameter. */
function tokensQuery(db: Kysely<Database>, dialect: DialectName, hashes: unknown) {
  const listed =
    dialect === 'postgres'
      ? sql<boolean>`advocate_tokens.token_hash = any(${hashes})`
      : sql<boolean>`advocate_tokens.token_hash in (select value from json_each(${hashes}))`;
  return db
    .selectFrom('advocate_tokens')
    .innerJoin('advocates', 'advocates.id', 'advocate_tokens.advocate_id')
    .select(['advocate_tokens.token_hash', 'advocate_tokens.created_at', 'advocate_tokens.used_at'])
    .select(['advocates.id', 'advocates.name', 'advocates.ref', 'advocates.click_tracking', 'advocates.leaderboard'])
    .select(['advocates.last_sync_at', 'advocates.region', 'advocates.language', 'advocates.language_source'])
    .select(groupIdsColumn(dialect).as('group_ids'))
    .where(listed)
    .where('advocates.access_ended', 'is', null);
}

/** A live advocate's token and what the request needs of the advocate. */
export type TokenRow = InferResult<ReturnType<typeof tokensQuery>>[number];

interface Waiting {
  resolve(row: TokenRow | undefined): void;
  reject(error: unknown): void;
}

/**
 * Every request of an extension starts with its token. Under load many arrive in the same turn of
 * the event loop; asking for them together costs one round trip (one write to the database's
 * socket, one read, one query compiled) instead of one each. A lookup alone waits only for the end
 * of the current turn (setImmediate). The answer is what the database says at that moment:
 * nothing is cached.
 */
export class TokenLookup {
  private waiting = new Map<string, Waiting[]>();
  private scheduled = false;
  /** The statement, compiled once: each batch only changes its one parameter. */
  private readonly compiled: CompiledQuery<TokenRow>;
  /** Queries made, for tests. */
  queries = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {
    this.compiled = tokensQuery(db, dialect, null).compile();
    if (this.compiled.parameters.length !== 1) throw new Error('the token lookup must have one parameter: the list');
    if (dialect === 'postgres') nameStatement(this.compiled.sql);
  }

  /** The token's row when it belongs to an advocate whose access has not ended. */
  find(tokenHash: string): Promise<TokenRow | undefined> {
    return new Promise((resolve, reject) => {
      const same = this.waiting.get(tokenHash);
      if (same) same.push({ resolve, reject });
      else this.waiting.set(tokenHash, [{ resolve, reject }]);
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.run());
    });
  }

  private run(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = new Map();
    const hashes = [...batch.keys()];
    for (let i = 0; i < hashes.length; i += MAX_BATCH) void this.answer(hashes.slice(i, i + MAX_BATCH), batch);
  }

  private async answer(hashes: string[], batch: Map<string, Waiting[]>): Promise<void> {
    this.queries++;
    let rows: TokenRow[];
    try {
      // PostgreSQL takes the array as text[]; SQLite reads it as JSON.
      const parameter = this.dialect === 'postgres' ? hashes : JSON.stringify(hashes);
      rows = (await this.db.executeQuery<TokenRow>({ ...this.compiled, parameters: [parameter] })).rows;
    } catch (error) {
      for (const hash of hashes) for (const waiting of batch.get(hash) ?? []) waiting.reject(error);
      return;
    }
    const byHash = new Map(rows.map((row) => [row.token_hash, row]));
    for (const hash of hashes) for (const waiting of batch.get(hash) ?? []) waiting.resolve(byHash.get(hash));
  }
}
