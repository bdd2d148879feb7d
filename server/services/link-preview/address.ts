/**
 * Which IP addresses the link previewer may connect to: public unicast only. Pure functions, no
 * I/O; the fetcher checks every address a hostname resolves to, and every literal IP, with these.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

/** Readable names for refusal messages. */
export const ADDRESS_CLASS_NAMES: Record<Exclude<AddressClass, 'public'>, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private network address',
  shared: 'a carrier-grade NAT (shared) address',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local address',
  multicast: 'a multicast address',
  documentation: 'an address reserved for documentation',
  reserved: 'a reserved address',
  invalid: 'not an IP address',
};

/** IPv4 ranges that are not public, as [first octets as a 32-bit number, prefix length, class]. */
const IPV4_RANGES: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

const IPV4_TABLE = IPV4_RANGES.map(([base, bits, kind]) => ({
  base: ipv4ToNumber(base),
  size: 2 ** (32 - bits),
  kind,
}));

function classifyIPv4Number(value: number): AddressClass {
  for (const range of IPV4_TABLE) {
    if (value >= range.base && value < range.base + range.size) return range.kind;
  }
  return 'public';
}

/** The 8 16-bit groups of an IPv6 address (validated by isIPv6 first). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  // An embedded IPv4 address in the last 32 bits (::ffff:1.2.3.4) becomes two hex groups.
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = ipv4ToNumber(last);
    text = `${text.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const doubleColon = text.indexOf('::');
  if (doubleColon < 0) return parse(text);
  const head = parse(text.slice(0, doubleColon));
  const rest = parse(text.slice(doubleColon + 2));
  const missing = 8 - head.length - rest.length;
  return [...head, ...new Array<number>(Math.max(0, missing)).fill(0), ...rest];
}

function classifyIPv6(ip: string): AddressClass {
  const g = ipv6Groups(ip);
  if (g.length !== 8 || g.some((group) => !Number.isInteger(group) || group < 0 || group > 0xffff)) return 'invalid';
  const embeddedV4 = (high: number, low: number) => classifyIPv4Number(high * 65536 + low);
  const firstSixZero = g.slice(0, 6).every((group) => group === 0);
  if (firstSixZero && g[6] === 0 && g[7] === 0) return 'unspecified';
  if (firstSixZero && g[6] === 0 && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, deprecated): judged as IPv4.
  if (g.slice(0, 5).every((group) => group === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const kind = embeddedV4(g[6]!, g[7]!);
    return g[5] === 0xffff ? kind : kind === 'public' ? 'reserved' : kind;
  }
  // NAT64 (64:ff9b::/96) carries an IPv4 address; 64:ff9b:1::/48 is for local use.
  if (g[0] === 0x64 && g[1] === 0xff9b) {
    if (g.slice(2, 6).every((group) => group === 0)) return embeddedV4(g[6]!, g[7]!);
    return 'reserved';
  }
  const first = g[0]!;
  if (first >= 0xff00) return 'multicast';
  if (first >= 0xfe80 && first <= 0xfebf) return 'link-local';
  if (first >= 0xfec0 && first <= 0xfeff) return 'reserved'; // site-local, deprecated
  if (first >= 0xfc00 && first <= 0xfdff) return 'unique-local';
  // Only global unicast (2000::/3) is public, minus its special blocks.
  if (first < 0x2000 || first > 0x3fff) return 'reserved';
  if (first === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (first === 0x3fff && g[1]! <= 0x0fff) return 'documentation';
  if (first === 0x2001 && g[1]! < 0x0200) return 'reserved'; // 2001::/23: Teredo, ORCHID, benchmarking…
  if (first === 0x2002) return embeddedV4(g[1]!, g[2]!); // 6to4 carries an IPv4 address
  return 'public';
}

/** What kind of address `ip` is (IPv4 dotted quad, or IPv6 with or without brackets or a zone). */
export function classifyAddress(ip: string): AddressClass {
  let text = ip.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (isIPv4(text)) return classifyIPv4Number(ipv4ToNumber(text));
  if (isIPv6(text)) return classifyIPv6(text);
  return 'invalid';
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === 'public';
}
