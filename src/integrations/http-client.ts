// The one outbound HTTP client. Every integration (webhooks, Slack, Discord) sends through it.
// It refuses internal addresses after DNS resolution (the checked address is the one it
// connects to, so a name cannot re-resolve elsewhere in between) and again on every redirect,
// unless ALLOW_INTERNAL_HTTP is set; it also bounds time, redirects and response size.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isInternalAddress } from './address-policy.ts';

export interface HttpClientOptions {
  allowInternal: boolean;
  /** The whole exchange, redirects included. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Decides which resolved addresses are refused; tests narrow it, production keeps the default. */
  isRefused?: (address: string) => boolean;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpResponse {
  status: number;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text(): string;
}

export type OutboundErrorCode =
  'internal_address' | 'bad_url' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network';

export class OutboundHttpError extends Error {
  override name = 'OutboundHttpError';
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpClient {
  request(url: string, init?: HttpRequest): Promise<HttpResponse>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const refused = (address: string) =>
    !options.allowInternal && (options.isRefused ?? isInternalAddress)(address);

  // Resolves the name and refuses it when any of its addresses is internal. Node connects to
  // the address returned here, so the check and the connection cannot disagree.
  const guardedLookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses;
      const bad = list.find((a) => refused(a.address));
      if (bad || list.length === 0) {
        return callback(
          new OutboundHttpError(
            'internal_address',
            `${hostname} resolves to an internal address (${bad?.address ?? 'none'}).`,
          ),
          '',
          0,
        );
      }
      if ((lookupOptions as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };

  function once(target: URL, init: HttpRequest, deadline: number): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) && refused(host)) {
        reject(new OutboundHttpError('internal_address', `${host} is an internal address.`));
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        reject(new OutboundHttpError('timeout', 'The request took too long.'));
        return;
      }
      const mod = target.protocol === 'https:' ? https : http;
      const req = mod.request(target, {
        method: init.method ?? 'GET',
        headers: { 'user-agent': 'callin', ...(init.headers ?? {}) },
        lookup: guardedLookup,
        agent: false,
      });
      const timer = setTimeout(
        () => req.destroy(new OutboundHttpError('timeout', 'The request took too long.')),
        remaining,
      );
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      req.on('error', (e) =>
        finish(() =>
          reject(
            e instanceof OutboundHttpError
              ? e
              : new OutboundHttpError(
                  'network',
                  `The request could not be completed: ${e.message}`,
                ),
          ),
        ),
      );
      req.on('response', (res) => {
        const declared = Number(res.headers['content-length'] ?? '0');
        if (declared > maxBytes) {
          req.destroy(
            new OutboundHttpError('too_large', `The response is larger than ${maxBytes} bytes.`),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes)
            req.destroy(
              new OutboundHttpError('too_large', `The response is larger than ${maxBytes} bytes.`),
            );
          else chunks.push(c);
        });
        res.on('error', () => undefined);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          finish(() =>
            resolve({
              status: res.statusCode ?? 0,
              url: target.toString(),
              headers: res.headers,
              body,
              text: () => body.toString('utf8'),
            }),
          );
        });
      });
      if (init.body !== undefined) req.write(init.body);
      req.end();
    });
  }

  return {
    async request(url, init = {}) {
      const deadline = Date.now() + timeoutMs;
      let target = parseUrl(url);
      let current = init;
      for (let hop = 0; ; hop++) {
        const res = await once(target, current, deadline);
        const location = res.headers.location;
        if (!REDIRECTS.has(res.status) || !location) return res;
        if (hop >= maxRedirects)
          throw new OutboundHttpError('too_many_redirects', `More than ${maxRedirects} redirects.`);
        const next = parseUrl(new URL(location, target).toString());
        const headers = { ...(current.headers ?? {}) };
        if (next.origin !== target.origin) {
          for (const h of Object.keys(headers))
            if (/^(authorization|cookie)$/i.test(h)) delete headers[h];
        }
        const keepBody = res.status === 307 || res.status === 308;
        current = keepBody
          ? { ...current, headers }
          : { method: current.method === 'HEAD' ? 'HEAD' : 'GET', headers };
        target = next;
      }
    },
  };
}

function parseUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new OutboundHttpError('bad_url', 'That is not a valid address.');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new OutboundHttpError('bad_url', 'Only http and https addresses are allowed.');
  if (u.username || u.password)
    throw new OutboundHttpError('bad_url', 'Addresses with credentials in them are not allowed.');
  return u;
}
