/**
 * A ceiling on counted clicks per client address per tracked link per hour (RELAY_CLICKS_PER_ADDRESS).
 * The visitor hash counts a person once per hour, but one address cycling through user agents would
 * otherwise count as that many people; past the ceiling a visit is still redirected, only not counted.
 * Every distinct visitor up to the ceiling counts, so an office behind one NAT address is not hurt.
 *
 * No raw address is kept: entries are keyed by an HMAC of address and link under a secret made when
 * the process starts (and never stored), only the current hour's entries exist, and their number is
 * bounded (the oldest go first). IPv6 addresses count per /64, the block one subscriber gets.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { Deps } from '../context';
import { clientAddress, requestHeader } from '../middleware/client-address';

const HOUR_MS = 3_600_000;

export interface ClickCeilingOptions {
  /** Distinct visitors counted per address per link per hour. */
  limit: number;
  /** Visitors remembered at most (all addresses and links together); the oldest entries go first. */
  maxVisitors?: number;
}

export class ClickCeiling {
  private readonly secret = randomBytes(32);
  private readonly maxVisitors: number;
  /** HMAC(address block, link) → HMACs of the user agents counted this hour. */
  private readonly entries = new Map<string, Set<string>>();
  private visitors = 0;
  private hour = Number.NaN;

  constructor(private readonly options: ClickCeilingOptions) {
    this.maxVisitors = options.maxVisitors ?? 200_000;
  }

  /** Visitors remembered now (for tests: memory stays bounded). */
  get size(): number {
    return this.visitors;
  }

  /** True when this visit may be counted: its visitor was counted already, or the ceiling is not reached. */
  admit(code: string, address: string, userAgent: string, now: number): boolean {
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) {
      // A new hour: the past ones are forgotten.
      this.entries.clear();
      this.visitors = 0;
      this.hour = hour;
    }
    const key = this.hash(`${addressBlock(address)}\n${code}`);
    const agent = this.hash(userAgent).slice(0, 16);
    let seen = this.entries.get(key);
    if (seen?.has(agent)) return true;
    if (seen && seen.size >= this.options.limit) return false;
    if (!seen) {
      seen = new Set();
      this.entries.set(key, seen);
    }
    seen.add(agent);
    this.visitors++;
    this.evict(key);
    return true;
  }

  private hash(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }

  private evict(current: string): void {
    for (const [key, seen] of this.entries) {
      if (this.visitors <= this.maxVisitors) return;
      if (key === current) continue;
      this.entries.delete(key);
      this.visitors -= seen.size;
    }
  }
}

/** The address a ceiling counts by: an IPv4 address, or an IPv6 address's /64. */
export function addressBlock(address: string): string {
  if (isIP(address) !== 6 || address.includes('.')) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

const ceilings = new WeakMap<Deps, ClickCeiling>();

/**
 * The tracked-link redirect asks this right before recording a click: true when the click may be
 * counted under the ceiling for its client address, link and hour. One ceiling per server (deps).
 */
export function withinClickCeiling(deps: Deps, c: Context, code: string): boolean {
  let ceiling = ceilings.get(deps);
  if (!ceiling) {
    ceiling = new ClickCeiling({ limit: deps.config.clicksPerAddressHour });
    ceilings.set(deps, ceiling);
  }
  const address = clientAddress(c, deps.config.trustProxy);
  return ceiling.admit(code, address, requestHeader(c, 'user-agent') ?? '', deps.now());
}
