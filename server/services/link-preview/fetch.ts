/**
 * Fetches a page for POST /v1/admin/link-preview, defended against server-side request forgery:
 *
 * - http(s) only; the hostname is resolved (every address) and refused unless ALL are public
 *   (address.ts: no loopback, private, link-local, unique-local, CGNAT, multicast, reserved,
 *   IPv4-mapped forms of those); literal IPs are checked the same way; `localhost` names never
 *   resolve;
 * - the connection goes to the address that was checked (a pinned `lookup`), so DNS rebinding
 *   between the check and the connection cannot swap it, while Host and TLS (SNI, certificate)
 *   still use the hostname;
 * - at most 3 redirects, each hop checked again; one deadline (5 s) for the whole exchange; only
 *   text/html (or XHTML) is read, and at most 512 KB of it (after decompression);
 * - no cookies, no credentials, no connection reuse.
 *
 * A refused address is a 422 problem; an unreachable page, a timeout or a bad answer a 502.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { LinkPreview } from '../../../lib/console-schemas';
import { ProblemError } from '../../problem';
import { ADDRESS_CLASS_NAMES, classifyAddress, type AddressClass } from './address';
import { unreachableWords } from './failure-words';
import { parsePreview, WINDOWS_1252 } from './parse';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface LinkPreviewOptions {
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  /** Most bytes of HTML read (after decompression); the rest of the page is not downloaded. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Hostname → addresses; dns.lookup (all addresses) by default. */
  resolve?: Resolver;
  /**
   * TESTS ONLY: loopback addresses are allowed too, so a test can serve a page from a local
   * server. Every other non-public address stays refused. Never set by the server itself.
   */
  allowLoopbackForTests?: boolean;
}

export const LINK_PREVIEW_DEFAULTS = { timeoutMs: 5_000, maxBytes: 512 * 1024, maxRedirects: 3 };
const USER_AGENT = 'Mozilla/5.0 (compatible; RelayLinkPreview/1.0; +https://github.com/relay)';
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

function refused(detail: string): ProblemError {
  return new ProblemError(422, `Relay only fetches public addresses: ${detail}`, { type: 'link-preview-refused' });
}

function unreachable(detail: string): ProblemError {
  return new ProblemError(502, detail, { type: 'link-preview-failed', title: 'Bad Gateway' });
}

class Deadline extends Error {
  override name = 'Deadline';
}

/** Hostname without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

export class LinkPreviewer {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly resolver: Resolver;
  private readonly allowLoopback: boolean;

  constructor(options: LinkPreviewOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? LINK_PREVIEW_DEFAULTS.timeoutMs;
    this.maxBytes = options.maxBytes ?? LINK_PREVIEW_DEFAULTS.maxBytes;
    this.maxRedirects = options.maxRedirects ?? LINK_PREVIEW_DEFAULTS.maxRedirects;
    this.resolver = options.resolve ?? defaultResolver;
    this.allowLoopback = options.allowLoopbackForTests === true;
  }

  private allowed(kind: AddressClass): boolean {
    return kind === 'public' || (kind === 'loopback' && this.allowLoopback);
  }

  /**
   * The one address to connect to for `url`, after checking the scheme and every address the host
   * resolves to. Throws the 422 problem when refused, 502 when the name does not resolve.
   */
  async pin(url: URL, signal?: AbortSignal): Promise<ResolvedAddress> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw refused(`${url.protocol} links are not fetched, only http(s).`);
    }
    const host = bareHost(url);
    const literal = classifyAddress(host);
    if (literal !== 'invalid') {
      if (!this.allowed(literal))
        throw refused(`${host} is ${ADDRESS_CLASS_NAMES[literal as Exclude<AddressClass, 'public'>]}.`);
      return { address: host, family: host.includes(':') ? 6 : 4 };
    }
    // localhost and *.localhost are this machine whatever a resolver says (RFC 6761).
    const name = host.toLowerCase().replace(/\.$/, '');
    const local = name === 'localhost' || name.endsWith('.localhost');
    let addresses: ResolvedAddress[];
    try {
      addresses = await abortable(this.resolver(host), signal);
    } catch (error) {
      if (error instanceof Deadline) throw error;
      if (local) throw refused(`${host} is this machine.`);
      throw unreachable(`${unreachableWords(host, error)}.`);
    }
    if (addresses.length === 0) throw unreachable(`${host} has no address.`);
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (!this.allowed(kind)) {
        throw refused(
          `${host} resolves to ${address}, ${kind === 'public' ? 'an address' : ADDRESS_CLASS_NAMES[kind]}.`,
        );
      }
      if (local && kind !== 'loopback') throw refused(`${host} is this machine.`);
    }
    return addresses[0]!;
  }

  /** Fetches `input` and reads its preview. */
  async preview(input: string): Promise<LinkPreview> {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new ProblemError(422, 'The url is not a valid address.', {
        type: 'validation',
        errors: [{ path: 'url', message: 'must be an absolute http(s) URL' }],
      });
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Deadline()), this.timeoutMs);
    try {
      for (let hop = 0; ; hop++) {
        const target = await this.pin(url, controller.signal);
        const response = await this.request(url, target, controller.signal);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status)) {
          response.destroy();
          const location = response.headers.location;
          if (!location) throw unreachable(`${url.href} answered ${status} without a Location.`);
          if (hop >= this.maxRedirects) throw unreachable(`${input} redirects more than ${this.maxRedirects} times.`);
          try {
            url = new URL(location, url);
          } catch {
            throw unreachable(`${url.href} redirects to an invalid address.`);
          }
          continue;
        }
        if (status < 200 || status > 299) {
          response.destroy();
          throw unreachable(`${url.href} answered ${status}.`);
        }
        const contentType = response.headers['content-type'] ?? '';
        const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
        if (mediaType !== '' && !HTML_TYPES.has(mediaType)) {
          response.destroy();
          throw new ProblemError(422, `${url.href} is not an HTML page (${mediaType}); only pages have previews.`, {
            type: 'link-preview-not-html',
          });
        }
        const body = await this.readBody(response, url);
        return parsePreview(decodeHtml(body, contentType), url.href);
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (error instanceof Deadline || controller.signal.aborted) {
        throw unreachable(`${url.href} did not answer within ${Math.round(this.timeoutMs / 100) / 10} s.`);
      }
      throw unreachable(`${unreachableWords(url.host, error)}.`);
    } finally {
      clearTimeout(timer);
    }
  }

  private request(url: URL, target: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
    // Whatever the resolver of the http module would do, the connection goes to `target`.
    const pinned = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    }) as unknown as LookupFunction;
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(
        {
          protocol: url.protocol,
          hostname: bareHost(url),
          port: url.port || (secure ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers: {
            'user-agent': USER_AGENT,
            accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
            'accept-language': 'en;q=0.9,*;q=0.5',
            'accept-encoding': 'gzip, deflate, br',
          },
          lookup: pinned,
          agent: false,
          signal,
          maxHeaderSize: 32 * 1024,
        },
        resolve,
      );
      request.on('error', (error) => reject(signal.aborted ? (signal.reason as Error) : error));
      request.end();
    });
  }

  /** At most maxBytes of the (decompressed) body; the connection is closed after. */
  private async readBody(response: IncomingMessage, url: URL): Promise<Buffer> {
    const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    let stream: Readable = response;
    if (encoding === 'gzip' || encoding === 'x-gzip') stream = response.pipe(zlib.createGunzip());
    else if (encoding === 'deflate') stream = response.pipe(zlib.createInflate());
    else if (encoding === 'br') stream = response.pipe(zlib.createBrotliDecompress());
    else if (encoding !== 'identity' && encoding !== '') {
      response.destroy();
      throw unreachable(`${url.href} answered in an unsupported encoding (${encoding}).`);
    }
    if (stream !== response) response.on('error', (error) => stream.destroy(error));
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        const room = this.maxBytes - size;
        chunks.push(buffer.length > room ? buffer.subarray(0, room) : buffer);
        size += Math.min(buffer.length, room);
        if (size >= this.maxBytes) break;
      }
    } catch (error) {
      // A page cut off mid-way still has its head: use what arrived, unless nothing did.
      if (size === 0) throw error;
    } finally {
      response.destroy();
      if (stream !== response) stream.destroy();
    }
    return Buffer.concat(chunks, size);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** The page's text: charset from Content-Type, else a BOM or <meta charset> near the top, else UTF-8. */
export function decodeHtml(body: Buffer, contentType: string): string {
  let charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) charset = 'utf-8';
  else if (body[0] === 0xff && body[1] === 0xfe) charset = 'utf-16le';
  else if (body[0] === 0xfe && body[1] === 0xff) charset = 'utf-16be';
  if (!charset) {
    const head = body.subarray(0, 2048).toString('latin1');
    charset = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // Node decodes windows-1252 (also what latin1 and ascii labels mean on the web) as ISO-8859-1.
  if (decoder.encoding === 'windows-1252') {
    let text = '';
    for (let at = 0; at < body.length; at += 8192) {
      const chunk = Array.from(body.subarray(at, at + 8192), (byte) => WINDOWS_1252[byte] ?? byte);
      text += String.fromCharCode(...chunk);
    }
    return text;
  }
  return decoder.decode(body);
}
