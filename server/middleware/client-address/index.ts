/**
 * Who sent a request, through the reverse proxies RELAY_TRUST_PROXY trusts: the client's address,
 * and the scheme and host the browser used (X-Forwarded-Proto / X-Forwarded-Host of the same hop).
 *
 * X-Forwarded-For is read from the right: each proxy appends the address it received the request
 * from, so only the entries the trusted proxies added are facts; whatever lies to their left was
 * written by the client and is ignored. The socket's peer is the last hop of the chain.
 *
 * - false / 0: no proxy. The socket's address; forwarded headers are ignored.
 * - a hop count N: N proxies in front of Relay. The client is the address the outermost of them
 *   saw: the (N+1)-th entry from the right of [X-Forwarded-For…, socket peer].
 * - a list of addresses and CIDRs: walking from the right, trusted addresses are skipped; the
 *   first untrusted one is the client. A peer that is not trusted is the client itself.
 */
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/** RELAY_TRUST_PROXY: false (no proxy), a hop count (true is 1), or trusted proxy addresses and CIDRs. */
export type TrustProxy = boolean | number | readonly string[];

/** The most proxies a hop count may name. */
const MAX_HOPS = 32;

/**
 * Parses RELAY_TRUST_PROXY's value: `false`/`0` (off), `true` (one proxy), a hop count, or a
 * comma-separated list of addresses and CIDRs. Throws an Error saying what is wrong.
 */
export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (value === '' || ['false', 'no', 'off'].includes(value)) return 0;
  if (['true', 'yes', 'on'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new Error(`a hop count must be from 0 to ${MAX_HOPS}`);
    return hops;
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  trustedList(entries); // throws on a bad entry
  return entries;
}

/** A BlockList of the trusted addresses and CIDRs (IPv4, IPv6, IPv4-mapped IPv6). */
function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) {
      throw new Error(`${JSON.stringify(entry)} is neither an IP address nor a CIDR such as 10.0.0.0/8`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits <= (family === 4 ? 32 : 128))) {
      throw new Error(`${JSON.stringify(entry)} has a bad prefix length (at most ${family === 4 ? 32 : 128})`);
    }
    list.addSubnet(address, bits, type);
  }
  return list;
}

const compiled = new WeakMap<readonly string[], BlockList>();

function blockListOf(entries: readonly string[]): BlockList {
  let list = compiled.get(entries);
  if (!list) {
    list = trustedList(entries);
    compiled.set(entries, list);
  }
  return list;
}

/**
 * One X-Forwarded-For entry or socket address as a plain address: brackets and a port taken off,
 * IPv4-mapped IPv6 written as IPv4, lowercase. Anything else is kept as written (it is untrusted).
 */
export function normalizeAddress(raw: string): string {
  let value = raw.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  return mapped ? mapped[1]! : value;
}

/**
 * A request header (lowercase name), read from Node's parsed headers when there are any: cheaper on
 * hot paths (the tracked-link redirect) than building the Fetch API Headers object.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const headers = (c.env as NodeBindings | undefined)?.incoming?.headers;
  if (headers) {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}

interface NodeBindings {
  incoming?: {
    headers?: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string; encrypted?: boolean };
  };
}

function socketOf(c: Context): { remoteAddress?: string; encrypted?: boolean } | undefined {
  return (c.env as NodeBindings | undefined)?.incoming?.socket;
}

function isOff(trust: TrustProxy): boolean {
  return trust === false || trust === 0 || (Array.isArray(trust) && trust.length === 0);
}

/** The client's address and how many trusted proxies forwarded the request (0: none, or no trust). */
function resolve(c: Context, trust: TrustProxy): { address: string; proxies: number } {
  const peer = normalizeAddress(socketOf(c)?.remoteAddress ?? 'unknown');
  if (isOff(trust)) return { address: peer, proxies: 0 };
  const header = requestHeader(c, 'x-forwarded-for');
  const chain = header ? header.split(',').map(normalizeAddress).filter(Boolean) : [];
  chain.push(peer);
  let index = chain.length - 1;
  if (typeof trust === 'number' || typeof trust === 'boolean') {
    // Fewer entries than proxies: the leftmost is the furthest anyone vouches for.
    index = Math.max(0, index - Number(trust));
  } else {
    const list = blockListOf(trust);
    while (index > 0 && isTrusted(list, chain[index]!)) index--;
  }
  return { address: chain[index]!, proxies: chain.length - 1 - index };
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The client's address: the socket's, or the one the outermost trusted proxy saw. */
export function clientAddress(c: Context, trust: TrustProxy): string {
  return resolve(c, trust).address;
}

/**
 * The value of a forwarded header (X-Forwarded-Proto, X-Forwarded-Host) that the outermost trusted
 * proxy wrote: proxies that append give one entry per hop, read from the right like
 * X-Forwarded-For; proxies that set the header give one entry, their own.
 */
function forwardedValue(c: Context, trust: TrustProxy, name: string): string | undefined {
  const { proxies } = resolve(c, trust);
  if (proxies === 0) return undefined;
  const entries = (requestHeader(c, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries.length >= proxies ? entries[entries.length - proxies] : entries[0];
}

/** The scheme the browser used: X-Forwarded-Proto from a trusted proxy, else the connection's own. */
export function requestScheme(c: Context, trust: TrustProxy): 'http' | 'https' {
  const forwarded = forwardedValue(c, trust, 'x-forwarded-proto')?.toLowerCase();
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  if (socketOf(c)?.encrypted) return 'https';
  return new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
}

/** The host the browser asked for as a trusted proxy forwarded it (X-Forwarded-Host), if any. */
export function forwardedHost(c: Context, trust: TrustProxy): string | undefined {
  return forwardedValue(c, trust, 'x-forwarded-host')?.toLowerCase();
}
