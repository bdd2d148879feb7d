/** Advocates recently authenticated, by token hash (one per browser): used only while the database is unreachable, so a share made then can still be taken. */
import type { AdvocatePrincipal } from '../context';

export class PrincipalCache {
  private readonly entries = new Map<string, { principal: AdvocatePrincipal; at: number }>();

  /**
   * `ttlMs`: how long after its last check against the database a token is still believed.
   * Revocations evict at once (services/advocates.ts announces them on every instance).
   */
  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 15 * 60_000,
    private readonly maxEntries = 100_000,
  ) {}

  /** The database just vouched for this token. */
  remember(tokenHash: string, principal: AdvocatePrincipal): void {
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { principal, at: this.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Whom this token belonged to when last checked, if that was recent enough. */
  recall(tokenHash: string): AdvocatePrincipal | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /** One browser's token ended (signed out, expired): the advocate's other tokens stay believed. */
  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetAdvocate(advocateId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.id === advocateId) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
